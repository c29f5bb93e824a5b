"""Real-world DOCX features: every visible piece of text arrives exactly once, in order, in the right block kind.

The files are built in the tests: python-docx for the package and raw WordprocessingML (as Word and
LibreOffice write it) for what python-docx has no API for — tracked changes, content controls, fields,
text boxes, footnotes, symbols, merged cells.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from lxml import etree

from lesbar.model import (
    Document,
    Figure,
    Heading,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Table,
    block_text,
    inline_text,
)
from lesbar.readers import read_document

NSDECL = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
)
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
PUA = re.compile("[\ue000-\uf8ff]")


def fragment(xml: str) -> list[etree._Element]:
    return list(etree.fromstring(f"<w:body {NSDECL}>{xml}</w:body>"))


def p(*runs: str, style: str = "", ppr: str = "") -> str:
    """A paragraph; plain strings become runs, strings starting with '<' are inserted as XML."""
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ppr
    inner = "".join(r if r.startswith("<") else r_(r) for r in runs)
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{inner}</w:p>"


def r_(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def tc(*blocks: str, tcpr: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{tcpr}</w:tcPr>' if tcpr else ''}{''.join(blocks) or p()}</w:tc>"


def tbl(*rows: list[str], grid: int = 2) -> str:
    cols = "".join('<w:gridCol w:w="4000"/>' for _ in range(grid))
    body = "".join("<w:tr>" + "".join(cells) + "</w:tr>" for cells in rows)
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{cols}</w:tblGrid>{body}</w:tbl>'


def build(tmp_path: Path, body: str, *, name: str = "t.docx", styles: str = "", links: dict[str, str] | None = None,
          footnotes: dict[str, str] | None = None, endnotes: dict[str, str] | None = None,
          numbering: str = "", setup=None) -> Path:
    """A DOCX whose body is ``body`` (raw XML); ``{link:NAME}`` in it becomes the r:id of ``links[NAME]``."""
    d = docx.Document()
    for key, url in (links or {}).items():
        body = body.replace("{link:" + key + "}", d.part.relate_to(url, HYPERLINK, is_external=True))
    root = d.element.body
    sect = root.find(f"{{{root.nsmap['w']}}}sectPr")
    for child in list(root):
        if child is not sect:
            root.remove(child)
    for element in fragment(body):
        sect.addprevious(element)
    for style in fragment(styles):
        d.styles.element.append(style)
    if numbering:
        numbering_el = d.part.numbering_part.element
        for element in fragment(numbering):
            if element.tag.endswith("}abstractNum"):
                first_num = numbering_el.find(f"{{{root.nsmap['w']}}}num")
                if first_num is not None:
                    first_num.addprevious(element)
                else:
                    numbering_el.append(element)
            else:
                numbering_el.append(element)
    if setup is not None:
        setup(d)
    path = tmp_path / name
    d.save(path)
    for kind, notes in (("footnote", footnotes), ("endnote", endnotes)):
        if notes:
            _add_notes(path, kind, notes)
    return path


def _add_notes(path: Path, kind: str, notes: dict[str, str]) -> None:
    """Add word/<kind>s.xml (with Word's separator notes) to a saved package."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    items = [f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
             f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
             f'</w:p></w:{kind}>']
    ref = "footnoteRef" if kind == "footnote" else "endnoteRef"
    for note_id, text in notes.items():
        items.append(f'<w:{kind} w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="{kind.capitalize()}Text"/></w:pPr>'
                     f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{ref}/></w:r>'
                     f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}>')
    part = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s xmlns:w="{w}">{"".join(items)}</w:{kind}s>'
    add_part(path, f"{kind}s.xml", f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml",
             f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}s", f"rIdNotes{kind}", part)


