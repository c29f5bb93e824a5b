"""simplify_document / check_document: the draft document, its provenance, glossary marks and report."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from lesbar.model import Explained, Heading, ListBlock, TermRef, from_json, to_json
from lesbar.model.nodes import CONTAINER_INLINES
from lesbar.simplify import check_document, simplify_document

from .conftest import doc_of, own_text

TEXT = (
    "Konferenz im Kreis\n\n"
    "Die Integrationskonferenz des Kreises Heinsberg fand in Oberbruch statt. "
    "Landrat Stephan Pusch sagte, die Konferenz sei wichtiger denn je.\n\n"
    "Das Kommunale Integrationszentrum berät Zugewanderte."
)


def _inlines_of(sentence, kind):  # type: ignore[no-untyped-def]
    found = []

    def visit(nodes):  # type: ignore[no-untyped-def]
        for n in nodes:
            if isinstance(n, kind):
                found.append(n)
            if isinstance(n, CONTAINER_INLINES):
                visit(n.children)

    visit(sentence.inlines)
    return found


def test_draft_is_a_new_document_marked_automatic_and_unreviewed() -> None:
    doc = doc_of(TEXT)
    before = to_json(doc)
    outcome = simplify_document(doc, "leicht", None)
    assert to_json(doc) == before  # the original is untouched
    meta = outcome.document.meta
    assert meta.variant == "leicht"
    assert meta.provenance.automatic and not meta.provenance.reviewed
    assert "rules" in meta.provenance.method
    assert any("Entwurf" in n for n in meta.provenance.notes)


def test_every_sentence_names_its_source_and_the_rules_that_made_it() -> None:
    doc = doc_of(TEXT)
    original_ids = {s.id for s in doc.sentences()}
    outcome = simplify_document(doc, "leicht", None)
    ids = [s.id for s in outcome.document.sentences()]
    assert len(ids) == len(set(ids))
    for s in outcome.document.sentences():
        if s.text == "Wörterbuch" or s.origin == "rule:words" and not s.source:
            continue
        assert s.source and set(s.source) <= original_ids, s
    assert any(s.origin.startswith("rule:") and "konjunktiv" in s.origin for s in outcome.document.sentences())


def test_glossary_terms_are_marked_explained_and_listed_in_the_word_list(glossary) -> None:  # type: ignore[no-untyped-def]
    outcome = simplify_document(doc_of(TEXT), "leicht", glossary)
    sentences = list(outcome.document.sentences())
    termrefs = [t for s in sentences for t in _inlines_of(s, TermRef)]
    explained = [e for s in sentences for e in _inlines_of(s, Explained)]
    assert any(t.term_id == "kommunales-integrationszentrum" for t in termrefs)
    assert explained
    headings = [b for b in outcome.document.blocks if isinstance(b, Heading)]
    assert headings[-1].content[0].text == "Wörterbuch"
    assert isinstance(outcome.document.blocks[-1], ListBlock)
    # the explanation sentence follows the first use
    texts = [s.text for s in sentences]
    first_use = next(i for i, t in enumerate(texts) if "Integrations-Zentrum berät" in t)
    assert texts[first_use + 1].startswith("Das Kommunale Integrations-Zentrum ist")


def test_einfache_sprache_has_no_word_list_and_keeps_compounds(glossary) -> None:  # type: ignore[no-untyped-def]
    outcome = simplify_document(doc_of(TEXT), "einfach", glossary)
    texts = [s.text for s in outcome.document.sentences()]
    assert "Wörterbuch" not in texts
    assert any("Integrationskonferenz" in t for t in texts)
    assert outcome.document.meta.variant == "einfach"


def test_findings_that_still_apply_become_comments_and_report_entries() -> None:
    outcome = simplify_document(doc_of(own_text("sprachkurs")), "leicht", None)
    commented = [s for s in outcome.document.sentences() if s.comments]
    assert commented
    report_ids = {r["id"] for r in outcome.report["sentences"] if r["findings"]}
    assert {s.id for s in commented} == report_ids


def test_report_has_the_shape_the_pipeline_renders_and_is_json() -> None:
    outcome = simplify_document(doc_of(own_text("ratsbeschluss")), "leicht", None)
    report = json.loads(json.dumps(outcome.report, ensure_ascii=False))
    assert report["level"] == "leicht"
    for key in ("flesch_amstad", "wiener_sachtextformel", "lix", "avg_sentence_length"):
        assert set(report["readability"][key]) == {"before", "after"}
    assert report["readability"]["avg_sentence_length"]["after"] < report["readability"]["avg_sentence_length"]["before"]
    first = report["sentences"][0]
    assert set(first) == {"id", "source", "text", "findings"}
    assert report["rules_applied"]["genitive"] >= 1
    assert report["summary"]["sentences"] > 0


def test_draft_survives_the_model_json_round_trip() -> None:
    outcome = simplify_document(doc_of(TEXT), "leicht", None)
    again = from_json(to_json(outcome.document))
    assert [s.text for s in again.sentences()] == [s.text for s in outcome.document.sentences()]
    assert [len(s.comments) for s in again.sentences()] == [len(s.comments) for s in outcome.document.sentences()]


def test_checker_finds_what_the_draft_fixed() -> None:
    doc = doc_of(TEXT)
    before = check_document(doc, "leicht")
    rules_before = {f["rule"] for s in before["sentences"] for f in s["findings"]}
    assert {"konjunktiv", "genitive", "compounds", "praeteritum"} <= rules_before
    outcome = simplify_document(copy.deepcopy(doc), "leicht", None)
    after = check_document(outcome.document, "leicht")
    rules_after = {f["rule"] for s in after["sentences"] for f in s["findings"]}
    assert not ({"konjunktiv", "genitive", "praeteritum"} & rules_after)
    assert after["readability"]["flesch_amstad"]["value"] > 0


def test_unknown_level_is_an_error() -> None:
    with pytest.raises(ValueError):
        simplify_document(doc_of(TEXT), "mittel", None)


def test_pipeline_writes_the_leicht_draft_with_its_report(tmp_path: Path) -> None:
    """The real convert pipeline calls simplify_document and renders the report."""
    import docx

    from lesbar.pipeline import ConvertOptions, convert_file

    source = tmp_path / "bericht.docx"
    d = docx.Document()
    d.add_heading("Fest im Kreis", 1)
    d.add_paragraph("Die Bürgermeisterin Anna Berg eröffnete das Fest. "
                    "Das Fest sei ein großer Erfolg gewesen, sagte sie. "
                    "Die Integrationskonferenz des Kreises fand in Oberbruch statt.")
    d.save(source)
    result = convert_file(source, tmp_path / "out", ConvertOptions(variants=["original", "leicht"],
                                                                   formats=["html", "docx"]))
    assert result.ok, result.error
    folder = Path(result.folder)
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    leicht = report["variants"]["leicht"]
    assert leicht["level"] == "leicht" and leicht["sentences"]
    html = (folder / "leicht.html").read_text(encoding="utf-8")
    assert "Anna Berg sagt:" in html
    assert any("Sprecher automatisch" in f["message"] for s in leicht["sentences"] for f in s["findings"])
    assert "Sprecher automatisch" not in html  # review comments never appear in published outputs
    import zipfile

    with zipfile.ZipFile(folder / "leicht.docx") as z:  # … but are Word comments in the DOCX
        assert "Sprecher automatisch" in z.read("word/comments.xml").decode("utf-8")


def test_paragraph_reporting_one_speaker_gets_a_topic_heading_in_leichte_sprache() -> None:
    text = ("Bericht\n\n"
            "Die Konferenz war voll.\n\nLandrat Stephan Pusch sagte, die Konferenz sei wichtig. "
            "Die Aufgaben würden größer. Der Kreis brauche mehr Personal.")
    outcome = simplify_document(doc_of(text), "leicht", None)
    headings = [b.content[0].text for b in outcome.document.blocks if isinstance(b, Heading)]
    assert headings == ["Bericht", "Das sagt Stephan Pusch"]  # none right after the original heading
    einfach = simplify_document(doc_of(text), "einfach", None)
    assert [b.content[0].text for b in einfach.document.blocks if isinstance(b, Heading)] == ["Bericht"]


def test_checker_counts_the_word_list_of_a_draft_read_back_from_word(tmp_path: Path, glossary) -> None:  # type: ignore[no-untyped-def]
    """The editors' loop: the Leichte Sprache DOCX comes back without Explained marks."""
    import docx

    from lesbar.readers import read_document
    from lesbar.transforms.segment import segment_document

    path = tmp_path / "leicht-korrigiert.docx"
    d = docx.Document()
    d.add_paragraph("Das KI hilft Menschen aus anderen Ländern.")
    d.add_heading("Wörterbuch", 2)
    d.add_paragraph("Kommunales Integrationszentrum: Das Kommunale Integrations-Zentrum ist ein Amt. "
                    "Die Abkürzung ist: KI.", style="List Bullet")
    d.save(path)
    report = check_document(segment_document(read_document(path)), "leicht", None)
    abbreviations = [f for s in report["sentences"] for f in s["findings"] if f["rule"] == "abbreviations"]
    assert abbreviations == []


