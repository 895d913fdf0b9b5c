"""Cleaning plain text and HTML into a title, a body and offsets back into the raw input."""

from datetime import date

from entities.nlp.clean import clean

ARTICLE = (
    "Talks Resume In Geneva\n"
    "\n"
    "The envoys met on Monday in Geneva and agreed to meet again next week.\n"
    "\n"
    "The talks lasted four hours and covered the ceasefire and the exchange of prisoners.\n"
    "\n"
    "Both delegations said the atmosphere had been constructive.\n"
)

HTML = """<!DOCTYPE html><html><head><title>Talks resume in Geneva | World Times</title>
<meta property="og:site_name" content="World Times"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">Sections</a></li></ul></nav>
<article><h1>Talks resume in Geneva</h1>
<p>The envoys met on <b>Monday</b> in Geneva &amp; agreed to meet again next week, officials
said after the session ended.</p>
<p>The talks lasted four hours and covered the ceasefire, the exchange of prisoners and the
reopening of the ports on the coast.</p>
</article><footer><p>Newsletter sign-up and cookie settings</p></footer></body></html>"""


def test_short_first_line_is_taken_as_the_title():
    cleaned = clean(ARTICLE)

    assert cleaned.title == "Talks Resume In Geneva"
    assert cleaned.body.startswith("The envoys met on Monday")


def test_first_paragraph_that_is_a_sentence_is_not_taken_as_a_title():
    raw = "Putin arrived in Hanoi on Thursday for talks.\n\nHe met the prime minister on Friday."

    cleaned = clean(raw)

    assert cleaned.title == ""
    assert cleaned.body.startswith("Putin arrived in Hanoi")


def test_runs_of_spaces_tabs_and_no_break_spaces_become_one_space():
    cleaned = clean("The  envoys\tmet \u00a0on   Monday in Geneva.", take_title=False)

    assert cleaned.body == "The envoys met on Monday in Geneva."


def test_windows_line_breaks_become_newlines():
    cleaned = clean("The envoys met on Monday.\r\n\r\nThe talks lasted hours.", take_title=False)

    assert cleaned.body == "The envoys met on Monday.\n\nThe talks lasted hours."


def test_more_than_two_newlines_become_one_paragraph_break():
    cleaned = clean("The envoys met on Monday.\n\n\n\nThe talks lasted hours.", take_title=False)

    assert cleaned.body == "The envoys met on Monday.\n\nThe talks lasted hours."


def test_glued_sentences_are_separated():
    raw = "It should not be a source of fear for anyone.Russia has used it."

    cleaned = clean(raw, take_title=False)

    assert cleaned.body == "It should not be a source of fear for anyone. Russia has used it."


def test_trailing_follow_us_line_and_what_follows_are_dropped():
    raw = ARTICLE + "\nFollow us on our official WhatsApp channel for breaking news alerts!\n"

    cleaned = clean(raw)

    assert "Follow us" not in cleaned.body
    assert cleaned.body.endswith("the atmosphere had been constructive.")


def test_trailing_next_in_section_with_its_headlines_is_dropped():
    raw = ARTICLE + "\nNext In World News\n\nFloods close schools in the north\nMarkets rally\n"

    cleaned = clean(raw)

    assert "Next In" not in cleaned.body
    assert "Markets rally" not in cleaned.body
    assert cleaned.body.endswith("the atmosphere had been constructive.")


def test_trailing_others_also_read_is_dropped():
    raw = ARTICLE + "\nOthers Also Read\n\nFloods close schools in the north\n"

    cleaned = clean(raw)

    assert "Others Also Read" not in cleaned.body
    assert "Floods close schools" not in cleaned.body
    assert cleaned.body.endswith("the atmosphere had been constructive.")


def test_a_trailing_editors_note_is_dropped():
    raw = (
        ARTICLE + "\nEditor’s note: Donald Trump regularly incites political violence and has "
        "repeatedly pledged to ban all Muslims from entering the U.S.\n"
    )

    cleaned = clean(raw)

    assert "Editor" not in cleaned.body
    assert cleaned.body.endswith("the atmosphere had been constructive.")