def add_part(path: Path, name: str, ctype: str, reltype: str, rid: str, xml: str) -> None:
    """Add word/<name> to a saved package, related from the main document as ``rid``."""
    with zipfile.ZipFile(path) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>", f'<Override PartName="/word/{name}" ContentType="{ctype}"/></Types>'.encode())
    rel = f'<Relationship Id="{rid}" Target="{name}" Type="{reltype}"/>'
    files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", rel.encode() + b"</Relationships>")
    files[f"word/{name}"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, data in files.items():
            zf.writestr(n, data)


def outline(doc: Document) -> list[tuple[str, str]]:
    """(kind, text) of the top-level blocks."""
    return [(type(b).__name__, block_text(b)) for b in doc.blocks]


def full_text(doc: Document) -> str:
    return " ".join(block_text(b) for b in doc.walk() if not isinstance(b, (Table, ListBlock)) and block_text(b))


def paragraph_texts(doc: Document) -> list[str]:
    return [block_text(b) for b in doc.walk() if isinstance(b, (Paragraph, Heading))]


def links_of(doc: Document) -> list[Link]:
    found: list[Link] = []

    def visit(nodes):
        for node in nodes:
            if isinstance(node, Link):
                found.append(node)
            if hasattr(node, "children"):
                visit(node.children)

    for block in doc.walk():
        for sentence in getattr(block, "content", []):
            visit(sentence.inlines)
    return found


LEAD = "Die Integrationskonferenz des Kreises Heinsberg war mit dreihundert Gästen komplett ausgebucht."


# ------------------------------------------------------------------------------------------- hyperlinks

def test_hyperlink_text_is_kept_inline_as_a_link(tmp_path: Path):
    body = p("Mehr unter ",
             '<w:hyperlink r:id="{link:k}" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
             '<w:t>www.kreis-heinsberg.de/</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>integration</w:t></w:r>'
             "</w:hyperlink>",
             " und im Rathaus.")
    doc = read_document(build(tmp_path, body, links={"k": "https://www.kreis-heinsberg.de/integration"}))
    assert outline(doc) == [("Paragraph", "Mehr unter www.kreis-heinsberg.de/integration und im Rathaus.")]
    links = links_of(doc)
    assert [(inline_text([lk]), lk.url) for lk in links] == [
        ("www.kreis-heinsberg.de/integration", "https://www.kreis-heinsberg.de/integration")]


def test_internal_anchor_hyperlinks_keep_their_text_without_an_empty_link(tmp_path: Path):
    body = p("Siehe ", '<w:hyperlink w:anchor="_Toc1"><w:r><w:t>Programm</w:t></w:r></w:hyperlink>', " unten.")
    doc = read_document(build(tmp_path, body))
    assert paragraph_texts(doc) == ["Siehe Programm unten."]
    assert all(lk.url for lk in links_of(doc))


def test_hyperlink_field_codes_become_links_and_the_instruction_disappears(tmp_path: Path):
    body = p("Anmeldung: ",
             '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
             '<w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:ki@kreis-heinsberg.de" </w:instrText></w:r>',
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
             '<w:r><w:t>ki@kreis-heinsberg.de</w:t></w:r>',
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
             ".")
    doc = read_document(build(tmp_path, body))
    assert paragraph_texts(doc) == ["Anmeldung: ki@kreis-heinsberg.de."]
    assert [lk.url for lk in links_of(doc)] == ["mailto:ki@kreis-heinsberg.de"]


# ------------------------------------------------------------------------------------- tracked changes

def test_tracked_insertions_are_kept_and_deletions_dropped(tmp_path: Path):
    ins = '<w:ins w:id="1" w:author="A" w:date="2024-03-01T10:00:00Z">{}</w:ins>'
    dele = '<w:del w:id="2" w:author="A" w:date="2024-03-01T10:00:00Z"><w:r><w:delText>{}</w:delText></w:r></w:del>'
    body = (p("Die Konferenz fand ", dele.format("gestern "), ins.format(r_("am Samstag ")),
              "in Oberbruch statt.")
            + p('<w:moveFrom w:id="3" w:author="A"><w:r><w:t>Verschoben.</w:t></w:r></w:moveFrom>', "Es kamen ",
                ins.format(r_("über ") + r_("300")), " Gäste.",
                '<w:moveTo w:id="4" w:author="A"><w:r><w:t xml:space="preserve"> Verschoben.</w:t></w:r></w:moveTo>')
            + p(dele.format("Dieser Absatz wurde gelöscht."), ppr='<w:rPr><w:del w:id="5" w:author="A"/></w:rPr>'))
    doc = read_document(build(tmp_path, body))
    assert outline(doc) == [("Paragraph", "Die Konferenz fand am Samstag in Oberbruch statt."),
                            ("Paragraph", "Es kamen über 300 Gäste. Verschoben.")]


# ------------------------------------------------------------------------------------ content controls

def test_content_controls_at_block_run_and_cell_level_keep_their_text(tmp_path: Path):
    sdt_block = ('<w:sdt><w:sdtPr><w:alias w:val="Titel"/></w:sdtPr><w:sdtContent>'
                 + p("Einladung zum Sprachcafé", style="Heading1") + p(LEAD) + "</w:sdtContent></w:sdt>")
    run_sdt = ('<w:sdt><w:sdtPr><w:date><w:dateFormat w:val="dd.MM.yyyy"/></w:date></w:sdtPr>'
               "<w:sdtContent>" + r_("12.03.2024") + "</w:sdtContent></w:sdt>")
    cell_sdt = "<w:sdt><w:sdtContent>" + p("Heinsberg") + "</w:sdtContent></w:sdt>"
    row_sdt = ("<w:sdt><w:sdtContent><w:tr>" + tc(p("8. März")) + tc(p("Erkelenz")) + "</w:tr></w:sdtContent></w:sdt>")
    table = tbl([tc(p(r_("Termin", "<w:b/>"))), tc(p(r_("Ort", "<w:b/>")))], [tc(p("1. März")), tc(cell_sdt)])
    table = table.replace("</w:tbl>", row_sdt + "</w:tbl>")
    body = sdt_block + p("Das Treffen ist am ", run_sdt, " im Rathaus.") + table
    doc = read_document(build(tmp_path, body))
    assert outline(doc)[:3] == [("Heading", "Einladung zum Sprachcafé"), ("Paragraph", LEAD),
                                ("Paragraph", "Das Treffen ist am 12.03.2024 im Rathaus.")]
    table_block = doc.blocks[3]
    assert isinstance(table_block, Table)
    assert [[block_text(c.blocks[0]) if c.blocks else "" for c in row.cells] for row in table_block.rows] == [
        ["Termin", "Ort"], ["1. März", "Heinsberg"], ["8. März", "Erkelenz"]]


def test_content_control_placeholder_text_is_not_report_text(tmp_path: Path):
    placeholder = ('<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
                   + r_("Klicken oder tippen Sie hier, um Text einzugeben.", '<w:rStyle w:val="PlaceholderText"/>')
                   + "</w:sdtContent></w:sdt>")
    doc = read_document(build(tmp_path, p(LEAD) + p("Ansprechpartner: ", placeholder)))
    assert outline(doc) == [("Paragraph", LEAD), ("Paragraph", "Ansprechpartner:")]


# ---------------------------------------------------------------------------------------------- fields

def test_field_results_appear_and_field_instructions_do_not(tmp_path: Path):
    simple = ('<w:fldSimple w:instr=" DATE \\@ &quot;dd.MM.yyyy&quot; "><w:r><w:t>12.03.2024</w:t></w:r>'
              "</w:fldSimple>")
    nested = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText>'
              '</w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD Ort </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Hückelhoven</w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText xml:space="preserve"> = "" "" "Ort" '
              '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Erkelenz</w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    body = p("Stand: ", simple, ", Ort: ", nested, ".")
    doc = read_document(build(tmp_path, body))
    assert paragraph_texts(doc) == ["Stand: 12.03.2024, Ort: Erkelenz."]


def test_a_field_left_open_by_a_damaged_file_does_not_swallow_the_following_paragraphs(tmp_path: Path):
    body = (p("Stand: ", '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>')
            + p(LEAD) + p("Es kamen 300 Gäste."))
    doc = read_document(build(tmp_path, body))
    assert paragraph_texts(doc) == ["Stand:", LEAD, "Es kamen 300 Gäste."]


def test_a_table_of_contents_field_does_not_repeat_the_headings(tmp_path: Path):
    toc = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>'
           "</w:docPartObj></w:sdtPr><w:sdtContent>"
           + p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" \\h </w:instrText></w:r>'
               '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
               '<w:hyperlink w:anchor="_Toc1"><w:r><w:t>Programm</w:t></w:r><w:r><w:tab/></w:r>'
               "<w:r><w:t>2</w:t></w:r></w:hyperlink>", style="TOC1")
           + p('<w:r><w:fldChar w:fldCharType="end"/></w:r>')
           + "</w:sdtContent></w:sdt>")
    doc = read_document(build(tmp_path, toc + p("Programm", style="Heading1") + p(LEAD)))
    assert outline(doc) == [("Heading", "Programm"), ("Paragraph", LEAD)]


