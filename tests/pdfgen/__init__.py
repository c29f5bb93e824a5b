"""Generator of newspaper-style test PDFs (see :mod:`tests.pdfgen.newspaper`)."""
