"""Editors' decisions about one statement beyond its speaker and targets (those are in
services/statement_actors.py): it is not a statement (and the undo of that), its content span,
its kind, and an actor made from its unresolved speaker.

Each is one transaction that changes the rows and stores a Correction keyed by the article and
the statement's content span, as speaker and target fixes are, so that corrections_apply does
it again after re-extraction. A span edit moves the key of every other standing decision about
the statement to the new span, so that they still find it once the span edit is re-applied.

"Not a statement" deletes the row (every list, search, count, chart, export and API answer
then leaves it out without a filter of its own) and keeps a snapshot of it in the Correction,
from which an undo puts it back with its id."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from entities.models import (
    Actor,
    ActorAlias,
    Article,
    Correction,
    Statement,
    StatementTarget,
    fit_field,
)
from entities.services.actors import actor_create, normalise_alias
from entities.services.curation import actors_locked
from entities.services.duplicates import possible_duplicates_find
from entities.services.statement_actors import statement_speaker_set
from entities.services.summaries import keeps_summaries, of_statement

# statement decisions that follow a statement's span (the span's own decision is keyed by the
# span extraction gave, and says where it moved)
_FOLLOWING = (
    Correction.Kind.SPEAKER,
    Correction.Kind.TARGETS,
    Correction.Kind.STATEMENT_KIND,
    Correction.Kind.NOT_STATEMENT,
)


def _key(statement: Statement) -> dict[str, Any]:
    return {
        "article_id": statement.article_id,
        "content_start": statement.content_start,
        "content_end": statement.content_end,
        "in_title": statement.in_title,
    }


def statement_text(*, statement: Statement) -> str:
    """The text the statement's offsets point into: its article's title or body."""
    field = "title" if statement.in_title else "body"
    return Article.objects.filter(pk=statement.article_id).values_list(field, flat=True).get()


def span_validate(text: str, start: Any, end: Any) -> tuple[int, int]:
    """[start, end) checked against `text` and trimmed of the white space at its edges; a
    ValidationError naming the field that is wrong otherwise."""
    where = f"the text has {len(text)} characters"
    for name, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValidationError({name: f"The {name} must be a whole number of characters."})
        if value < 0 or value > len(text):
            raise ValidationError({name: f"The {name} {value} is outside the text ({where})."})
    if start >= end:
        raise ValidationError({"end": f"The end ({end}) must come after the start ({start})."})
    piece = text[start:end]
    if not piece.strip():
        raise ValidationError({"start": "The span holds only white space: select some words."})
    start += len(piece) - len(piece.lstrip())
    end -= len(piece) - len(piece.rstrip())
    return start, end


@transaction.atomic
@keeps_summaries(of_statement)
def statement_span_set(*, statement: Statement, start: Any, end: Any, user=None) -> Statement:
    """The statement's content becomes text[start:end] of its article's body (its title for a
    statement made in the headline), in one piece."""
    text = statement_text(statement=statement)
    start, end = span_validate(text, start, end)
    if (start, end) == (statement.content_start, statement.content_end) and not statement.fragments:
        return statement
    clash = (
        Statement.objects.filter(
            article_id=statement.article_id,
            in_title=statement.in_title,
            content_start=start,
            content_end=end,
        )
        .exclude(pk=statement.pk)
        .values_list("pk", flat=True)
        .first()
    )
    if clash is not None:
        raise ValidationError({"start": f"Statement {clash} already has exactly this span."})
    before = {
        "start": statement.content_start,
        "end": statement.content_end,
        "content": statement.content,
        "fragments": statement.fragments,
    }
    old = _key(statement)
    # the decisions about this statement move with it
    Correction.objects.filter(kind__in=_FOLLOWING, **old).update(
        content_start=start, content_end=end
    )
    moved = Correction.objects.filter(
        kind=Correction.Kind.SPAN,
        article_id=statement.article_id,
        in_title=statement.in_title,
        data__after_start=statement.content_start,
        data__after_end=statement.content_end,
    ).first()
    if moved is None:  # the first edit: keyed by the span extraction finds
        moved = Correction(kind=Correction.Kind.SPAN, **old)
        moved.data = {"before": before}
    else:
        moved.data["previous"] = before
    moved.data.update(after_start=start, after_end=end, after=text[start:end][:1000])
    moved.created_by = user
    moved.created_at = timezone.now()
    moved.save()
    statement.content_start, statement.content_end = start, end
    statement.content = text[start:end]
    statement.fragments = []
    statement.save(update_fields=["content_start", "content_end", "content", "fragments"])
    return statement


@transaction.atomic
def statement_edit(
    *, statement: Statement, start: Any, end: Any, kind: str, user=None
) -> Statement:
    """Span and kind together, as the article page's form sends them: both or neither."""
    statement = statement_span_set(statement=statement, start=start, end=end, user=user)
    return statement_kind_set(statement=statement, kind=kind, user=user)


