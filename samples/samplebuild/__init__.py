"""Builders for lesbar's bundled sample files (run ``python samples/make_samples.py``).

The samples are realistic inputs for lesbar's readers: a two-page, multi-column newspaper clipping
(PDF, untagged like a real clipping), the same report as a Word file, and a short press release as
DOCX and single-column PDF. Everything is generated from the text in ``samples/source/`` so the
files can be rebuilt byte for byte and reviewed as text.
"""
