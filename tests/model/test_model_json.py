"""The document model serialises to JSON and back without loss, and segmentation is kept in it."""

from __future__ import annotations

import json

import pytest

from lesbar.model import (
    BlockQuote,
    Cell,
    Comment,
    Document,
    Emph,
    Explained,
    Figure,
    Heading,
    Image,
    LangSpan,
    LineBreak,
    Link,
    ListBlock,
    ListItem,
    Meta,
    Paragraph,
    PullQuote,
    Row,
    Sentence,
    Strong,
    Table,
    TermRef,
    Text,
    from_json,
    to_json,
)
from lesbar.transforms.segment import segment_document, slice_inlines


def every_block_document() -> Document:
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5f0e4a40000000049454e44ae426082"
    )
    para = Paragraph(
        [
            Sentence(
                [
                    Text("Das "),
                    TermRef([Text("KI")], term_id="ki", glossary="kreis-heinsberg"),
                    Text(" lud "),
                    Emph([Text("alle")]),
                    Text(" ein. Mehr auf "),
                    Link([Strong([Text("der Seite")])], url="https://example.org", title="Info"),
                    Text(". Das Motto war "),
                    LangSpan([Text("Welcome")], lang="en"),
                    Text(", ein "),
                    Explained([Text("Credo")], explanation="Ein Credo ist ein Leitsatz."),
                    LineBreak(),
                    Text("Ende."),
                ]
            )
        ]
    )
    return Document(
        meta=Meta(title="Titel", lang="de", authors=["Anna"], byline="VON ANNA", dateline="KREIS HEINSBERG",
                  date="2024-11-20"),
        blocks=[
            Heading(1, [Sentence([Text("Titel")])]),
            para,
            BlockQuote([Paragraph([Sentence([Text("Ein Zitat.")])])], attribution=[Sentence([Text("Landrat")])]),
            PullQuote([Sentence([Text("„Gut so.“")])], attribution=[Sentence([Text("Stephan Pusch")])]),
            Figure(Image(png, "image/png", 1, 1), alt="Ein Punkt", alt_status="source",
                   caption=[Sentence([Text("Ein Bild. Zweiter Satz.")])]),
            ListBlock(ordered=True, start=3, items=[
                ListItem([Paragraph([Sentence([Text("Eins")])]),
                          ListBlock(items=[ListItem([Paragraph([Sentence([Text("Unterpunkt")])])])])]),
                ListItem([Paragraph([Sentence([Text("Zwei")])])]),
            ]),
            Table(rows=[Row([Cell([Paragraph([Sentence([Text("Jahr")])])]), Cell([Paragraph([Sentence([Text("Zahl")])])])]),
                        Row([Cell([Paragraph([Sentence([Text("2021")])])], colspan=2)])],
                  header_rows=1, caption=[Sentence([Text("Tabelle")])]),
            Paragraph([Sentence([Text("Hello world, this is English.")], comments=[Comment("Englisch", rule="lang")])],
                      lang="en"),
        ],
    )


def test_json_round_trip_is_lossless_for_every_block_and_inline_kind():
    doc = every_block_document()
    segment_document(doc)
    text = to_json(doc)
    again = from_json(text)
    assert again == doc
    assert to_json(again) == text


def test_json_is_plain_data_with_type_tags():
    data = json.loads(to_json(every_block_document()))
    assert data["lesbar-document"] == 1
    kinds = [b["t"] for b in data["document"]["blocks"]]
    assert kinds == ["Heading", "Paragraph", "BlockQuote", "PullQuote", "Figure", "ListBlock", "Table", "Paragraph"]
    figure = data["document"]["blocks"][4]
    assert set(figure["image"]["data"]) == {"base64"}


def test_from_json_rejects_unknown_node_types():
    data = json.loads(to_json(every_block_document()))
    data["document"]["blocks"][0]["t"] = "Marquee"
    with pytest.raises(ValueError, match="Marquee"):
        from_json(json.dumps(data))


def test_segmentation_splits_paragraphs_into_numbered_sentences_and_keeps_marks():
    doc = every_block_document()
    segment_document(doc)
    para = doc.blocks[1]
    assert isinstance(para, Paragraph)
    texts = [s.text for s in para.content]
    assert texts[0] == "Das KI lud alle ein."
    assert texts[1].startswith("Mehr auf der Seite.")
    assert [s.id for s in para.content] == [f"b2.s{i}" for i in range(1, len(texts) + 1)]
    # the link mark survives the split, inside the second sentence
    assert any(isinstance(node, Link) for node in para.content[1].inlines)
    caption = doc.blocks[4].caption
    assert [s.text for s in caption] == ["Ein Bild.", "Zweiter Satz."]
    # blocks are numbered depth first: the quote's inner paragraph is b4, the pull quote b5
    assert caption[0].id == "b6.c1"


def test_segmentation_keeps_abbreviations_and_dates_inside_sentences():
    doc = Document(blocks=[Paragraph([Sentence([Text(
        "Dr. Asli Topal-Cevahir kam am 1. September 2014 z. B. mit Prof. Dr. Möltgen-Sicking. „Es ist gut“, sagte er."
    )])])])
    segment_document(doc)
    assert [s.text for s in doc.blocks[0].content] == [
        "Dr. Asli Topal-Cevahir kam am 1. September 2014 z. B. mit Prof. Dr. Möltgen-Sicking.",
        "„Es ist gut“, sagte er.",
    ]


def test_segmentation_ends_a_sentence_after_a_number_but_not_inside_a_date_or_an_ordinal():
    # SoMaJo reads "96." as an ordinal; a sentence starter after it ends the sentence
    doc = Document(blocks=[Paragraph([Sentence([Text(
        "Die Zahl stieg auf 96. Das ist gut. Am 3. Oktober kommt der 2. Bürgermeister. Er wohnt in der "
        "Bahnhofstraße 14. Dort ist es ruhig."
    )])])])
    segment_document(doc)
    assert [s.text for s in doc.blocks[0].content] == [
        "Die Zahl stieg auf 96.", "Das ist gut.", "Am 3. Oktober kommt der 2. Bürgermeister.",
        "Er wohnt in der Bahnhofstraße 14.", "Dort ist es ruhig.",
    ]


def test_slice_inlines_cuts_a_mark_spanning_a_boundary_into_two_marks():
    inlines = [Text("A "), Emph([Text("b. C")]), Text(" d.")]
    assert slice_inlines(inlines, 0, 4) == [Text("A "), Emph([Text("b.")])]
    assert slice_inlines(inlines, 5, 9) == [Emph([Text("C")]), Text(" d.")]


def test_document_walk_and_sentences_reach_nested_blocks():
    doc = every_block_document()
    segment_document(doc)
    texts = [s.text for s in doc.sentences()]
    assert "Unterpunkt" in texts and "2021" in texts and "Landrat" in texts and "Stephan Pusch" in texts