# ------------------------------------------------------------------------------------ text boxes, shapes

def _textbox_choice(text: str) -> str:
    return ('<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="2000000" cy="800000"/><wp:wrapSquare wrapText="bothSides"/>'
            '<wp:docPr id="7" name="Textfeld 7"/><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
            '<wps:spPr/><wps:txbx><w:txbxContent>' + p(r_(text, "<w:b/>")) + p("Eintritt frei.")
            + "</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>")


def test_text_box_text_is_read_once_not_from_both_alternate_content_branches(tmp_path: Path):
    fallback = ('<w:pict><v:shape id="Textfeld 7" type="#_x0000_t202" style="width:160pt;height:60pt">'
                "<v:textbox><w:txbxContent>" + p(r_("Info-Kasten", "<w:b/>")) + p("Eintritt frei.")
                + "</w:txbxContent></v:textbox></v:shape></w:pict>")
    shape = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps">' + _textbox_choice("Info-Kasten")
             + "</mc:Choice><mc:Fallback>" + fallback + "</mc:Fallback></mc:AlternateContent></w:r>")
    body = p("Die Konferenz ", shape, "begann um zehn Uhr.") + p(LEAD)
    doc = read_document(build(tmp_path, body))
    text = full_text(doc)
    assert text.count("Info-Kasten") == 1 and text.count("Eintritt frei.") == 1
    assert "Die Konferenz begann um zehn Uhr." in paragraph_texts(doc)
    assert paragraph_texts(doc).index("Die Konferenz begann um zehn Uhr.") < paragraph_texts(doc).index(
        "Eintritt frei.") < paragraph_texts(doc).index(LEAD)


