"""Human decisions about actors: merges, renames, aliases, kinds and countries, rejected
actors, dismissed possible duplicates.

Each decision is one transaction that changes the rows and stores a Correction, so that
re-running extraction applies it again through the resolver (aliases, merged_into, rejected).
Decisions about a statement's speaker and targets are in services/statement_actors.py; they
take their actors' locks here (actors_locked) like every decision naming an actor.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from entities.models import (
    Actor,
    ActorAlias,
    Correction,
    Mention,
    PossibleDuplicate,
    Statement,
    StatementTarget,
    fit_field,
)
from entities.services.actors import normalise_alias
from entities.services.summaries import articles_naming, keeps_summaries

_KEEP = object()  # actor_update: leave the country as it is


def _alias_key(name: str) -> str:
    return fit_field(ActorAlias, "alias", normalise_alias(name))


def actors_locked(*actors: Actor | None) -> dict[int, Actor]:
    """The actors' rows, read again and locked for the rest of the transaction, in id order.
    Every decision about actors takes its locks here first: one that comes while another is
    merging the same actor waits for the merge and then sees its outcome (so it never writes to
    an actor merged away meanwhile), and none writes rows naming an actor before holding that
    actor's lock, which deadlocked a merge with an alias added to its survivor (a 500)."""
    pks = sorted({actor.pk for actor in actors if actor is not None})
    rows = Actor.objects.select_for_update().filter(pk__in=pks).order_by("pk")
    return {row.pk: row for row in rows}


def actor_check_live(actor: Actor, field: str) -> None:
    """Refuse, as an error on `field`, an actor merged into another: decide about the survivor."""
    if actor.merged_into_id:
        raise ValidationError(
            {field: f"{actor.name} was merged into {actor.merged_into}; edit that actor instead."}
        )


def _actor_articles(*_: object, actor: Actor, **__: object) -> list[int]:
    """The articles whose counts a change of the actor's kind or country, or its rejection,
    moves: its own and those of the actors that count for it."""
    return articles_naming([actor], members=True)


def _merge_articles(*_: object, source: Actor, into: Actor, **__: object) -> list[int]:
    """The source's articles and its members' (their rows or their country move); the
    survivor's too when it may take the source's country."""
    moved = [source] + ([into] if into.country_id is None and source.country_id else [])
    return articles_naming(moved, members=True)


@transaction.atomic
@keeps_summaries(_merge_articles)
def actor_merge(*, source: Actor, into: Actor, user=None) -> Actor:
    """Merge `source` into `into`: its aliases, mentions, statements and targets move, actors
    that named it as their country or were merged into it follow, and its URL redirects to the
    survivor (source.merged_into). Returns the survivor."""
    if source.pk == into.pk:
        raise ValidationError({"into": "An actor cannot be merged into itself."})
    locked = actors_locked(source, into)
    source, into = locked[source.pk], locked[into.pk]
    actor_check_live(source, "source")
    actor_check_live(into, "into")
    if into.rejected:
        # its rows would vanish from every page, and extraction would not bring them back
        raise ValidationError({"into": f"{into.name} was rejected as an actor."})
    Mention.objects.filter(actor=source).update(actor=into)
    Statement.objects.filter(speaker=source).update(speaker=into)
    both = StatementTarget.objects.filter(actor=into).values("statement_id")
    StatementTarget.objects.filter(actor=source, statement_id__in=both).delete()
    StatementTarget.objects.filter(actor=source).update(actor=into)
    # what one of them said about the other is now the survivor on itself: never a target
    StatementTarget.objects.filter(actor=into, statement__speaker=into).delete()
    kept = ActorAlias.objects.filter(actor=into).values("alias")
    ActorAlias.objects.filter(actor=source, alias__in=kept).delete()
    ActorAlias.objects.filter(actor=source).update(actor=into)
    for name in (source.name, into.name):
        ActorAlias.objects.get_or_create(actor=into, alias=_alias_key(name))
    # a country is always an actor of kind country, and never the actor itself
    citizens = Actor.objects.filter(country=source)
    citizens.filter(pk=into.pk).update(country=None)
    if into.kind == Actor.Kind.COUNTRY:
        citizens.exclude(pk=into.pk).update(country=into)
    else:
        citizens.update(country=None)
    if into.country_id == source.pk:
        into.country_id = None
    Actor.objects.filter(merged_into=source).update(merged_into=into)
    # the pair is decided; pairs with others are asked again when they are met again
    PossibleDuplicate.objects.filter(Q(actor=source) | Q(other=source)).delete()
    Correction.objects.filter(actor=source).update(actor=into)
    changed = []
    if not into.role and source.role:
        into.role = source.role
        changed.append("role")
    if into.country_id is None and source.country_id and source.country_id != into.pk:
        into.country_id = source.country_id
        changed.append("country")
    if changed:
        into.save(update_fields=changed)
    source.merged_into = into
    source.save(update_fields=["merged_into"])
    Correction.objects.create(
        kind=Correction.Kind.MERGE,
        actor=into,
        other=source,
        data={"source": source.name, "source_slug": source.slug, "into": into.name},
        created_by=user,
    )
    return into


