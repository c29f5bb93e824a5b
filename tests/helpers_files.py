"""Small real input files for tests: a German DOCX and PDFs made with python-docx and reportlab."""

from __future__ import annotations

from pathlib import Path

import docx

GERMAN_TEXT = [
    "Die zweite Integrationskonferenz des Kreises Heinsberg war mit dreihundert Gästen komplett ausgebucht.",
    "Die haupt- und ehrenamtlichen Akteure trafen sich für einen Tag in der Festhalle in Oberbruch.",
    "Organisiert hatte die Tagung das Kommunale Integrationszentrum des Kreises.",
]


def make_docx(path: Path, title: str = "Integrationskonferenz", paragraphs: list[str] | None = None) -> Path:
    d = docx.Document()
    d.core_properties.title = title
    d.add_heading(title, 1)
    for text in paragraphs or GERMAN_TEXT:
        d.add_paragraph(text)
    d.save(path)
    return path


def make_pdf(path: Path, lines: list[str] | None = None, title: str = "Integrationskonferenz",
             password: str | None = None, owner_password: str | None = None) -> Path:
    """A simple single-column PDF with a heading and body text (DejaVu font so the text is Unicode)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font_path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    font = "Helvetica"
    if font_path.exists():
        pdfmetrics.registerFont(TTFont("DejaVu", str(font_path)))
        font = "DejaVu"
    encrypt = None
    if password is not None or owner_password is not None:
        from reportlab.lib import pdfencrypt

        encrypt = pdfencrypt.StandardEncryption(password or "", ownerPassword=owner_password or "owner", strength=128)
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt, invariant=1)
    c.setTitle(title)
    c.setFont(font, 20)
    c.drawString(72, 760, title)
    c.setFont(font, 11)
    y = 720
    import textwrap

    for paragraph in lines or GERMAN_TEXT:
        for line in textwrap.wrap(paragraph, 80):
            c.drawString(72, y, line)
            y -= 15
        y -= 12
    c.showPage()
    c.save()
    return path