def _correction_for(statement: Statement, kind: str, user) -> Correction:
    # one standing decision per statement and kind: the newest replaces the older ones
    Correction.objects.filter(kind=kind, **_key(statement)).delete()
    return Correction(kind=kind, created_by=user, **_key(statement))


@transaction.atomic
@keeps_summaries(of_statement)
def statement_kind_set(*, statement: Statement, kind: str, user=None) -> Statement:
    """Direct quote, mixed or reported speech."""
    if kind not in Statement.Kind.values:
        choices = ", ".join(Statement.Kind.values)
        raise ValidationError({"kind": f"{kind!r} is not a kind of statement ({choices})."})
    if kind == statement.kind:
        return statement
    correction = _correction_for(statement, Correction.Kind.STATEMENT_KIND, user)
    correction.data = {"before": statement.kind, "after": kind}
    correction.save()
    statement.kind = kind
    statement.save(update_fields=["kind"])
    return statement


_SNAPSHOT_FIELDS = (
    "speaker_id", "speaker_text", "speaker_start", "speaker_end", "cue", "cue_lemma",
    "cue_class", "cue_start", "cue_end", "content", "content_start", "content_end", "fragments",
    "kind", "confidence", "in_title",
)  # fmt: skip


@transaction.atomic
@keeps_summaries(of_statement)
def statement_drop(*, statement: Statement, user=None) -> Correction:
    """Not a statement: the row goes, and re-extraction drops it again. The Correction keeps
    what it was, for the article page's undo."""
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    snapshot: dict[str, Any] = {f: getattr(statement, f) for f in _SNAPSHOT_FIELDS}
    snapshot["id"] = statement.pk
    snapshot["targets"] = [
        [t.actor_id, t.start, t.end, t.stance] for t in statement.targets.order_by("start")
    ]
    correction = _correction_for(statement, Correction.Kind.NOT_STATEMENT, user)
    speaker = statement.speaker.name if statement.speaker else statement.speaker_text
    correction.data = {"statement": snapshot, "speaker": speaker, "content": statement.content}
    correction.save()
    statement.delete()
    return correction


@transaction.atomic
@keeps_summaries(lambda *_, correction, **__: [correction.article_id])
def statement_restore(*, correction: Correction, user=None) -> Statement:
    """Undo "not a statement": the statement comes back as it was (with its id when no other
    row took it), its speaker and targets followed through merges; the decision goes, and
    the history keeps an entry saying who undid it."""
    correction = Correction.objects.select_for_update().get(pk=correction.pk)
    start, end = correction.content_start, correction.content_end
    article_id = correction.article_id
    dropped = correction.kind == Correction.Kind.NOT_STATEMENT and article_id is not None
    if not dropped or start is None or end is None or article_id is None:
        raise ValidationError("Only a statement marked “not a statement” can be put back.")
    snap = dict(correction.data.get("statement") or {})
    statement = Statement(article_id=article_id)
    for field in _SNAPSHOT_FIELDS:
        if field in snap:
            setattr(statement, field, snap[field])
    statement.content_start, statement.content_end = start, end
    statement.in_title = correction.in_title
    old_id = snap.get("id")
    if isinstance(old_id, int) and not Statement.objects.filter(pk=old_id).exists():
        statement.pk = old_id
    speaker = _survivor(snap.get("speaker_id"))
    statement.speaker = speaker
    statement.save(force_insert=True)
    targets, seen = [], set()
    for actor_id, start, end, stance in snap.get("targets", []):
        actor = _survivor(actor_id)
        if actor is None or actor.pk in seen or (speaker and actor.pk == speaker.pk):
            continue
        seen.add(actor.pk)
        targets.append(
            StatementTarget(statement=statement, actor=actor, start=start, end=end, stance=stance)
        )
    StatementTarget.objects.bulk_create(targets)
    Correction.objects.create(
        kind=Correction.Kind.NOT_STATEMENT,
        article_id=correction.article_id,  # no span: a record of the undo, not a decision
        data={
            "undo": True,
            "statement_id": statement.pk,
            "content": statement.content,
        },
        created_by=user,
    )
    correction.delete()
    return statement


