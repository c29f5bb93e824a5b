"""Characters from Word's symbol fonts (Symbol, Wingdings) as real Unicode characters.

Word writes ``<w:sym w:font="Wingdings" w:char="F0E0"/>`` (Insert → Symbol), and LibreOffice sometimes
writes the same glyph as ordinary text in a run whose font is Wingdings. Both carry a font-specific code
(often in the private use area U+F0xx) that means nothing without that font — in HTML, PDF output, the
checker and the translator it would be a box or garbage. Known codes map to the Unicode character they
show (arrows and check marks to widely available BMP characters); unknown ones are dropped.
"""

from __future__ import annotations

_SYMBOL_LETTERS = dict(zip(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖαβχδεφγηιϕκλμνοπθρστυϖωξψζ", strict=True))

#: Adobe Symbol encoding, the codes that differ from ASCII or lie above it.
SYMBOL: dict[int, str] = {
    **{ord(k): v for k, v in _SYMBOL_LETTERS.items()},
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5C: "∴", 0x5E: "⊥", 0x60: "‾",
    0x7E: "∼", 0xA0: "€", 0xA1: "ϒ", 0xA2: "′", 0xA3: "≤", 0xA4: "⁄", 0xA5: "∞", 0xA6: "ƒ", 0xA7: "♣",
    0xA8: "♦", 0xA9: "♥", 0xAA: "♠", 0xAB: "↔", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓", 0xB0: "°",
    0xB1: "±", 0xB2: "″", 0xB3: "≥", 0xB4: "×", 0xB5: "∝", 0xB6: "∂", 0xB7: "•", 0xB8: "÷", 0xB9: "≠",
    0xBA: "≡", 0xBB: "≈", 0xBC: "…", 0xBF: "↵", 0xC0: "ℵ", 0xC4: "⊗", 0xC5: "⊕", 0xC6: "∅", 0xC7: "∩",
    0xC8: "∪", 0xC9: "⊃", 0xCA: "⊇", 0xCB: "⊄", 0xCC: "⊂", 0xCD: "⊆", 0xCE: "∈", 0xCF: "∉", 0xD0: "∠",
    0xD1: "∇", 0xD2: "®", 0xD3: "©", 0xD4: "™", 0xD5: "∏", 0xD6: "√", 0xD7: "⋅", 0xD8: "¬", 0xD9: "∧",
    0xDA: "∨", 0xDB: "⇔", 0xDC: "⇐", 0xDD: "⇑", 0xDE: "⇒", 0xDF: "⇓", 0xE0: "◊", 0xE1: "〈", 0xE2: "®",
    0xE3: "©", 0xE4: "™", 0xE5: "∑", 0xF1: "〉", 0xF2: "∫",
}

#: Wingdings: office staples (phone, envelope, check marks, arrows, bullets); exotic pictographs are left out.
WINGDINGS: dict[int, str] = {
    0x21: "✏", 0x22: "✂", 0x23: "✁", 0x28: "☎", 0x29: "✆", 0x2A: "✉", 0x2B: "✉", 0x36: "⌛", 0x3E: "✇",
    0x3F: "✍", 0x41: "✌", 0x45: "☜", 0x46: "☞", 0x47: "☝", 0x48: "☟", 0x4A: "☺", 0x4C: "☹", 0x4E: "☠",
    0x51: "✈", 0x52: "☼", 0x54: "❄", 0x56: "✞", 0x58: "✠", 0x59: "✡", 0x5A: "☪", 0x5B: "☯", 0x5D: "☸",
    0x6C: "●", 0x6D: "○", 0x6E: "■", 0x6F: "□", 0x70: "□", 0x71: "❑", 0x72: "❒", 0x73: "⬧", 0x74: "⧫",
    0x75: "◆", 0x76: "❖", 0x77: "⬥", 0x78: "⌧", 0x7A: "⌘",
    **{0x80 + i: c for i, c in enumerate("⓪①②③④⑤⑥⑦⑧⑨⑩")},
    **{0x8B + i: c for i, c in enumerate("⓿❶❷❸❹❺❻❼❽❾❿")},
    0x9E: "·", 0x9F: "•", 0xA0: "▪", 0xA1: "○", 0xA4: "◉", 0xA5: "◎", 0xA7: "▪", 0xA8: "◻", 0xAA: "✦",
    0xAB: "★", 0xAC: "✶", 0xAD: "✴", 0xAE: "✹", 0xAF: "✵", 0xB5: "✪", 0xB6: "✰",
    0xD5: "⌫", 0xD6: "⌦", 0xD8: "➢", 0xDF: "←", 0xE0: "→", 0xE1: "↑", 0xE2: "↓", 0xE3: "↖", 0xE4: "↗",
    0xE5: "↙", 0xE6: "↘", 0xE7: "⬅", 0xE8: "➔", 0xE9: "⬆", 0xEA: "⬇", 0xEF: "⇦", 0xF0: "⇨", 0xF1: "⇧",
    0xF2: "⇩", 0xF3: "⬄", 0xF4: "⇳", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑",
}

#: Wingdings 2: the check boxes and marks used in forms.
WINGDINGS2: dict[int, str] = {0x4F: "✗", 0x50: "✓", 0x51: "☒", 0x52: "☑", 0x53: "☒", 0x54: "☒", 0xA3: "□",
                              0x97: "•", 0x98: "•", 0x99: "●", 0xF0: "□"}

FONTS: dict[str, dict[int, str]] = {"symbol": SYMBOL, "wingdings": WINGDINGS, "wingdings 2": WINGDINGS2}


def is_symbol_font(font: str | None) -> bool:
    return bool(font) and font.strip().lower() in FONTS  # type: ignore[union-attr]


def symbol_char(font: str | None, code: int) -> str:
    """The Unicode character for ``code`` in ``font`` ('' when unknown or meaningless without the font)."""
    table = FONTS.get((font or "").strip().lower())
    low = code - 0xF000 if 0xF000 <= code <= 0xF0FF else code
    if table is not None:
        if low in table:
            return table[low]
        if table is SYMBOL and 0x20 <= low < 0x7F:
            return chr(low)  # digits and punctuation are ASCII in the Symbol font
        return ""
    if 0xE000 <= code <= 0xF8FF or not 0x20 <= code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return ""  # private use area of an unknown symbol font, control characters, nonsense
    return chr(code)


def symbol_text(font: str | None, text: str) -> str:
    """Text typed in a symbol font (LibreOffice writes symbols so), translated character by character."""
    return "".join(ch if ch.isspace() else symbol_char(font, ord(ch)) for ch in text)
