#!/usr/bin/env python3
"""Rebuild lesbar's bundled sample files from the texts in ``samples/source/``.

Usage::

    .venv/bin/python samples/make_samples.py            # writes into samples/
    .venv/bin/python samples/make_samples.py -o /tmp/x  # writes elsewhere (used by the tests)

The output is deterministic: the PDFs are written with reportlab's ``invariant`` mode and the DOCX
ZIP entries get fixed timestamps, so a rebuild with the same library versions gives identical bytes.
Needs reportlab, Pillow, pyphen, python-docx and PyYAML (all in lesbar's test extras) and the Noto
fonts from Debian's ``fonts-noto-core``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from samplebuild.clipping_pdf import build_clipping_pdf  # noqa: E402
from samplebuild.environment import ENVIRONMENT_FILE, build_environment  # noqa: E402
from samplebuild.fonts import MissingFontError  # noqa: E402
from samplebuild.photo import conference_photo_png  # noqa: E402
from samplebuild.press_release import (  # noqa: E402
    build_press_release_docx,
    build_press_release_pdf,
    load_press_release,
)
from samplebuild.report_docx import build_report_docx  # noqa: E402
from samplebuild.source import load_report  # noqa: E402

log = logging.getLogger("make_samples")


def builders() -> dict[str, Callable[[], bytes]]:
    """File name -> function returning that file's bytes."""
    report = load_report()
    press = load_press_release()
    return {
        "integrationskonferenz.pdf": lambda: build_clipping_pdf(report),
        "integrationskonferenz.docx": lambda: build_report_docx(report),
        "integrationskonferenz-foto.png": conference_photo_png,
        "pressemitteilung-sprachkurs.docx": lambda: build_press_release_docx(press),
        "pressemitteilung-sprachkurs.pdf": lambda: build_press_release_pdf(press),
    }


def build_all(out_dir: Path) -> list[Path]:
    """Build every sample into ``out_dir``.

    All files are built in memory first, so a failure (e.g. a missing font) writes nothing; each
    file is then replaced atomically. ``build-environment.json`` records the library versions and
    font files the bytes depend on, so tests know when a byte-for-byte comparison is meaningful.
    """
    files = {name: build() for name, build in builders().items()}
    files[ENVIRONMENT_FILE] = (json.dumps(build_environment(), indent=2, sort_keys=True) + "\n").encode()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in files.items():
        target = out_dir / name
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(data)
        partial.replace(target)
        log.info("wrote %s (%d bytes)", target, len(data))
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--out", type=Path, default=HERE, help="output folder (default: samples/)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        build_all(args.out)
    except (MissingFontError, OSError) as error:
        print(f"make_samples: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
