"""lesbar: makes public information readable for everyone.

Readers → one document model → transforms (simplify, translate, glossary) → writers.
"""

__version__ = "0.1.0"