def _survivor(actor_id: int | None) -> Actor | None:
    if actor_id is None:
        return None
    actor = Actor.objects.filter(pk=actor_id).select_related("merged_into").first()
    actor = actor.survivor() if actor is not None else None
    return None if actor is None or actor.rejected else actor


@transaction.atomic
@keeps_summaries(of_statement)
def statement_speaker_actor_create(
    *,
    statement: Statement,
    name: str,
    kind: str,
    country: Actor | None = None,
    user=None,
) -> Actor:
    """A new actor for a statement whose speaker extraction did not resolve ("Cyber security
    experts"): the statement is credited to it (a speaker correction, re-applied after
    re-extraction) and the words as written become its alias."""

    name = " ".join(name.split())
    if statement.speaker_id is not None:
        raise ValidationError(
            {"name": f"The statement is already credited to {statement.speaker}."}
        )
    if not name:
        raise ValidationError({"name": "The name cannot be empty."})
    if len(name) > 300:
        raise ValidationError({"name": "A name has at most 300 characters."})
    if kind not in Actor.Kind.values:
        raise ValidationError({"kind": f"{kind!r} is not a kind of actor."})
    clash = Actor.objects.filter(name__iexact=name, kind=kind).first()
    if clash is not None:
        raise ValidationError(
            {"name": f"{clash.name} is already an actor ({clash.get_kind_display()}): "
             "set it as the speaker instead."}
        )  # fmt: skip
    if country is not None:
        country = actors_locked(country)[country.pk]
        if country.kind != Actor.Kind.COUNTRY:
            raise ValidationError({"country": f"{country.name} is not a country."})
        if country.merged_into_id or country.rejected:
            raise ValidationError({"country": f"{country.name} is no longer an actor."})
        if kind == Actor.Kind.COUNTRY:
            raise ValidationError({"country": "A country has no country."})
    actor = actor_create(name, kind)
    if country is not None:
        actor.country = country
        actor.save(update_fields=["country"])
    for form in {name, statement.speaker_text}:
        key = fit_field(ActorAlias, "alias", normalise_alias(form))
        if key:
            ActorAlias.objects.get_or_create(actor=actor, alias=key)
    Correction.objects.create(
        kind=Correction.Kind.ACTOR_CREATE,
        actor=actor,
        article_id=statement.article_id,
        data={
            "name": name,
            "kind": kind,
            "country": country.pk if country else None,
            "speaker_text": statement.speaker_text,
            "statement_id": statement.pk,
        },
        created_by=user,
    )
    statement_speaker_set(statement=statement, speaker=actor, user=user)
    possible_duplicates_find(actors=[actor])
    return actor


# -- re-applied after re-extraction ------------------------------------------------------------


def span_apply(correction: Correction, statement: Statement, text: str) -> bool:
    start, end = correction.data.get("after_start"), correction.data.get("after_end")
    try:
        start, end = span_validate(text, start, end)
    except ValidationError:
        return False  # the text changed under the decision: extraction's span stays
    statement.content_start, statement.content_end = start, end
    statement.content = text[start:end]
    statement.fragments = []
    statement.save(update_fields=["content_start", "content_end", "content", "fragments"])
    return True


def kind_apply(correction: Correction, statement: Statement) -> bool:
    kind = correction.data.get("after")
    if kind not in Statement.Kind.values:
        return False
    statement.kind = kind
    statement.save(update_fields=["kind"])
    return True