def test_old_vml_text_boxes_are_read(tmp_path: Path):
    vml = ('<w:r><w:pict><v:shape id="t1" type="#_x0000_t202"><v:textbox><w:txbxContent>'
           + p("Kontakt: Kommunales Integrationszentrum") + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    doc = read_document(build(tmp_path, p(LEAD, vml)))
    assert paragraph_texts(doc) == [LEAD, "Kontakt: Kommunales Integrationszentrum"]


# ---------------------------------------------------------------------------------- footnotes, endnotes

def test_footnotes_and_endnotes_are_kept_but_not_inside_the_sentence(tmp_path: Path):
    fn = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    en = '<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteReference w:id="1"/></w:r>'
    body = p("Die Konferenz", fn, " fand in Oberbruch statt.") + p("Es kamen 300 Gäste.", en) + p(LEAD)
    doc = read_document(build(tmp_path, body, footnotes={"1": "Zweite Konferenz seit 2019."},
                              endnotes={"1": "Zahlen des Kreises."}))
    texts = paragraph_texts(doc)
    assert texts[:3] == ["Die Konferenz fand in Oberbruch statt.", "Es kamen 300 Gäste.", LEAD]
    assert texts.count("Zweite Konferenz seit 2019.") == 1 and texts.count("Zahlen des Kreises.") == 1


# ------------------------------------------------------------------------------ characters in runs

def test_soft_and_non_breaking_hyphens(tmp_path: Path):
    body = p('<w:r><w:t>Integrations</w:t><w:softHyphen/><w:t>konferenz und E</w:t><w:noBreakHyphen/>'
             "<w:t>Mail-Adresse, Teil\u00adnehmer und Sprach\u2011kurs.</w:t></w:r>")
    doc = read_document(build(tmp_path, body))
    assert paragraph_texts(doc) == ["Integrationskonferenz und E-Mail-Adresse, Teilnehmer und Sprach-kurs."]


def test_tabs_line_breaks_carriage_returns_and_page_breaks(tmp_path: Path):
    body = (p('<w:r><w:t>Datum:</w:t><w:tab/><w:t>12. März</w:t><w:br/><w:t>Ort:</w:t><w:tab/><w:t>Rathaus</w:t>'
              "<w:cr/><w:t>Zeit: 10 Uhr</w:t></w:r>")
            + p('<w:r><w:t>Erster Teil.</w:t><w:br w:type="page"/><w:t>Zweiter Teil.</w:t></w:r>')
            + p('<w:r><w:br w:type="page"/></w:r>') + p()
            + p('<w:r><w:lastRenderedPageBreak/><w:t>Nach dem Umbruch.</w:t></w:r>'))
    doc = read_document(build(tmp_path, body))
    assert paragraph_texts(doc) == ["Datum: 12. März Ort: Rathaus Zeit: 10 Uhr", "Erster Teil. Zweiter Teil.",
                                    "Nach dem Umbruch."]
    breaks = [n for n in doc.blocks[0].content[0].inlines if isinstance(n, LineBreak)]
    assert len(breaks) == 2


def test_symbols_become_real_characters(tmp_path: Path):
    body = p("Anmeldung ", '<w:r><w:sym w:font="Wingdings" w:char="F0E0"/></w:r>', " Rathaus, ",
             '<w:r><w:sym w:font="Wingdings" w:char="F028"/></w:r>', " 02452 13-0, ",
             '<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>', " 18 Jahre ",
             '<w:r><w:sym w:font="Arial" w:char="20AC"/></w:r>', " 5")
    doc = read_document(build(tmp_path, body))
    [text] = paragraph_texts(doc)
    assert not PUA.search(text)
    assert text == "Anmeldung → Rathaus, ☎ 02452 13-0, ≥ 18 Jahre € 5"


def test_hidden_text_is_not_read(tmp_path: Path):
    body = p("Die Konferenz ", r_("(intern: Raum 3 buchen) ", "<w:vanish/>"), "war ausgebucht.")
    doc = read_document(build(tmp_path, body))
    assert paragraph_texts(doc) == ["Die Konferenz war ausgebucht."]


def test_smart_tags_and_custom_xml_keep_their_text(tmp_path: Path):
    body = (p("Treffpunkt ist ", '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">'
              + r_("Heinsberg") + "</w:smartTag>", " am ",
              '<w:customXml w:element="datum">' + r_("Samstag") + "</w:customXml>", ".")
            + '<w:customXml w:element="abschnitt">' + p(LEAD) + "</w:customXml>")
    doc = read_document(build(tmp_path, body))
    assert paragraph_texts(doc) == ["Treffpunkt ist Heinsberg am Samstag.", LEAD]


# ---------------------------------------------------------------------------------------------- tables

def test_a_one_row_letterhead_table_is_layout_not_a_data_table(tmp_path: Path):
    left = tc(p(r_("Kreis Heinsberg", "<w:b/>")), p("Der Landrat"), p("Valkenburger Straße 45, 52525 Heinsberg"))
    right = tc(p("Heinsberg, 12. März 2024"))
    body = tbl([left, right]) + p("Pressemitteilung", style="Title") + p(LEAD)
    doc = read_document(build(tmp_path, body))
    assert not any(isinstance(b, Table) for b in doc.walk())
    texts = paragraph_texts(doc)
    assert texts == ["Kreis Heinsberg", "Der Landrat", "Valkenburger Straße 45, 52525 Heinsberg",
                     "Heinsberg, 12. März 2024", "Pressemitteilung", LEAD]


def test_a_single_cell_box_table_is_unwrapped_but_data_tables_stay(tmp_path: Path):
    box = tbl([tc(p("Info", style="Heading2"), p("Der Eintritt ist frei."))], grid=1)
    data = tbl([tc(p(r_("Jahr", "<w:b/>"))), tc(p(r_("Gäste", "<w:b/>")))], [tc(p("2023")), tc(p("300"))])
    doc = read_document(build(tmp_path, p(LEAD) + box + data))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Heading", "Paragraph", "Table"]
    assert doc.blocks[3].header_rows == 1


def test_nested_tables_keep_their_text_once(tmp_path: Path):
    inner = tbl([tc(p("Mo")), tc(p("Deutschkurs"))], [tc(p("Di")), tc(p("Nähcafé"))])
    outer = tbl([tc(p("Woche 1")), tc(p("Programm:"), inner)], [tc(p("Woche 2")), tc(p("Ausflug"))])
    doc = read_document(build(tmp_path, p(LEAD) + outer))
    table = doc.blocks[1]
    assert isinstance(table, Table)
    nested = [b for b in table.rows[0].cells[1].blocks if isinstance(b, Table)]
    assert nested and block_text(nested[0].rows[1].cells[1].blocks[0]) == "Nähcafé"
    text = " ".join(block_text(b) for b in doc.walk() if isinstance(b, Paragraph))
    for word in ("Woche 1", "Programm:", "Mo", "Deutschkurs", "Di", "Nähcafé", "Woche 2", "Ausflug"):
        assert len(re.findall(rf"\b{word}(?!\w)", text)) == 1, word


def test_merged_cells_keep_their_text_once_with_spans(tmp_path: Path):
    rows = [
        [tc(p(r_("Tag", "<w:b/>"))), tc(p(r_("Programm", "<w:b/>")), tcpr='<w:gridSpan w:val="2"/>')],
        [tc(p("Samstag"), tcpr='<w:vMerge w:val="restart"/>'), tc(p("10 Uhr")), tc(p("Begrüßung"))],
        [tc(p(), tcpr="<w:vMerge/>"), tc(p("11 Uhr")), tc(p("Workshops"))],
    ]
    doc = read_document(build(tmp_path, p(LEAD) + tbl(*rows, grid=3)))
    table = doc.blocks[1]
    assert isinstance(table, Table) and table.header_rows == 1
    assert [len(r.cells) for r in table.rows] == [2, 3, 2]
    assert table.rows[0].cells[1].colspan == 2 and table.rows[1].cells[0].rowspan == 2
    assert [block_text(c.blocks[0]) for c in table.rows[2].cells] == ["11 Uhr", "Workshops"]


# ----------------------------------------------------------------------------------- headers, footers

def test_header_and_footer_text_is_not_body_text(tmp_path: Path):
    def setup(d):
        d.sections[0].header.paragraphs[0].text = "Kreis Heinsberg – Pressestelle"
        d.sections[0].footer.paragraphs[0].text = "Seite 1"

    doc = read_document(build(tmp_path, p(LEAD), setup=setup))
    assert outline(doc) == [("Paragraph", LEAD)]


# ----------------------------------------------------------------------------------------------- lists

NUMBERING = (
    '<w:abstractNum w:abstractNumId="90"><w:multiLevelType w:val="hybridMultilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>'
    "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="91"><w:numStyleLink w:val="MeineListe"/></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="92"><w:styleLink w:val="MeineListe"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
    '<w:num w:numId="91"><w:abstractNumId w:val="91"/></w:num>'
    '<w:num w:numId="92"><w:abstractNumId w:val="92"/></w:num>'
)
LIST_STYLES = (
    '<w:style w:type="numbering" w:customStyle="1" w:styleId="MeineListe"><w:name w:val="Meine Liste"/>'
    '<w:pPr><w:numPr><w:numId w:val="92"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Aufzhlung"><w:name w:val="Aufzählung Punkte"/>'
    '<w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="90"/></w:numPr></w:pPr></w:style>'
)


def _numbered(text: str, num: str, ilvl: int) -> str:
    return p(text, ppr=f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>', style="ListParagraph")


def test_direct_numbering_gives_ordered_lists_with_nested_levels(tmp_path: Path):
    body = (p(LEAD) + _numbered("Begrüßung", "90", 0) + _numbered("Landrat", "90", 1)
            + _numbered("Bürgermeisterin", "90", 1) + _numbered("Workshops", "90", 0)
            + p("Dazwischen steht ein Absatz.") + _numbered("erstens", "91", 0) + _numbered("zweitens", "91", 0))
    doc = read_document(build(tmp_path, body, numbering=NUMBERING, styles=LIST_STYLES))
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "ListBlock", "Paragraph", "ListBlock"]
    first = doc.blocks[1]
    assert first.ordered and [block_text(i.blocks[0]) for i in first.items] == ["Begrüßung", "Workshops"]
    nested = first.items[0].blocks[1]
    assert isinstance(nested, ListBlock) and not nested.ordered
    assert [block_text(i.blocks[0]) for i in nested.items] == ["Landrat", "Bürgermeisterin"]
    # numStyleLink: the levels live in the abstractNum that the numbering style links to (lower letters)
    assert doc.blocks[3].ordered


def test_style_based_numbering_with_a_level_in_the_paragraph(tmp_path: Path):
    body = (p(LEAD) + p("Sprachkurse", style="Aufzhlung")
            + p("montags", style="Aufzhlung", ppr='<w:numPr><w:ilvl w:val="1"/></w:numPr>')
            + p("Beratung", style="Aufzhlung"))
    doc = read_document(build(tmp_path, body, numbering=NUMBERING, styles=LIST_STYLES))
    lst = doc.blocks[1]
    assert isinstance(lst, ListBlock) and lst.ordered
    assert [block_text(i.blocks[0]) for i in lst.items] == ["Sprachkurse", "Beratung"]
    assert block_text(lst.items[0].blocks[1]) == "montags"


# -------------------------------------------------------------------------------------------- headings

GERMAN_STYLES = (
    '<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr>'
    '<w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="berschrift2"><w:name w:val="Überschrift 2"/>'
    '<w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:sz w:val="56"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Zwischentitel"><w:name w:val="Zwischentitel"/>'
    '<w:basedOn w:val="berschrift2"/></w:style>'
)


def test_german_heading_styles_and_title(tmp_path: Path):
    body = (p("Integration gemeinsam gestalten", style="Titel") + p("Rückblick", style="berschrift1") + p(LEAD)
            + p("Die Workshops am Nachmittag", style="berschrift2") + p(LEAD)
            + p("Ausblick auf 2025", style="Zwischentitel") + p(LEAD)
            + p("Kontakt und Anmeldung", style="berschrift3") + p(LEAD))  # style id not defined in styles.xml
    doc = read_document(build(tmp_path, body, styles=GERMAN_STYLES))
    headings = [(b.level, block_text(b)) for b in doc.blocks if isinstance(b, Heading)]
    assert headings == [(1, "Integration gemeinsam gestalten"), (2, "Rückblick"), (3, "Die Workshops am Nachmittag"),
                        (3, "Ausblick auf 2025"), (4, "Kontakt und Anmeldung")]
    assert doc.meta.title == "Integration gemeinsam gestalten"


def test_empty_paragraphs_make_no_blocks(tmp_path: Path):
    body = p() + p(LEAD) + p(" ") + p('<w:r><w:tab/></w:r>') + p("<w:bookmarkStart w:id='0' w:name='x'/>") + p(LEAD)
    doc = read_document(build(tmp_path, body))
    assert outline(doc) == [("Paragraph", LEAD), ("Paragraph", LEAD)]


def test_german_text_in_a_document_declared_en_us_is_german(tmp_path: Path):
    def setup(d):
        rpr = d.styles.element.find(".//{*}docDefaults/{*}rPrDefault/{*}rPr")
        lang = rpr.find("{*}lang")
        assert lang is not None and lang.get(lang.tag.replace("lang", "val")) == "en-US"

    body = p(r_(LEAD, '<w:lang w:val="en-US"/>')) + p(r_("Die Akteure trafen sich in der Festhalle.",
                                                       '<w:lang w:val="en-US"/>'))
    doc = read_document(build(tmp_path, body, setup=setup))
    assert doc.meta.lang == "de"
    assert not any(b.lang for b in doc.walk())


def test_images_inside_alternate_content_are_read_once(tmp_path: Path):
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "orange").save(buffer, format="PNG")

    def setup(d):
        run = d.paragraphs[0].add_run()
        run.add_picture(io.BytesIO(buffer.getvalue()))
        drawing = run._r.find("{*}drawing")
        for doc_pr in drawing.iter("{*}docPr"):
            doc_pr.set("descr", "Gäste im Saal")
        run._r.remove(drawing)
        alt = fragment('<w:r><mc:AlternateContent><mc:Choice Requires="wpg"/><mc:Fallback/></mc:AlternateContent></w:r>')
        choice = alt[0][0][0]
        choice.append(drawing)
        choice.getparent()[1].append(etree.fromstring(etree.tostring(drawing)))
        run._r.append(alt[0][0])

    doc = read_document(build(tmp_path, p(LEAD) + p(), setup=setup))
    figures = [b for b in doc.walk() if isinstance(b, Figure)]
    assert len(figures) == 1 and figures[0].alt == "Gäste im Saal"


