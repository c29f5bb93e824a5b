"""Transforms: functions from document to document (segmentation, simplification, translation, glossary)."""