@transaction.atomic
def actor_rename(*, actor: Actor, name: str, user=None) -> Actor:
    """A new canonical name; the old one stays an alias, so later articles still find it."""
    name = " ".join(name.split())
    actor = actors_locked(actor)[actor.pk]
    actor_check_live(actor, "name")
    if not name:
        raise ValidationError({"name": "The name cannot be empty."})
    if len(name) > 300:
        raise ValidationError({"name": "A name has at most 300 characters."})
    clash = Actor.objects.filter(name__iexact=name, kind=actor.kind).exclude(pk=actor.pk).first()
    if clash is not None:
        raise ValidationError(
            {"name": f"Another {actor.get_kind_display()} is called {clash.name}: merge them."}
        )
    old = actor.name
    actor.name = name
    actor.save(update_fields=["name"])
    for form in (old, name):
        ActorAlias.objects.get_or_create(actor=actor, alias=_alias_key(form))
    Correction.objects.create(
        kind=Correction.Kind.RENAME, actor=actor, data={"old": old, "new": name}, created_by=user
    )
    return actor


@transaction.atomic
def actor_alias_add(*, actor: Actor, alias: str, user=None) -> None:
    actor = actors_locked(actor)[actor.pk]
    actor_check_live(actor, "alias")
    key = _alias_key(alias)
    if not key:
        raise ValidationError({"alias": "The alias cannot be empty."})
    ActorAlias.objects.get_or_create(actor=actor, alias=key)
    # a new decision replaces an earlier removal of the same alias
    Correction.objects.filter(
        kind=Correction.Kind.ALIAS_REMOVE, actor=actor, data__alias=key
    ).delete()
    Correction.objects.create(
        kind=Correction.Kind.ALIAS_ADD, actor=actor, data={"alias": key}, created_by=user
    )


@transaction.atomic
def actor_alias_remove(*, actor: Actor, alias: str, user=None) -> None:
    """The alias no longer leads to the actor, and extraction will not add it back."""
    key = _alias_key(alias)
    actor = actors_locked(actor)[actor.pk]
    deleted, _ = ActorAlias.objects.filter(actor=actor, alias=key).delete()
    if not deleted:
        raise ValidationError({"alias": f"{actor.name} has no alias {alias!r}."})
    Correction.objects.filter(kind=Correction.Kind.ALIAS_ADD, actor=actor, data__alias=key).delete()
    Correction.objects.create(
        kind=Correction.Kind.ALIAS_REMOVE, actor=actor, data={"alias": key}, created_by=user
    )


@transaction.atomic
@keeps_summaries(_actor_articles)
def actor_update(
    *,
    actor: Actor,
    kind: str | None = None,
    country: Actor | object | None = _KEEP,
    role: str | None = None,
    user=None,
) -> Actor:
    """Change an actor's kind, country or role. Extraction will not overwrite them: an actor
    with such a correction keeps its role and country, and articles naming it as the old kind
    still find it."""
    keep = country is _KEEP
    new_country = country if isinstance(country, Actor) else None
    locked = actors_locked(actor, new_country)
    actor = locked[actor.pk]
    if new_country is not None:
        new_country = locked[new_country.pk]
    actor_check_live(actor, "kind")
    before = {"kind": actor.kind, "country": actor.country_id, "role": actor.role}
    if kind is not None and kind != actor.kind:
        if kind not in Actor.Kind.values:
            raise ValidationError({"kind": f"{kind!r} is not a kind of actor."})
        if Actor.objects.filter(name__iexact=actor.name, kind=kind).exclude(pk=actor.pk).exists():
            raise ValidationError(
                {"kind": f"Another {kind} is called {actor.name}: merge them instead."}
            )
        actor.kind = kind
    if not keep:
        if new_country is not None:
            if new_country.kind != Actor.Kind.COUNTRY:
                raise ValidationError({"country": f"{new_country.name} is not a country."})
            if new_country.pk == actor.pk:
                raise ValidationError({"country": "An actor cannot be its own country."})
            actor_check_live(new_country, "country")
        actor.country = new_country
    if role is not None:
        actor.role = fit_field(Actor, "role", " ".join(role.split()))
    actor.save(update_fields=["kind", "country", "role"])
    after = {"kind": actor.kind, "country": actor.country_id, "role": actor.role}
    if after != before:
        Correction.objects.create(
            kind=Correction.Kind.ACTOR_UPDATE,
            actor=actor,
            data={"before": before, "after": after},
            created_by=user,
        )
    return actor


@transaction.atomic
@keeps_summaries(_actor_articles)
def actor_reject(*, actor: Actor, user=None) -> None:
    """Not a real actor: its mentions and the targets naming it go, statements it spoke lose
    their speaker, and extraction will not bring them back."""
    actor = actors_locked(actor)[actor.pk]
    actor_check_live(actor, "actor")
    Mention.objects.filter(actor=actor).delete()
    StatementTarget.objects.filter(actor=actor).delete()
    Statement.objects.filter(speaker=actor).update(speaker=None)
    Actor.objects.filter(country=actor).update(country=None)  # no link to a rejected country
    actor.rejected = True
    actor.save(update_fields=["rejected"])
    Correction.objects.create(
        kind=Correction.Kind.REJECT, actor=actor, data={"name": actor.name}, created_by=user
    )


@transaction.atomic
def possible_duplicate_dismiss(*, actor: Actor, other: Actor, user=None) -> None:
    """An editor decided `actor` and `other` are two actors: the pair is kept, dismissed, so
    that extraction meeting them again does not offer it again."""
    low, high = sorted((actor.pk, other.pk))
    updated = PossibleDuplicate.objects.filter(actor_id=low, other_id=high).update(dismissed=True)
    if not updated:
        raise ValidationError(f"{actor.name} and {other.name} are not offered as duplicates.")
