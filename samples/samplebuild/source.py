"""Loading the structured sample texts from ``samples/source/*.yaml``.

The texts live in YAML rather than in code so that editors can correct them, diffs stay readable and
tests can compare the built files against the text they were built from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SOURCE_DIR = Path(__file__).resolve().parents[1] / "source"


@dataclass(frozen=True)
class BodyItem:
    """A body paragraph or an intermediate heading, in reading order."""

    text: str
    is_heading: bool = False
    figure_after: bool = False
    pull_quote_after: bool = False


@dataclass(frozen=True)
class Report:
    """The newspaper report of the Integrationskonferenz (integrationskonferenz.yaml)."""

    language: str
    headline: str
    lead: str
    byline: str
    author: str
    dateline: str
    newspaper: dict[str, Any]
    body: tuple[BodyItem, ...]
    caption: str
    credit: str
    alt_text: str
    pull_quote: str
    attribution: str
    ocr_fixes: tuple[dict[str, str], ...] = field(default_factory=tuple)

    def running_footer(self, page_index: int) -> str:
        """Footer text for the clipping's page ``page_index`` (0-based)."""
        page = int(self.newspaper["first_page"]) + page_index
        return str(self.newspaper["footer"]).format(page=page)

    def plain_text(self) -> str:
        """All article text (headline, lead, body, caption, pull quote) joined by newlines."""
        parts = [self.headline, self.lead, self.byline, self.dateline]
        parts += [item.text for item in self.body]
        parts += [self.caption, self.pull_quote, self.attribution]
        return "\n".join(parts)


def _clean(text: str) -> str:
    return " ".join(str(text).split())


def _body_item(raw: Any) -> BodyItem:
    if isinstance(raw, str):
        return BodyItem(_clean(raw))
    if "heading" in raw:
        return BodyItem(_clean(raw["heading"]), is_heading=True)
    return BodyItem(
        _clean(raw["text"]),
        figure_after=bool(raw.get("figure_after", False)),
        pull_quote_after=bool(raw.get("pull_quote_after", False)),
    )


def load_report(path: Path | None = None) -> Report:
    """Read the report YAML; whitespace inside texts is normalised to single spaces."""
    data = yaml.safe_load((path or SOURCE_DIR / "integrationskonferenz.yaml").read_text(encoding="utf-8"))
    figure = data["figure"]
    quote = data["pull_quote"]
    return Report(
        language=data["language"],
        headline=_clean(data["headline"]),
        lead=_clean(data["lead"]),
        byline=_clean(data["byline"]),
        author=_clean(data["author"]),
        dateline=_clean(data["dateline"]),
        newspaper=dict(data["newspaper"]),
        body=tuple(_body_item(raw) for raw in data["body"]),
        caption=_clean(figure["caption"]),
        credit=_clean(figure["credit"]),
        alt_text=_clean(figure["alt"]),
        pull_quote=_clean(quote["text"]),
        attribution=_clean(quote["attribution"]),
        ocr_fixes=tuple({key: _clean(value) for key, value in fix.items()} for fix in data.get("ocr_fixes", [])),
    )


def load_yaml(name: str) -> dict[str, Any]:
    """Read another source file (e.g. the press release) as plain data."""
    return yaml.safe_load((SOURCE_DIR / name).read_text(encoding="utf-8"))
