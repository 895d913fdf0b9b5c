"""Reads on editors' decisions: an article's correction history and the statements editors
marked "not a statement" (with what the undo needs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from entities.models import Actor, Article, Correction

HISTORY_SHOWN = 50  # the newest decisions on an article page


@dataclass(frozen=True)
class CorrectionRow:
    pk: int
    kind: str
    summary: str
    by: str
    at: datetime
    statement_id: int | None  # the statement to link to, when the decision names one


def _short(text: str, width: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def correction_summary(correction: Correction) -> str:
    """What an editor decided, in words, with the before and after the Correction keeps."""
    data, kind = correction.data or {}, correction.kind
    K = Correction.Kind
    if kind == K.NOT_STATEMENT and data.get("undo"):
        return f"Put back the statement “{_short(data.get('content', ''))}”"
    if kind == K.NOT_STATEMENT:
        return f"Marked “{_short(data.get('content', ''))}” not a statement"
    if kind == K.SPAN:
        before = data.get("previous") or data.get("before") or {}
        return (
            f"Span {before.get('start')}–{before.get('end')} → "
            f"{data.get('after_start')}–{data.get('after_end')}: “{_short(data.get('after', ''))}”"
        )
    if kind == K.STATEMENT_KIND:
        return f"Kind {data.get('before')} → {data.get('after')}"
    if kind == K.ACTOR_CREATE:
        made = f"{data.get('name')} ({data.get('kind')})"
        return f"Created the actor {made} from “{data.get('speaker_text')}”"
    if kind == K.SPEAKER:
        who = correction.actor.name if correction.actor else "nobody"
        return f"Speaker set to {who} (was “{data.get('speaker_text') or 'unknown'}”)"
    if kind == K.TARGETS:
        now, before = len(data.get("actor_ids", [])), len(data.get("before", []))
        return f"Targets replaced: {now} (were {before})"
    if kind == K.MERGE:
        return f"Merged {data.get('source')} into {data.get('into')}"
    if kind == K.RENAME:
        return f"Renamed {data.get('old')} → {data.get('new')}"
    if kind == K.ALIAS_ADD:
        return f"Alias “{data.get('alias')}” added"
    if kind == K.ALIAS_REMOVE:
        return f"Alias “{data.get('alias')}” removed"
    if kind == K.REJECT:
        return f"Rejected {data.get('name')} as an actor"
    if kind == K.ACTOR_UPDATE:
        before, after = data.get("before") or {}, data.get("after") or {}
        changed = [
            f"{k} {before.get(k) or '—'} → {after.get(k) or '—'}"
            for k in after
            if before.get(k) != after.get(k)
        ]
        return "Changed " + "; ".join(changed) if changed else "Changed nothing"
    return correction.get_kind_display()


def _row(c: Correction) -> CorrectionRow:
    data = c.data or {}
    return CorrectionRow(
        pk=c.pk,
        kind=c.kind,
        summary=correction_summary(c),
        by=c.created_by.get_username() if c.created_by else "unknown",
        at=c.created_at,
        # a statement that exists (a dropped one has no page to link to)
        statement_id=None
        if c.kind == Correction.Kind.NOT_STATEMENT and not data.get("undo")
        else data.get("statement_id"),
    )


def actor_corrections(*, actor: Actor, limit: int = HISTORY_SHOWN) -> list[CorrectionRow]:
    """Decisions about the actor (merges into it, renames, aliases, kind and country, new
    from a speaker), newest first, with who made them and when."""
    rows = (
        Correction.objects.filter(actor=actor, article__isnull=True)
        .select_related("created_by", "actor")
        .order_by("-created_at", "-pk")[:limit]
    )
    return [_row(c) for c in rows]


def article_corrections(*, article: Article, limit: int = HISTORY_SHOWN) -> list[CorrectionRow]:
    """The article's statement decisions, newest first, with who made them and when."""
    rows = (
        Correction.objects.filter(article=article)
        .select_related("created_by", "actor")
        .order_by("-created_at", "-pk")[:limit]
    )
    return [_row(c) for c in rows]


def article_dropped_statements(*, article: Article) -> list[Correction]:
    """The standing "not a statement" decisions of the article (each can be undone)."""
    return list(
        Correction.objects.filter(
            Q(content_start__isnull=False), article=article, kind=Correction.Kind.NOT_STATEMENT
        )
        .select_related("created_by")
        .order_by("content_start", "pk")
    )


def correction_dropped_get(*, correction_id: int) -> Correction | None:
    return Correction.objects.filter(
        pk=correction_id, kind=Correction.Kind.NOT_STATEMENT, content_start__isnull=False
    ).first()


def correction_dropped_for(*, statement_id: int) -> Correction | None:
    """The standing "not a statement" decision that removed the statement with this id."""
    return (
        Correction.objects.filter(
            kind=Correction.Kind.NOT_STATEMENT,
            content_start__isnull=False,
            data__statement__id=statement_id,
        )
        .order_by("-pk")
        .first()
    )