def test_a_numbered_list_interrupted_by_a_paragraph_numbers_on(tmp_path: Path):
    body = (_numbered("Begrüßung", "90", 0) + _numbered("Vortrag", "90", 0) + p("Pause mit Imbiss.")
            + _numbered("Workshops", "90", 0) + _numbered("Abschluss", "90", 0))
    doc = read_document(build(tmp_path, body, numbering=NUMBERING, styles=LIST_STYLES))
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [(lst.ordered, lst.start, len(lst.items)) for lst in lists] == [(True, 1, 2), (True, 3, 2)]


def test_an_unnumbered_list_paragraph_after_an_item_belongs_to_that_item(tmp_path: Path):
    body = (_numbered("Begrüßung durch den Landrat", "90", 0) + p("Danach spricht die Bürgermeisterin.",
                                                                  style="ListParagraph")
            + _numbered("Workshops", "90", 0) + p(LEAD))
    doc = read_document(build(tmp_path, body, numbering=NUMBERING, styles=LIST_STYLES))
    assert [type(b).__name__ for b in doc.blocks] == ["ListBlock", "Paragraph"]
    first = doc.blocks[0].items[0]
    assert [block_text(b) for b in first.blocks] == ["Begrüßung durch den Landrat",
                                                     "Danach spricht die Bürgermeisterin."]