def test_a_paragraph_in_another_language_is_kept_as_it_is() -> None:
    """German rules would turn 'Dr. Smith' into 'Doktor Smith' in an English statement."""
    english = ("The partner city sent a statement: We are grateful for the warm welcome our delegation received "
               "in the district, and we look forward to working together. It was signed by Dr. Smith.")
    doc = doc_of(TEXT + "\n\n" + english)
    doc.blocks[-1].lang = "en"
    for level in ("leicht", "einfach"):
        blocks = simplify_document(doc, level, None).document.blocks
        kept = [b for b in blocks if b.lang == "en"]
        assert len(kept) == 1
        assert " ".join(s.text for s in kept[0].content) == english


def test_table_cells_count_neither_before_nor_after_in_readability() -> None:
    # a table of single words must not make the original look like short sentences
    from lesbar.model import Cell, Document, Meta, Paragraph, Row, Sentence, Table, Text
    from lesbar.simplify import simplify_document
    from lesbar.simplify.checker import fragment_sentences
    from lesbar.transforms.segment import segment_document

    text = ("Die Stadt lädt alle Bürgerinnen und Bürger herzlich zum Fest der Kulturen ein, das am Samstag auf "
            "dem Marktplatz stattfindet. Viele Vereine, die sich seit Jahren engagieren, bieten Essen an.")
    cells = [Row([Cell([Paragraph([Sentence([Text(w)])])]) for w in pair]) for pair in
             [("Zeit", "Programm"), ("11 Uhr", "Musik"), ("14 Uhr", "Tanz"), ("16 Uhr", "Essen")]]
    doc = segment_document(Document(Meta(title="Fest", lang="de"),
                                    [Paragraph([Sentence([Text(text)])]), Table(cells, header_rows=1)]))
    assert len(fragment_sentences(doc)) == 8  # every cell is a fragment, not a sentence
    before = simplify_document(doc, "leicht").report["readability"]["avg_sentence_length"]["before"]
    assert before > 10  # the two long sentences, not ten words in ten "sentences"


