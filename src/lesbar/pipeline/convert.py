"""``convert``: one input file → one output folder with every variant in every format.

The folder ``OUT/<input stem>/`` is built under a temporary name beside it and renamed into place only
when everything is written, so nobody ever sees a half-written folder; an existing folder (which someone
may have edited) is never overwritten silently: a new folder ``<stem>-2`` is used unless ``force``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from lesbar import __version__
from lesbar.config import VARIANTS, LimitSettings, Settings, TranslationSettings
from lesbar.errors import LesbarError, OutputExistsError
from lesbar.model import Document, Figure, sentences_text
from lesbar.pipeline.report import write_report_html
from lesbar.pipeline.stages import Stage, StageResult, default_stages
from lesbar.readers import read_document
from lesbar.transforms.segment import segment_document
from lesbar.writers import render_formats

log = logging.getLogger(__name__)


@dataclass
class ConvertOptions:
    """Everything that decides what ``convert`` produces (from lesbar.toml and CLI options)."""

    variants: list[str] = field(default_factory=lambda: ["original", "leicht", "einfach"])
    formats: list[str] = field(default_factory=lambda: ["html", "docx", "pdf"])
    translate: list[str] = field(default_factory=list)
    translate_from: list[str] = field(default_factory=lambda: ["original"])
    glossaries: list[str] = field(default_factory=list)
    as_level: str | None = None  # editors' loop: the input already is "leicht" / "einfach" text
    force: bool = False
    strict: bool = False
    split_compounds: bool = False  # Einfache Sprache: split long compounds too
    limits: LimitSettings = field(default_factory=LimitSettings)
    translation: TranslationSettings = field(default_factory=TranslationSettings)
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Settings) -> ConvertOptions:
        return cls(
            variants=list(settings.convert.variants),
            formats=list(settings.convert.formats),
            translate=list(settings.convert.translate),
            translate_from=list(settings.convert.translate_from),
            glossaries=list(settings.glossary.paths),
            strict=settings.convert.strict,
            split_compounds=settings.convert.split_compounds,
            limits=settings.limits,
            translation=settings.translation,
        )


@dataclass
class ConvertResult:
    input: str
    folder: str = ""
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    error: str = ""
    error_code: str = ""  # stable kind of the error (lesbar.errors.INPUT_CODES), for front ends
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.error


def output_folder(out_dir: Path, stem: str, force: bool) -> Path:
    """The folder for ``stem``: ``out_dir/stem``, or ``stem-2``, ``stem-3`` … if that exists and not ``force``."""
    target = out_dir / stem
    if force or not target.exists():
        return target
    n = 2
    while (out_dir / f"{stem}-{n}").exists():
        n += 1
    return out_dir / f"{stem}-{n}"


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and rename, so readers never see a partial file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def convert_file(
    input_path: str | Path,
    out_dir: str | Path,
    options: ConvertOptions | None = None,
    stages: list[Stage] | None = None,
    progress: Callable[[str], None] | None = None,
) -> ConvertResult:
    """Convert one input into ``out_dir/<stem>/``. Errors in the input are returned, not raised."""
    options = options or ConvertOptions()
    input_path = Path(input_path)
    out_dir = Path(out_dir)
    started = time.monotonic()
    result = ConvertResult(input=str(input_path))
    timings: dict[str, float] = {}
    try:
        t0 = time.monotonic()
        doc = read_document(input_path, options.limits)
        segment_document(doc)
        timings["read"] = round(time.monotonic() - t0, 3)
        report: dict[str, Any] = {"document": _doc_summary(doc), "variants": {}, "translations": {}, "notes": []}
        variants, options = _starting_variants(doc, options, result)
        german = doc.meta.lang.split("-")[0] == "de"
        if german or options.as_level:
            context = StageContext(doc=doc, options=options, variants=variants, report=report, result=result)
            for stage in stages if stages is not None else default_stages():
                t0 = time.monotonic()
                _apply_outcome(stage.run(context), result)
                timings[stage.name] = round(time.monotonic() - t0, 3)
        # simplified variants made only as a source for translation are not written themselves
        wanted = [name for name in variants if name not in VARIANTS or name in options.variants
                  or name == options.as_level]
        folder = output_folder(out_dir, input_path.stem, options.force)
        out_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=out_dir))
        try:
            files: list[str] = []
            t0 = time.monotonic()
            for name in wanted:
                for fmt, data in render_formats(variants[name], options.formats):
                    if progress:
                        progress(f"{name}.{fmt}")
                    atomic_write(tmp / f"{name}.{fmt}", data)
                    files.append(f"{name}.{fmt}")
            timings["write"] = round(time.monotonic() - t0, 3)
            report["notes"] = result.notes + [f"missing: {m}" for m in result.missing]
            atomic_write(tmp / "report.json", json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8"))
            atomic_write(tmp / "report.html", write_report_html(report).encode("utf-8"))
            files += ["report.html", "report.json"]
            result.seconds = round(time.monotonic() - started, 3)
            manifest = {
                "lesbar_version": __version__,
                "input": {"path": str(input_path), "name": input_path.name, "sha256": doc.meta.source.sha256,
                          "format": doc.meta.source.format, "language": doc.meta.lang},
                "options": _options_dict(options),
                "files": sorted(files) + ["manifest.json"],
                "variants": {name: {"language": v.meta.lang, "automatic": v.meta.provenance.automatic,
                                    "reviewed": v.meta.provenance.reviewed, "method": v.meta.provenance.method,
                                    "pivot": v.meta.provenance.pivot}
                             for name, v in variants.items() if name in wanted},
                "notes": result.notes,
                "missing": result.missing,
                "timings": {**timings, "total": result.seconds},
                "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            }
            atomic_write(tmp / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"))
            files.append("manifest.json")
            _move_into_place(tmp, folder, options.force)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        result.folder = str(folder)
        result.files = sorted(files)
    except LesbarError as exc:
        result.error, result.error_code = str(exc), exc.code
    except MemoryError:
        result.error = f"{input_path.name}: not enough memory to convert this file; split it into smaller files"
        result.error_code = "memory"
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others or show a traceback
        log.debug("conversion of %s failed", input_path, exc_info=True)
        result.error = (
            f"{input_path.name}: could not be converted ({type(exc).__name__}: {str(exc)[:200]}); "
            "the file may be damaged - open and save it again, or report this with 'lesbar -vv convert ...'"
        )
        result.error_code = "damaged"
    result.seconds = round(time.monotonic() - started, 3)
    return result


def _starting_variants(
    doc: Document, options: ConvertOptions, result: ConvertResult
) -> tuple[dict[str, Document], ConvertOptions]:
    """The variants before any stage runs, and the options adjusted to the input.

    In the editors' loop (``--as leicht``) the input *is* the edited variant: it is rendered as it is and is
    what gets translated. A document that is not German is only rendered as the original.
    """
    if options.as_level:
        doc.meta.variant = options.as_level  # type: ignore[assignment]
        doc.meta.provenance.automatic = True
        doc.meta.provenance.reviewed = True
        doc.meta.provenance.method = "edited by a person"
        result.notes.append(f"input taken as {options.as_level} text (edited by a person); not simplified again")
        return {options.as_level: doc}, replace(options, translate_from=[options.as_level])
    if doc.meta.lang.split("-")[0] != "de":
        result.notes.append(
            f"the document is in '{doc.meta.lang}', not German: only original.* is written "
            "(simplification and translation work from German)"
        )
    return {"original": doc}, options


@dataclass
class StageContext:
    """What stages see and extend: the source document, the variants made so far and the report."""

    doc: Document
    options: ConvertOptions
    variants: dict[str, Document]
    report: dict[str, Any]
    result: ConvertResult


def _apply_outcome(outcome: StageResult | None, result: ConvertResult) -> None:
    if outcome is None:
        return
    result.notes.extend(outcome.notes)
    result.missing.extend(outcome.missing)


def _move_into_place(tmp: Path, folder: Path, force: bool) -> None:
    if folder.exists():
        if not force:
            raise OutputExistsError(f"{folder}: exists; use --force to replace it")
        old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
        os.replace(folder, old)
        os.replace(tmp, folder)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(tmp, folder)


def _options_dict(options: ConvertOptions) -> dict[str, Any]:
    """The options as JSON data; ``extra`` holds run-time objects (loaded glossaries, engines) and is left out."""
    return {f.name: (asdict(value) if is_dataclass(value) else value)
            for f in fields(options) if f.name != "extra" for value in [getattr(options, f.name)]}


def _doc_summary(doc: Document) -> dict[str, Any]:
    sentences = list(doc.sentences())
    return {
        "title": doc.meta.title,
        "language": doc.meta.lang,
        "source": doc.meta.source.name,
        "blocks": sum(1 for _ in doc.walk()),
        "sentences": len(sentences),
        "byline": doc.meta.byline,
        "dateline": doc.meta.dateline,
        "warnings": doc.meta.warnings,
        "figures": [
            {"id": b.id, "alt": b.alt, "alt_status": b.alt_status, "caption": sentences_text(b.caption)}
            for b in doc.walk() if isinstance(b, Figure)
        ],
    }