def test_lists_typed_by_hand_become_lists_but_a_date_or_a_dash_line_does_not(tmp_path: Path):
    body = (p(LEAD) + p('<w:r><w:t>•</w:t><w:tab/><w:t>Sprachkurse</w:t></w:r>')
            + p('<w:r><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr><w:t>\uf0b7</w:t></w:r>'
                '<w:r><w:tab/><w:t>Beratung</w:t></w:r>')
            + p("1.\tAnmeldung im Rathaus".replace("\t", " ")) + p("2. Teilnahme bestätigen")
            + p("1. März ist der Anmeldeschluss.") + p("- nur ein Gedankenstrich"))
    doc = read_document(build(tmp_path, body))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "ListBlock", "ListBlock", "Paragraph",
                                                      "Paragraph"]
    bullets, numbers = doc.blocks[1], doc.blocks[2]
    assert not bullets.ordered and [block_text(i.blocks[0]) for i in bullets.items] == ["Sprachkurse", "Beratung"]
    assert numbers.ordered and [block_text(i.blocks[0]) for i in numbers.items] == [
        "Anmeldung im Rathaus", "Teilnahme bestätigen"]


def test_a_table_style_that_sets_the_first_row_apart_makes_it_a_header_row(tmp_path: Path):
    style = ('<w:style w:type="table" w:styleId="Gitternetztabelle4Akzent1"><w:name w:val="Grid Table 4 Accent 1"/>'
             '<w:tblPr><w:tblStyleRowBandSize w:val="1"/></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/>'
             '<w:bCs/><w:color w:val="FFFFFF"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="4472C4"/>'
             "</w:tcPr></w:tblStylePr></w:style>")
    look = ('<w:tblPr><w:tblStyle w:val="Gitternetztabelle4Akzent1"/><w:tblW w:w="0" w:type="auto"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/></w:tblPr>')
    table = tbl([tc(p("Jahr")), tc(p("Gäste"))], [tc(p("2023")), tc(p("300"))])
    styled = table.replace('<w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>', look)
    switched_off = styled.replace('w:firstRow="1"', 'w:firstRow="0"')
    doc = read_document(build(tmp_path, p(LEAD) + styled + p(LEAD) + switched_off, styles=style))
    assert [b.header_rows for b in doc.blocks if isinstance(b, Table)] == [1, 0]


