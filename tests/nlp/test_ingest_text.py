"""Clean ingest, the pure parts: how much of a text is article, datelines, PDF page text."""

from __future__ import annotations

from datetime import date

import pytest

from entities.nlp.clean import clean_html
from entities.nlp.dateline import dateline_date
from entities.nlp.pdftext import pdf_text, pdf_title
from entities.nlp.substance import article_words, is_furniture

TODAY = date(2026, 11, 30)


# -- how much is article text ---------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Home | World | Politics | Subscribe now for $1",
        "We use cookies to improve your experience. Accept all cookies",
        "Subscribe now for $1 a month",
        "© 2016 Example News. All rights reserved.",
        "Sign in",
        "Skip to main content",
    ],
)
def test_site_furniture_is_recognised(line):
    assert is_furniture(line)


def test_a_sentence_of_news_is_not_furniture():
    assert not is_furniture("Kremlin spokesman Dmitry Peskov said the talks were useful.")


def test_only_prose_outside_furniture_counts_as_article_words():
    page = (
        "Home | World | Politics\n"
        "We use cookies to improve your experience. Accept all cookies\n"
        "Subscribe\nLatest\nWorld\n"
        "Peskov said the talks were useful.\n"
        "© 2016 Example News. All rights reserved."
    )
    assert article_words(page) == 6


# -- datelines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BEIJING, Nov. 29 (Xinhua) -- China said on Friday ...", date(2026, 11, 29)),
        ("March 3, 2024 — The minister said ...", date(2024, 3, 3)),
        ("KYIV, Ukraine, March 3, 2024 - Officials said ...", date(2024, 3, 3)),
        ("Published: 3 March 2024\n\nThe minister said ...", date(2024, 3, 3)),
        ("SEOUL, Dec. 25 (Yonhap) -- The ministry said ...", date(2025, 12, 25)),  # last year's
    ],
)
def test_the_dateline_gives_the_date(text, expected):
    assert dateline_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the talks would go on.\n\n© 2016 Example News",
        "Copyright 2016 Example News. March 3, 2016 - all rights reserved",
        "March said the talks would go on - he did not say when.",
        "Officials met on March 3, 2024 in Geneva.",  # a date inside a sentence is no dateline
    ],
)
def test_no_date_without_a_dateline(text):
    assert dateline_date(text, today=TODAY) is None


def test_a_boilerplate_page_gets_no_date_from_its_copyright_footer():
    page = """<html><head><title>Example News</title></head><body>
    <nav><a href="/">Home</a> | <a href="/world">World</a></nav>
    <div class="cookies">We use cookies to improve your experience. Accept all cookies.</div>
    <main><p>Subscribe now for $1 a month and read everything we publish.</p></main>
    <footer><p>© 2016 Example News. All rights reserved.</p></footer></body></html>"""

    assert clean_html(page).metadata.published is None


def test_a_page_date_from_its_metadata_is_kept():
    page = """<html><head><title>Talks</title>
    <meta property="article:published_time" content="2024-03-05T10:00:00Z"></head><body>
    <article><h1>Talks</h1><p>The envoys met on Monday in Geneva and agreed to meet again
    next week, officials said.</p></article><footer>© 2016 Example News</footer></body></html>"""

    assert clean_html(page).metadata.published == date(2024, 3, 5)


# -- PDF pages -------------------------------------------------------------------------------

HEADER = "11/29/26, 7:06 PM Russia says talks useful | Example News"


def _printed(*bodies: list[str]) -> list[str]:
    n = len(bodies)
    return [
        "\n".join([HEADER, *lines, f"file:///home/ana/story.html {i}/{n}"])
        for i, lines in enumerate(bodies, 1)
    ]


def test_print_headers_footers_and_page_numbers_are_removed():
    pages = _printed(["The envoys met on Monday."], ["They agreed to meet again."], ["3"])
    text = pdf_text(pages)
    assert "file:///" not in text
    assert "7:06 PM" not in text
    assert "Example News" not in text
    assert " ".join(text.split()) == "The envoys met on Monday. They agreed to meet again."


def test_lines_repeated_at_the_top_of_most_pages_are_running_headers():
    pages = [
        f"THE GENEVA REVIEW — page {i}\nParagraph {i} of the story goes on here."
        for i in range(1, 5)
    ]
    assert "GENEVA REVIEW" not in pdf_text(pages)


def test_a_word_broken_at_a_line_end_is_joined_and_a_compound_keeps_its_hyphen():
    page = (
        "The minister said that the inter-\n"
        "national community had agreed to a long-\n"
        "term plan for the region and its people."
    )
    text = pdf_text([page], words={"international"})
    assert "international community" in text
    assert "long-term plan" in text


def test_a_hyphenated_spelling_the_document_uses_elsewhere_is_kept():
    page = (
        "The cease-fire held on Monday, the officials and the observers said, while the cease-\n"
        "fire talks went on in the capital for another long day of meetings."
    )
    assert "cease-fire talks" in pdf_text([page], words={"ceasefire"})


def test_hard_line_breaks_inside_a_paragraph_are_joined_and_paragraphs_kept():
    page = (
        "The envoys met on Monday in Geneva and agreed that\n"
        "they would meet again next week.\n"
        "A short paragraph.\n"
        "The second paragraph starts here and it runs on for\n"
        "a while before it ends with a full stop like this."
    )
    paragraphs = pdf_text([page]).split("\n\n")
    assert paragraphs[0] == (
        "The envoys met on Monday in Geneva and agreed that they would meet again next week."
    )
    assert len(paragraphs) == 3


def test_a_menu_and_cookie_banner_above_the_story_are_cut():
    page = (
        "Home | World | Politics | Subscribe now for $1\n"
        "We use cookies to improve your experience. Accept all cookies\n"
        "The envoys met on Monday in Geneva and agreed to meet again."
    )
    assert pdf_text([page]).startswith("The envoys met")


@pytest.mark.parametrize(
    ("metadata_title", "heading", "expected"),
    [
        ("11/29/26, 7:06 PM", "Russia says talks useful", "Russia says talks useful"),
        ("file:///home/ana/story.html", "", ""),
        ("Home | World | Politics | Subscribe now for $1", "Talks resume", "Talks resume"),
        (
            "Russia says talks with Ukraine were useful | Example News",
            "",
            ("Russia says talks with Ukraine were useful"),
        ),
        ("Microsoft Word - draft3.docx", "Geneva talks", "Geneva talks"),
    ],
)
def test_the_title_is_the_metadata_title_unless_it_is_a_print_artefact(
    metadata_title, heading, expected
):
    assert pdf_title(metadata_title=metadata_title, heading=heading) == expected
