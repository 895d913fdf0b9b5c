"""Template tags that add markup around article text: the text is escaped first."""

from __future__ import annotations

from entities.templatetags.entities_tags import statement_snippet


def test_snippet_escapes_and_marks_the_query_words():
    snippet = statement_snippet(text="<b>Sanctions</b> & more sanctions", query="sanction")
    assert snippet == (
        "&lt;b&gt;<mark>Sanctions</mark>&lt;/b&gt; &amp; more <mark>sanctions</mark>"
    )


def test_snippet_cuts_a_window_around_the_first_hit():
    text = "word " * 200 + "Pyongyang " + "word " * 200
    snippet = statement_snippet(text=text, query="pyongyang", width=100)

    assert "<mark>Pyongyang</mark>" in snippet
    assert snippet.startswith("…")
    assert snippet.endswith("…")
    assert len(snippet) < 140


def test_snippet_marks_terms_accents_aside_phrases_whole_and_not_excluded_words():
    text = "Erdoğan's envoy met the exact phrase team; the phrase was exact."
    snippet = statement_snippet(text=text, query='erdogan "exact phrase" OR team -envoy')

    assert snippet == (
        "<mark>Erdoğan</mark>&#x27;s envoy met the <mark>exact phrase</mark> "
        "<mark>team</mark>; the phrase was exact."
    )
