"""Editors' decisions about whom a statement names: its speaker (or nobody) and its targets.

Each is one transaction that changes the rows and stores a Correction keyed by the article and
the statement's content span (statement_correction, shared with the other statement decisions),
so that services/corrections.py applies it again after re-extraction. The actors named are
locked first, as every decision about actors does (services/curation.py).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from entities.models import Actor, Correction, Mention, Statement, StatementTarget
from entities.services.curation import actor_check_live, actors_locked
from entities.services.summaries import keeps_summaries, of_statement


def statement_correction(statement: Statement, kind: str, user) -> Correction:
    """A new decision of this kind about the statement, keyed by its article and content span,
    not yet saved: the caller fills its data and saves it. The standing decision of the same kind
    is deleted, as the newest replaces the older ones."""
    Correction.objects.filter(
        kind=kind,
        article_id=statement.article_id,
        content_start=statement.content_start,
        content_end=statement.content_end,
        in_title=statement.in_title,
    ).delete()
    return Correction(
        kind=kind,
        article_id=statement.article_id,
        content_start=statement.content_start,
        content_end=statement.content_end,
        in_title=statement.in_title,
        created_by=user,
    )


@transaction.atomic
@keeps_summaries(of_statement)
def statement_speaker_set(*, statement: Statement, speaker: Actor | None, user=None) -> Statement:
    """Credit the statement to another actor (or to nobody)."""
    if speaker is not None:
        speaker = actors_locked(speaker)[speaker.pk]
        actor_check_live(speaker, "speaker")
        if speaker.rejected:
            raise ValidationError({"speaker": f"{speaker.name} was rejected as an actor."})
        if statement.targets.filter(actor=speaker).exists():
            raise ValidationError(
                {"speaker": f"The statement is about {speaker.name}: remove it from the targets "
                 "first, as a speaker is never a target of its own statement."}
            )  # fmt: skip
    correction = statement_correction(statement, Correction.Kind.SPEAKER, user)
    correction.actor = speaker
    correction.data = {"before": statement.speaker_id, "speaker_text": statement.speaker_text}
    correction.save()
    statement.speaker = speaker
    statement.save(update_fields=["speaker"])
    return statement


@transaction.atomic
@keeps_summaries(of_statement)
def statement_targets_set(*, statement: Statement, targets: list[Actor], user=None) -> Statement:
    """Replace whom the statement is about. The speaker cannot be one of them."""
    locked = actors_locked(*targets)
    targets = [locked[target.pk] for target in targets]
    for target in targets:
        actor_check_live(target, "targets")
        if target.rejected:
            raise ValidationError({"targets": f"{target.name} was rejected as an actor."})
        if statement.speaker_id == target.pk:
            raise ValidationError({"targets": "The speaker cannot be a target of its statement."})
    correction = statement_correction(statement, Correction.Kind.TARGETS, user)
    correction.data = {
        "actor_ids": [t.pk for t in targets],
        "before": sorted(statement.targets.values_list("actor_id", flat=True)),
    }
    correction.save()
    targets_replace(statement, targets)
    return statement


def targets_replace(statement: Statement, targets: list[Actor]) -> None:
    """Each target's span is its first mention inside the content, else the content itself; a
    target kept keeps its stance, a new one is neutral until an editor says otherwise."""
    stances = dict(
        StatementTarget.objects.filter(statement=statement).values_list("actor_id", "stance")
    )
    StatementTarget.objects.filter(statement=statement).delete()
    spans: dict[int, tuple[int, int]] = {}
    mentions = Mention.objects.filter(
        article_id=statement.article_id,
        actor__in=targets,
        start__gte=statement.content_start,
        end__lte=statement.content_end,
    )
    # mentions are body offsets: a headline statement's targets span its content
    for m in mentions.order_by("start") if not statement.in_title else ():
        spans.setdefault(m.actor_id, (m.start, m.end))
    StatementTarget.objects.bulk_create(
        StatementTarget(
            statement=statement,
            actor=t,
            start=spans.get(t.pk, (statement.content_start, statement.content_end))[0],
            end=spans.get(t.pk, (statement.content_start, statement.content_end))[1],
            stance=stances.get(t.pk, StatementTarget.Stance.NEUTRAL),
        )
        for t in {t.pk: t for t in targets}.values()
    )