MESSY = (
    "Talks Resume In Geneva\r\n\r\n"
    "The  envoys\tmet on\u00a0Monday.   They agreed to meet again.\r\n"
    "No one objected to anyone.Russia said it would attend the next round.\n\n\n\n"
    "The talks lasted four hours.\n\n"
    "Follow us on our official WhatsApp channel for breaking news alerts!\n"
)


def test_to_source_maps_each_visible_body_character_to_the_same_raw_character():
    cleaned = clean(MESSY)

    mismatched = [
        (i, ch, MESSY[cleaned.to_source(i)])
        for i, ch in enumerate(cleaned.body)
        if not ch.isspace() and MESSY[cleaned.to_source(i)] != ch
    ]

    assert cleaned.title == "Talks Resume In Geneva"
    assert mismatched == []


def test_to_source_maps_a_span_after_a_glued_sentence_repair_back_exactly():
    cleaned = clean(MESSY)
    phrase = "Russia said it would attend the next round."
    start = cleaned.body.index(phrase)

    raw_start = cleaned.to_source(start)
    raw_end = cleaned.to_source(start + len(phrase))

    assert MESSY[raw_start:raw_end] == phrase


def test_to_source_maps_a_span_ending_at_a_repaired_gap_back_exactly():
    cleaned = clean(MESSY)
    phrase = "No one objected to anyone."
    start = cleaned.body.index(phrase)

    raw_start = cleaned.to_source(start)
    raw_end = cleaned.to_source(start + len(phrase))

    assert MESSY[raw_start:raw_end] == phrase


def test_to_source_maps_a_span_over_collapsed_spaces_to_the_raw_span():
    cleaned = clean(MESSY)
    phrase = "The envoys met on Monday. They agreed"
    start = cleaned.body.index(phrase)

    raw_start = cleaned.to_source(start)
    raw_end = cleaned.to_source(start + len(phrase))

    assert MESSY[raw_start:raw_end] == "The  envoys\tmet on\u00a0Monday.   They agreed"


def test_to_source_maps_the_end_of_the_body_to_the_end_of_its_last_raw_sentence():
    cleaned = clean(MESSY)

    raw_end = cleaned.to_source(len(cleaned.body))

    assert MESSY[:raw_end].endswith("The talks lasted four hours.")


def test_html_title_comes_from_the_page():
    cleaned = clean(HTML)

    assert cleaned.title == "Talks resume in Geneva"


def test_html_body_holds_the_article_paragraphs():
    cleaned = clean(HTML)

    assert cleaned.body.startswith("The envoys met on Monday in Geneva & agreed")
    assert cleaned.body.endswith("the reopening of the ports on the coast.")
    assert "\n\nThe talks lasted four hours" in cleaned.body


def test_html_body_has_no_markup_entities_or_page_furniture():
    body = clean(HTML).body

    assert "<" not in body
    assert ">" not in body
    assert "&amp;" not in body
    assert "Sections" not in body
    assert "cookie" not in body


def test_html_does_not_repeat_the_title_in_the_body():
    cleaned = clean(HTML)

    assert "Talks resume in Geneva" not in cleaned.body


def test_html_metadata_names_the_publisher():
    cleaned = clean(HTML)

    assert cleaned.metadata.publisher == "World Times"


def test_html_metadata_takes_the_publication_date():
    html = HTML.replace(
        "</head>", '<meta property="article:published_time" content="2024-06-14T08:00:00Z"></head>'
    )

    cleaned = clean(html)

    assert cleaned.metadata.published == date(2024, 6, 14)


def test_a_headline_in_sentence_case_may_end_with_a_quoted_phrase():
    raw = (
        "MBS says Israel and Saudi Arabia moving closer to normalization ‘every day’\n\n"
        "Saudi Crown Prince Mohammed bin Salman told Fox News that talks were going well."
    )

    cleaned = clean(raw)

    assert cleaned.title.endswith("‘every day’")
    assert cleaned.body.startswith("Saudi Crown Prince")


def test_a_first_sentence_ending_in_a_quote_is_not_taken_as_a_title():
    raw = 'He said "we will win."\n\nThe crowd cheered on Friday.'

    assert clean(raw).title == ""
