"""What every writer does to a document first: characters and language tags no output format can hold.

Readers pass on what the source holds, and real sources hold things that break the outputs:

* **control characters** (``\\x00``, ``\\x0b`` from PDFs and old Word files), lone surrogates and Unicode
  noncharacters: not allowed in XML (python-docx refuses them, the DOCX could not be written at all),
  parse errors in HTML (``invalid-codepoint``), and a lone surrogate cannot even be encoded as UTF-8;
* **private-use characters** (U+E000–U+F8FF and the private planes): icons of a symbol font the reader
  could not map to Unicode. Without that font they mean nothing to a screen reader, and in the PDF they
  are drawn with the ``.notdef`` glyph, which PDF/UA-1 forbids (PDFUA1-NOTDEF-GLYPH-001);
* **language tags** that are not BCP 47 (Word's ``x-none``, ``en_US``, an unknown ``zz``): axe-core fails
  them (``valid-lang``) and PDF/UA-1 wants RFC 1766 tags. ``en_US`` becomes ``en-US``; a tag that cannot
  be repaired is dropped, so the text counts as being in the surrounding language.

:func:`clean_document` returns a cleaned copy; the source document is not changed.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from typing import Any

from lesbar.model import Document, LangSpan

_REMOVE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ue000-\uf8ff"
    "\U000f0000-\U0010ffff]"
    "|[\ufffe\uffff\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff]"
)
_AS_SPACE = re.compile("[\x0b\x0c\x85]")  # vertical tab, form feed, next line: line breaks in the source

#: ISO 639-1 codes (axe-core's ``valid-lang`` knows these and ISO 639-2/3 three-letter codes)
ISO_639_1 = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee "
    "el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is "
    "it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms "
    "mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk "
    "sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi "
    "yo za zh zu".split()
)
_SUBTAG = re.compile(r"[A-Za-z0-9]{1,8}")


def clean_text(text: str) -> str:
    """``text`` without characters that XML, HTML or a PDF font cannot hold (see the module docstring)."""
    return _REMOVE.sub("", _AS_SPACE.sub(" ", text))


def clean_lang(tag: str | None) -> str | None:
    """A BCP 47 language tag for ``tag`` (``en_US`` → ``en-US``), or None when it is not one."""
    if not tag:
        return None
    parts = tag.strip().replace("_", "-").split("-")
    first = parts[0].lower()
    if not (first in ISO_639_1 or (len(first) == 3 and first.isalpha() and first.isascii())):
        return None
    if not all(_SUBTAG.fullmatch(p) for p in parts[1:]):
        return first
    return "-".join([first, *parts[1:]])


def _clean(value: Any, name: str = "") -> Any:
    if isinstance(value, str):
        if name == "lang":
            return clean_lang(value)
        return clean_text(value)
    if isinstance(value, list):
        out = []
        for item in value:
            if isinstance(item, LangSpan) and not clean_lang(item.lang):
                out.extend(_clean(item.children))  # a span in no real language is text of its block
            else:
                out.append(_clean(item))
        return out
    if is_dataclass(value) and not isinstance(value, type):
        return type(value)(**{f.name: _clean(getattr(value, f.name), f.name) for f in fields(value)})
    return value


def clean_document(doc: Document) -> Document:
    """A copy of ``doc`` with clean text and language tags; the document language falls back to German."""
    cleaned = _clean(doc)
    cleaned.meta.lang = cleaned.meta.lang or "de"
    return cleaned