def test_a_numbered_section_heading_after_a_long_title_stays_a_heading() -> None:
    from lesbar.model import Heading
    from lesbar.simplify.plaintext import document_from_text

    doc = document_from_text("Auszug aus dem Jahresbericht 2024 des Kommunalen Integrationszentrums Kreis Gütersloh\n\n"
                             "3. Seiteneinsteigerberatung und Sprachmittlerpool\n\nIm Jahr wurden 1.146 Kinder erfasst.")
    headings = [" ".join(s.text for s in b.content) for b in doc.blocks if isinstance(b, Heading)]
    assert "3. Seiteneinsteigerberatung und Sprachmittlerpool" in headings


def test_a_glossary_explanation_waits_until_after_a_condition_on_its_own_lines(glossary) -> None:  # type: ignore[no-untyped-def]
    from .helpers import texts

    out = texts("Die Versicherung gilt für alle Geflüchteten. Das gilt allerdings nur, wenn Sie nicht bereits über "
                "einen Verein oder eine Kirchengemeinde versichert sind.", "leicht", glossary)
    body = out[: out.index("Wörterbuch")] if "Wörterbuch" in out else out
    condition = body.index("Die Bedingung ist:")
    explanation = next(k for k, s in enumerate(body) if s.startswith("Geflüchtete sind"))
    assert explanation > condition + 1, body


def test_a_caption_that_names_many_people_keeps_every_name() -> None:
    """A caption holds sentences only: an enumeration there stays in its sentence instead of becoming a
    list whose items the caption could not show."""
    from lesbar.model import Figure, Sentence, Text
    from lesbar.transforms.segment import number_sentences

    caption = ("Über eine rege Teilnahme an der Konferenz freuten sich Dr. Asli Topal-Cevahir, Stephan Pusch, "
               "Asli Sevinçim und Katrin Möltgen-Sicking (von links).")
    doc = doc_of("Konferenz im Kreis\n\nDie Konferenz fand in Oberbruch statt.")
    doc.blocks.append(Figure(alt="Vier Personen auf einer Bühne", alt_status="source",
                             caption=[Sentence([Text(caption)])]))
    number_sentences(doc)
    for level in ("leicht", "einfach"):
        figure = next(b for b in simplify_document(doc, level, None).document.blocks if isinstance(b, Figure))
        text = " ".join(s.text for s in figure.caption)
        for name in ("Asli Topal-Cevahir", "Stephan Pusch", "Asli Sevinçim", "Katrin Möltgen-Sicking"):
            assert name in text, (level, text)
