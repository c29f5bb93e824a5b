"""Which files a command line names: files as given, folders expanded to the reports inside them."""

from __future__ import annotations

from pathlib import Path

from lesbar.readers import SUPPORTED


def is_temporary(path: Path) -> bool:
    """Office lock files, partial downloads and hidden files are never inputs."""
    name = path.name
    return (
        name.startswith(("~$", ".", "~"))
        or name.endswith((".part", ".crdownload", ".tmp", ".partial", ".download"))
    )


def collect_inputs(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """``(files, problems)``: files to convert in a stable order, and one message per unusable path.

    A missing path is a problem; a folder contributes its PDF and DOCX files (recursively, sorted).
    Explicitly named files of another type are passed on so the reader can say what they are.
    """
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED and not is_temporary(p)
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                problems.append(f"{path}: the folder holds no PDF or DOCX files")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            problems.append(f"{path}: no such file; check the name and path")
    return files, problems
