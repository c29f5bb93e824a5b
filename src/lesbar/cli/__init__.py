"""The ``lesbar`` command line: thin click commands over the library."""
