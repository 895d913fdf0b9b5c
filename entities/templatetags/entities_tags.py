"""Template helpers that add markup around article text, escaping the text first."""

from __future__ import annotations

import re
from itertools import pairwise
from types import SimpleNamespace

from django import template
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from entities.folding import fold_chars
from entities.selectors.sentences import statement_sentence_bounds
from entities.views.charts import STANCE_CHART_NARROW, stance_month_bars
from entities.websearch import websearch_parse

register = template.Library()


def _spans(statements, start: str, end: str) -> list:
    """One (start, end, statement) record per statement whose span is not empty."""
    return [
        SimpleNamespace(start=getattr(s, start), end=getattr(s, end), statement=s)
        for s in statements
        if getattr(s, end) > getattr(s, start)
    ]


def _extent(statement) -> SimpleNamespace:
    """From the first to the last word of a statement: speaker, cue and content."""
    pairs = [
        (statement.content_start, statement.content_end),
        (statement.cue_start, statement.cue_end),
        (statement.speaker_start, statement.speaker_end),
    ]
    pairs = [(a, b) for a, b in pairs if b > a]
    return SimpleNamespace(
        start=min(a for a, _ in pairs), end=max(b for _, b in pairs), statement=statement
    )


@register.simple_tag
def highlighted_body(body: str, mentions, statements, selected=None) -> SafeString:
    """The body with each mention linked to its actor, each statement's speaker, cue and
    content marked, and the statement `selected` (an id) highlighted as a whole.

    Every piece of article text is escaped before a tag goes around it.
    """
    return _marked(body, mentions, [s for s in statements if not s.in_title], selected)


@register.simple_tag
def highlighted_title(title: str, statements, selected=None) -> SafeString:
    """The headline with the statements made in it marked as the body's are ("Pence:
    Gennifer Flowers Won't Be at Debate"); headlines have no mentions of their own."""
    return _marked(title, [], [s for s in statements if s.in_title], selected)


def _marked(body: str, mentions, statements: list, selected) -> SafeString:
    contents = [
        SimpleNamespace(start=a, end=b, statement=s)
        for s in statements
        for a, b in s.content_spans()
        if b > a
    ]
    speakers = _spans(statements, "speaker_start", "speaker_end")
    cues = _spans(statements, "cue_start", "cue_end")
    chosen = [_extent(s) for s in statements if s.pk == selected]
    points = {0, len(body)}
    for m in mentions:
        points.update((m.start, m.end))
    for span in (*contents, *speakers, *cues, *chosen):
        points.update((span.start, span.end))
    cuts = sorted(p for p in points if 0 <= p <= len(body))
    out: list[str] = []
    mention_at = _Covering(mentions, "start", "end")
    content_at = _Covering(contents, "start", "end")
    speaker_at = _Covering(speakers, "start", "end")
    cue_at = _Covering(cues, "start", "end")
    chosen_at = _Covering(chosen, "start", "end")
    for a, b in pairwise(cuts):
        html = escape(body[a:b])
        mention = mention_at(a, b)
        if mention is not None:
            html = format_html(
                '<a class="mention kind-{}" href="{}" title="{}">{}</a>',
                mention.actor.kind,
                reverse("entities:actor_detail", args=[mention.actor.slug]),
                mention.actor.name,
                mark_safe(html),  # noqa: S308 - escaped just above
            )
        speaker = speaker_at(a, b)
        if speaker is not None and mention is None and speaker.statement.speaker_id:
            # a speaker written as "he" or "the ministry": the highlight still leads to its actor
            who = speaker.statement.speaker
            html = format_html(
                '<a class="speaker" href="{}" title="speaker of statement {}: {}">{}</a>',
                reverse("entities:actor_detail", args=[who.slug]),
                speaker.statement.pk,
                who.name,
                mark_safe(html),  # noqa: S308 - escaped above
            )
        elif speaker is not None:
            html = format_html(
                '<span class="speaker" title="speaker of statement {}">{}</span>',
                speaker.statement.pk,
                mark_safe(html),  # noqa: S308 - escaped above
            )
        cue = cue_at(a, b)
        if cue is not None:
            html = format_html(
                '<span class="cue" title="verb of statement {}">{}</span>',
                cue.statement.pk,
                mark_safe(html),  # noqa: S308 - escaped above
            )
        content = content_at(a, b)
        if content is not None:
            statement = content.statement
            # the statement's anchor is its entry in the list (Statement.get_article_url); the
            # page's script finds its words by data-statement
            html = format_html(
                '<mark class="statement kind-{}" data-statement="{}">{}</mark>',
                statement.kind,
                statement.pk,
                mark_safe(html),  # noqa: S308 - escaped above
            )
        if chosen_at(a, b) is not None:
            html = format_html('<span class="selected">{}</span>', mark_safe(html))  # noqa: S308
        out.append(str(html))
    return mark_safe("".join(out))  # noqa: S308 - every piece was escaped or built by format_html


