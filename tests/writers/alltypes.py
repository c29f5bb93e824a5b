"""Builds the "every block type" test document in every variant the writers must handle.

The texts live in ``alltypes.toml`` (one table per variant: original, leicht, einfach and hand-made
translations into en, ar, fa, ru, uk), written with a tiny inline markup so that every inline kind is
exercised in every language. The structure is the same for every variant:

h1 title · h2 · paragraph with emphasis, strong, link, language span, glossary term, explained word ·
h3 · paragraph with a hard line break · block quote with attribution · pull quote with attribution ·
figure with a generated PNG and a *draft* alt text · h2 · ordered list with a nested unordered list with a
nested ordered list · h3 · table with a header row and caption · h3 · table with a header cell spanning two rows, a row span
in the body and a nested table · ordered list starting at 3 with a nested list · figure without picture
(a chart's description) · paragraph with a very long URL and compound · a paragraph in another language.

Review comments are attached to a few sentences so that the DOCX writer has something to turn into Word
comments (and the HTML/PDF tests can prove that they never leak into published output).
"""

from __future__ import annotations

import io
import re
import tomllib
from functools import lru_cache
from pathlib import Path

from lesbar.model import (
    Block,
    BlockQuote,
    Cell,
    Comment,
    Document,
    Emph,
    Explained,
    Figure,
    Heading,
    Image,
    Inline,
    LangSpan,
    LineBreak,
    Link,
    ListBlock,
    ListItem,
    Meta,
    Paragraph,
    Provenance,
    PullQuote,
    Row,
    Sentence,
    Strong,
    Table,
    TermRef,
    Text,
)

DATA = Path(__file__).with_name("alltypes.toml")
VARIANTS = ("original", "leicht", "einfach", "en", "ar", "fa", "ru", "uk")
TRANSLATIONS = ("en", "ar", "fa", "ru", "uk")

#: comment texts the writers must put into DOCX comments and never into HTML or PDF
COMMENT_RULE = "Satz prüfen: enthält ein Fremdwort (Regel LS-FREMDWORT)."
COMMENT_GLOSSARY = "Glossar-Begriff als Entwurf übersetzt: bitte prüfen."

_TOKEN = re.compile(
    r"\*\*(?P<strong>.+?)\*\*"
    r"|\*(?P<emph>.+?)\*"
    r"|\[\[(?P<ex_word>[^|\]]+)\|(?P<ex_text>[^\]]+)\]\]"
    r"|\[(?P<link_text>[^\]]+)\]\((?P<url>[^)]+)\)"
    r"|\{(?P<lang>[a-z]{2,3})\|(?P<lang_text>[^}]+)\}"
    r"|<<(?P<term>[^|>]+)\|(?P<term_id>[^>]+)>>"
    r"|(?P<br>~~)"
)


def parse_inlines(text: str) -> list[Inline]:
    """Inlines from the small markup documented in ``alltypes.toml``."""
    out: list[Inline] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            out.append(Text(text[pos : match.start()]))
        groups = match.groupdict()
        if groups["strong"] is not None:
            out.append(Strong(parse_inlines(groups["strong"])))
        elif groups["emph"] is not None:
            out.append(Emph(parse_inlines(groups["emph"])))
        elif groups["ex_word"] is not None:
            out.append(Explained([Text(groups["ex_word"])], groups["ex_text"]))
        elif groups["link_text"] is not None:
            out.append(Link([Text(groups["link_text"])], groups["url"]))
        elif groups["lang"] is not None:
            out.append(LangSpan([Text(groups["lang_text"])], groups["lang"]))
        elif groups["term"] is not None:
            out.append(TermRef([Text(groups["term"])], groups["term_id"], "kreis-heinsberg"))
        else:
            out.append(LineBreak())
        pos = match.end()
    if pos < len(text):
        out.append(Text(text[pos:]))
    return out


def sentences(texts: list[str] | str, block: int) -> list[Sentence]:
    if isinstance(texts, str):
        texts = [texts]
    return [Sentence(parse_inlines(t), id=f"b{block}.s{i + 1}") for i, t in enumerate(texts)]


def para(texts: list[str] | str, block: int, lang: str | None = None) -> Paragraph:
    return Paragraph(sentences(texts, block), lang=lang, id=f"b{block}")


def sample_png(width: int = 240, height: int = 160) -> bytes:
    """A small real PNG (a stage with four figures) drawn with Pillow, WeasyPrint's own dependency."""
    from PIL import Image as PilImage
    from PIL import ImageDraw

    img = PilImage.new("RGB", (width, height), (235, 240, 250))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, height * 2 // 3, width, height), fill=(120, 80, 40))
    for i in range(4):
        x = 30 + i * 55
        draw.ellipse((x, 40, x + 24, 64), fill=(200, 150, 120))
        draw.rectangle((x - 2, 66, x + 26, 120), fill=(30 + 50 * i, 60, 140))
    buffer = io.BytesIO()
    img.save(buffer, format="PNG")
    return buffer.getvalue()


