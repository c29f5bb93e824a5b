"""Interface words and the provenance notice: complete in every output language, right for every variant."""

from __future__ import annotations

import pytest
from alltypes import build

from lesbar.model import Document, Meta, Provenance, SourceInfo
from lesbar.writers.labels import all_labels, is_rtl, labels_for, provenance_keywords, provenance_lines


@pytest.mark.parametrize("lang", sorted(all_labels()))
def test_every_language_has_every_label(lang):
    table = all_labels()
    assert set(table[lang]) == set(table["de"])
    assert all(value.strip() for value in table[lang].values())


@pytest.mark.parametrize("lang", sorted(set(all_labels()) - {"de"}))
def test_no_german_interface_words_in_other_languages(lang):
    german = all_labels()["de"]
    for key, value in labels_for(lang).items():
        if key not in ("original_source",):
            assert value != german[key], (lang, key)


def test_unknown_language_falls_back_to_english():
    assert labels_for("sw")["skip"] == all_labels()["en"]["skip"]
    assert labels_for("de-AT")["skip"] == "Zum Inhalt springen"


def test_original_says_it_is_unchanged_and_names_its_source():
    doc = Document(Meta(title="T", source=SourceInfo(name="bericht.pdf")))
    assert provenance_lines(doc) == [all_labels()["de"]["original"], "Quelle: bericht.pdf."]


@pytest.mark.parametrize("variant,key", [("leicht", "leicht_draft"), ("einfach", "einfach_draft"),
                                         ("en", "mt_draft"), ("ar", "mt_draft")])
def test_automatic_variants_say_draft_until_reviewed(variant, key):
    doc = build(variant)
    lines = provenance_lines(doc)
    assert lines[0] == labels_for(doc.meta.lang)[key]
    doc.meta.provenance.reviewed = True
    reviewed = provenance_lines(doc)
    assert reviewed[0] == labels_for(doc.meta.lang)[key.replace("draft", "reviewed")]
    assert labels_for(doc.meta.lang)["alt_draft"] not in reviewed


def test_a_translated_simplified_variant_says_both():
    doc = Document(Meta(title="T", lang="ar", variant="leicht",
                        provenance=Provenance(automatic=True, source_lang="de")))
    labels = labels_for("ar")
    assert provenance_lines(doc) == [labels["leicht_draft"], labels["mt_draft"]]


def test_keywords_are_machine_readable():
    doc = build("fa")
    assert provenance_keywords(doc).startswith("lesbar; variant=translation; automatic=true; reviewed=false")


def test_rtl_detection_uses_the_primary_subtag():
    assert is_rtl("fa-IR") and is_rtl("AR") and not is_rtl("de") and not is_rtl(None)
