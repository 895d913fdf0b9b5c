"""Template helpers that add markup around article text, escaping the text first."""

from __future__ import annotations

from itertools import pairwise

from django import template
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def highlighted_body(body: str, mentions, statements) -> SafeString:
    """The body with each mention linked to its actor and each statement's content marked.

    Every piece of article text is escaped before a tag goes around it.
    """
    points = {0, len(body)}
    for m in mentions:
        points.update((m.start, m.end))
    for s in statements:
        points.update((s.content_start, s.content_end))
    cuts = sorted(p for p in points if 0 <= p <= len(body))
    anchored: set[int] = set()
    out: list[str] = []
    mention_at = _Covering(mentions, "start", "end")
    statement_at = _Covering(statements, "content_start", "content_end")
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
        statement = statement_at(a, b)
        if statement is not None:
            anchor = "" if statement.pk in anchored else f"s-{statement.pk}"
            anchored.add(statement.pk)
            html = format_html(
                '<mark class="statement kind-{}"{}>{}</mark>',
                statement.kind,
                format_html(' id="{}"', anchor) if anchor else "",
                mark_safe(html),  # noqa: S308 - escaped above
            )
        out.append(str(html))
    return mark_safe("".join(out))  # noqa: S308 - every piece was escaped or built by format_html


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