@register.filter
def in_minutes(delta) -> str:
    """A timedelta in words a reader expects: '15 minutes', '1 minute'."""
    minutes = max(1, round(delta.total_seconds() / 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


class _Covering:
    """The first span covering [a, b), for segments asked in increasing order: each span is
    looked at a bounded number of times, so a long article stays linear, not quadratic."""

    def __init__(self, spans, start: str, end: str) -> None:
        self.spans = sorted(spans, key=lambda x: getattr(x, start))
        self.start, self.end = start, end
        self.next = 0
        self.open: list = []

    def __call__(self, a: int, b: int):
        while self.next < len(self.spans) and getattr(self.spans[self.next], self.start) <= a:
            self.open.append(self.spans[self.next])
            self.next += 1
        self.open = [x for x in self.open if getattr(x, self.end) > a]
        return next((x for x in self.open if b <= getattr(x, self.end)), None)


@register.filter
def percent(value, total) -> int:
    """value as a whole percentage of total (0 when total is 0), for bar widths."""
    try:
        return round(100 * float(value) / float(total)) if float(total) else 0
    except (TypeError, ValueError):
        return 0


@register.simple_tag
def statement_sentence(statement) -> SafeString:
    """The sentence(s) a statement sits in (selectors.sentences decides where they begin and
    end), escaped, with its speaker in <b>, its verb in <i> and its content (each fragment of
    it) in <mark>."""
    sentence = statement_sentence_bounds(statement)
    text, offset, start, stop = sentence.text, sentence.offset, sentence.start, sentence.stop
    spans = [
        (statement.speaker_start - offset, statement.speaker_end - offset, "b"),
        (statement.cue_start - offset, statement.cue_end - offset, "i"),
        *((a - offset, b - offset, "mark") for a, b in statement.content_spans()),
    ]
    spans = sorted((a, b, tag) for a, b, tag in spans if b > a and a >= start and b <= stop)
    out, cursor = [], start
    for a, b, tag in spans:
        if a < cursor:
            continue  # overlapping spans: the first one wins
        out += [escape(text[cursor:a]), f"<{tag}>", escape(text[a:b]), f"</{tag}>"]
        cursor = b
    out.append(escape(text[cursor:stop]))
    return mark_safe(("…" if sentence.cut else "") + "".join(out).strip())  # noqa: S308 - every text piece is escaped


@register.simple_tag
def statement_snippet(text: str, query: str, width: int = 240) -> SafeString:
    """The text around the first term of the query that it contains, escaped, with every
    occurrence of a term the query looks for (a word or a longer form of it: "sanction" marks
    "sanctions"; a phrase; not the words it excludes) in <mark>, accents and case aside
    ("erdogan" marks "Erdoğan"). Without a query or a hit: the start of the text."""
    terms = sorted(
        {t.text for t in websearch_parse(query).terms if len(t.text) > 1}, key=len, reverse=True
    )
    hits = []
    if terms:
        alternatives = "|".join(r"\W+".join(map(re.escape, t.split())) for t in terms)
        folded, offsets = fold_chars(text)
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})\w*")
        hits = [(offsets[m.start()], offsets[m.end() - 1] + 1) for m in pattern.finditer(folded)]
    start = 0
    if hits and len(text) > width:
        start = max(0, hits[0][0] - width // 3)
        space = text.rfind(" ", 0, start)
        start = space + 1 if start and space != -1 and start - space < 30 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    parts = ["…" if start else ""]
    cursor = start
    for a, b in hits:
        if b <= start or a >= end:
            continue
        a, b = max(a, start), min(b, end)
        parts += [escape(text[cursor:a]), "<mark>", escape(text[a:b]), "</mark>"]
        cursor = b
    parts += [escape(text[cursor:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped


@register.filter
def narrow_stance_chart(chart: dict) -> dict:
    """The by-month, by-stance chart drawn again for a phone's width (the same months)."""
    return stance_month_bars(chart.get("points") or [], width=STANCE_CHART_NARROW)
