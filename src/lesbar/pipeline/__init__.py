"""The conversion pipeline: read → segment → transform stages → write, per input file."""

from lesbar.pipeline.convert import ConvertOptions, ConvertResult, convert_file

__all__ = ["ConvertOptions", "ConvertResult", "convert_file"]