def test_a_drop_cap_initial_is_joined_to_its_paragraph(tmp_path: Path):
    cap = p(r_("D", '<w:position w:val="-6"/><w:sz w:val="72"/>'),
            ppr='<w:framePr w:dropCap="drop" w:lines="3" w:wrap="around" w:vAnchor="text" w:hAnchor="text"/>')
    doc = read_document(build(tmp_path, cap + p("ie Konferenz war ausgebucht.") + p(LEAD)))
    assert outline(doc) == [("Paragraph", "Die Konferenz war ausgebucht."), ("Paragraph", LEAD)]


def test_smartart_diagram_text_is_read_once(tmp_path: Path):
    drawing = ('<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="5486400" '
               'cy="3200400"/><wp:docPr id="1" name="Diagramm 1"/><a:graphic><a:graphicData '
               'uri="http://schemas.openxmlformats.org/drawingml/2006/diagram"><dgm:relIds '
               'xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="rIdDgm1" r:lo="rIdLo" '
               'r:qs="rIdQs" r:cs="rIdCs"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')
    pts = "".join(
        f'<dgm:pt modelId="{{{i}}}"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p><a:r><a:t>{text}</a:t></a:r>'
        f"</a:p></dgm:t></dgm:pt>" for i, text in enumerate(["Anmelden", "Kurs besuchen", "Zertifikat"], 1))
    data = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><dgm:dataModel '
            'xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst>'
            '<dgm:pt modelId="{0}" type="doc"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p><a:endParaRPr/></a:p>'
            f'</dgm:t></dgm:pt>{pts}<dgm:pt modelId="{{9}}" type="parTrans"><dgm:prSet/><dgm:spPr/></dgm:pt>'
            "</dgm:ptLst><dgm:cxnLst/></dgm:dataModel>")
    path = build(tmp_path, p(LEAD) + p(drawing) + p("Danach geht es weiter."))
    add_part(path, "diagrams/data1.xml", "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml",
             "http://schemas.openxmlformats.org/officeDocument/2006/relationships/diagramData", "rIdDgm1", data)
    doc = read_document(path)
    assert paragraph_texts(doc) == [LEAD, "Anmelden", "Kurs besuchen", "Zertifikat", "Danach geht es weiter."]