@lru_cache(maxsize=1)
def _data() -> dict[str, dict]:
    return tomllib.loads(DATA.read_text(encoding="utf-8"))


def build(variant: str = "original") -> Document:
    """The every-block-type document for ``variant`` (one of :data:`VARIANTS`)."""
    d = _data()[variant]
    lang = d["lang"]
    kind = d["variant"]
    provenance = Provenance()
    if kind in ("leicht", "einfach"):
        provenance = Provenance(automatic=True, reviewed=False, method="lesbar-simplify (rules)", source_lang="de")
    elif kind == "translation":
        provenance = Provenance(
            automatic=True, reviewed=False, method="argos-translate", source_lang="de",
            pivot=["en"] if lang not in ("en",) else [],
        )
    meta = Meta(
        title=d["title"], lang=lang, authors=["Anna Beispiel"], byline=d["byline"], dateline=d["dateline"],
        date="2024-09-12", variant=kind, provenance=provenance,
    )
    png = sample_png()
    nested_deeper = ListBlock(ordered=True, items=[ListItem([para(t, 120 + i)]) for i, t in enumerate(d["deeper"])])
    nested = ListBlock(
        ordered=False,
        items=[
            ListItem([para(d["nested"][0], 110)]),
            ListItem([para(d["nested"][1], 111), nested_deeper]),
        ],
    )
    outer = ListBlock(
        ordered=True,
        items=[
            ListItem([para(d["list"][0], 100)]),
            ListItem([para(d["list"][1], 101), nested]),
            ListItem([para(d["list"][2], 102)]),
        ],
        id="b9",
    )
    table_rows = [Row([Cell([para(cell, 200 + 10 * r + c)]) for c, cell in enumerate(row)])
                  for r, row in enumerate(d["table"])]
    blocks = [
        Heading(1, sentences(d["title"], 0), id="b0"),
        Heading(2, sentences(d["h2_intro"], 1), id="b1"),
        para(d["intro"], 2),
        Heading(3, sentences(d["h3_detail"], 3), id="b3"),
        para(d["detail"], 4),
        BlockQuote([para(d["quote"], 5)], attribution=sentences(d["quote_by"], 50), id="b5q"),
        PullQuote(sentences(d["pull"], 6), attribution=sentences(d["pull_by"], 60), id="b6"),
        Figure(Image(png, "image/png", 240, 160), alt=d["alt"], alt_status="draft",
               caption=sentences(d["caption"], 7), id="b7"),
        Heading(2, sentences(d["h2_program"], 8), id="b8"),
        outer,
        Heading(3, sentences(d["h3_table"], 10), id="b10"),
        Table(table_rows, header_rows=1, caption=sentences(d["table_caption"], 11), id="b11"),
        *reader_structures(d),
        para(d["mixed"], 12, lang=d["mixed_lang"]),
    ]
    doc = Document(meta, blocks)
    intro = blocks[2]
    assert isinstance(intro, Paragraph)
    if kind in ("leicht", "einfach"):
        intro.content[-1].comments.append(Comment(COMMENT_RULE, rule="LS-FREMDWORT", words=["Integrationszentrum"]))
    if kind == "translation":
        intro.content[-1].comments.append(Comment(COMMENT_GLOSSARY, rule="glossary-draft", author="Glossar"))
    return doc


def reader_structures(d: dict) -> list[Block]:
    """What the readers produce from real Word files and PDFs: a table whose header cell spans into the
    next row (Word's vertical merge) with a row span in the body and a nested table in a cell, a numbered
    list that starts at 3 with a list inside an item, a chart (a figure without picture, described only),
    a very long URL and a very long compound word."""
    head, inner = d["results_head"], d["inner"]
    nested_table = Table([Row([Cell([para(text, 330 + 10 * r + c)]) for c, text in enumerate(row)])
                          for r, row in enumerate(inner)], header_rows=1, id="b14n")
    results = Table(
        [
            Row([Cell([para(head[0], 300)], rowspan=2), Cell([para(head[1], 301)], colspan=2)]),
            Row([Cell([para("2023", 310)]), Cell([para("2024", 311)])]),
            Row([Cell([para(d["place"], 320)], rowspan=2), Cell([para("150", 321)]), Cell([para("300", 322)])]),
            Row([Cell([nested_table], colspan=2)]),
        ],
        header_rows=1, caption=sentences(d["results_caption"], 14), id="b14",
    )
    steps = ListBlock(
        ordered=True, start=3, id="b15",
        items=[
            ListItem([para(d["steps"][0], 150),
                      ListBlock(ordered=False, items=[ListItem([para(d["steps_nested"], 151)])])]),
            ListItem([para(d["steps"][1], 152)]),
        ],
    )
    return [
        Heading(3, sentences(d["h3_results"], 13), id="b13"),
        results,
        steps,
        Figure(None, alt=d["chart_alt"], alt_status="source", caption=sentences(d["chart_caption"], 16), id="b16"),
        para(d["long"], 17),
    ]


def all_variants() -> dict[str, Document]:
    return {name: build(name) for name in VARIANTS}
