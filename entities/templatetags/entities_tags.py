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
    for a, b in pairwise(cuts):
        html = escape(body[a:b])
        mention = next((m for m in mentions if m.start <= a and b <= m.end), None)
        if mention is not None:
            html = format_html(
                '<a class="mention kind-{}" href="{}" title="{}">{}</a>',
                mention.actor.kind,
                reverse("entities:actor_detail", args=[mention.actor.slug]),
                mention.actor.name,
                mark_safe(html),  # noqa: S308 - escaped just above
            )
        statement = next(
            (s for s in statements if s.content_start <= a and b <= s.content_end), None
        )
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