def test_a_caption_above_or_below_a_table_becomes_its_caption(tmp_path: Path):
    table = tbl([tc(p(r_("Jahr", "<w:b/>"))), tc(p(r_("Gäste", "<w:b/>")))], [tc(p("2023")), tc(p("300"))])
    body = (p("Gäste der Konferenz", style="Caption") + table + p(LEAD) + table
            + p("Tabelle 2: Gäste im Vorjahr", style="Caption") + p(LEAD))
    doc = read_document(build(tmp_path, body))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [t.caption[0].text for t in tables] == ["Gäste der Konferenz", "Tabelle 2: Gäste im Vorjahr"]
    assert [block_text(b) for b in doc.blocks if isinstance(b, Paragraph)] == [LEAD, LEAD]


def test_an_imported_html_chunk_is_read(tmp_path: Path):
    html = ("<html><head><title>x</title><style>p {color: red}</style></head><body>"
            "<h1>Sommerfest im Familienzentrum</h1><p>Am Samstag feiern <b>alle</b> Familien.</p>"
            "<ul><li>Kinderschminken<ul><li>ab 14 Uhr</li></ul></li><li>Grillen</li></ul>"
            "<div>Eintritt frei<br>Anmeldung nicht nötig</div></body></html>")
    path = build(tmp_path, p(LEAD) + '<w:altChunk r:id="rIdChunk1"/>' + p("Ende."))
    add_part(path, "afchunk.htm", "text/html",
             "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk", "rIdChunk1", html)
    doc = read_document(path)
    assert outline(doc) == [("Paragraph", LEAD), ("Heading", "Sommerfest im Familienzentrum"),
                            ("Paragraph", "Am Samstag feiern alle Familien."),
                            ("ListBlock", "Kinderschminken ab 14 Uhr Grillen"),
                            ("Paragraph", "Eintritt frei Anmeldung nicht nötig"), ("Paragraph", "Ende.")]
    assert block_text(doc.blocks[3].items[0].blocks[1]) == "ab 14 Uhr"


def test_a_check_box_content_control_is_read_once_as_a_box_character(tmp_path: Path):
    box = ('<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent>'
           '<w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:sym w:font="MS Gothic" w:char="2612"/></mc:Choice>'
           "<mc:Fallback><w:t>☒</w:t></mc:Fallback></mc:AlternateContent></w:r></w:sdtContent></w:sdt>")
    doc = read_document(build(tmp_path, p(box, " Ich nehme teil.")))
    assert paragraph_texts(doc) == ["☒ Ich nehme teil."]


def test_a_chart_with_a_description_becomes_a_figure_without_picture(tmp_path: Path):
    chart = ('<w:r><w:drawing><wp:inline><wp:extent cx="5486400" cy="3200400"/><wp:docPr id="3" name="Diagramm 3" '
             'descr="Balkendiagramm: 2019 kamen 150 Gäste, 2024 kamen 300."/><a:graphic><a:graphicData '
             'uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart '
             'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart9"/></a:graphicData>'
             "</a:graphic></wp:inline></w:drawing></w:r>")
    doc = read_document(build(tmp_path, p(LEAD) + p(chart)))
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert len(figures) == 1 and figures[0].image is None
    assert figures[0].alt == "Balkendiagramm: 2019 kamen 150 Gäste, 2024 kamen 300."


def test_review_comments_and_vml_wordart_text(tmp_path: Path):
    wordart = ('<w:r><w:pict><v:shape id="wa" type="#_x0000_t136" style="width:300pt;height:50pt">'
               '<v:textpath style="font-family:&quot;Arial Black&quot;" string="Sommerfest 2024"/></v:shape></w:pict></w:r>')

    def setup(d):
        d.add_comment(d.add_paragraph("Es kamen 300 Gäste.").runs, text="Bitte Zahl prüfen", author="Redaktion")

    doc = read_document(build(tmp_path, p(wordart) + p(LEAD), setup=setup))
    assert paragraph_texts(doc) == ["Sommerfest 2024", LEAD, "Es kamen 300 Gäste."]
