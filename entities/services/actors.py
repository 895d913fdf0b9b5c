"""Resolving extracted actors against the database, through their aliases, and creating the
actors they do not find (actor_create, which an editor's new speaker uses too)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Set as AbstractSet

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils.text import slugify

from entities.models import (
    Actor,
    ActorAlias,
    Correction,
    Mention,
    PossibleDuplicate,
    fit_field,
    name_key,
)
from entities.services.duplicates import possible_duplicates_find

_MAX_SLUG_TRIES = 50


def normalise_alias(name: str) -> str:
    return ActorAlias.normalise(name)


def actors_resolve(*, extracted) -> dict[str, Actor]:
    """Extracted actors -> database actors, matched through their aliases or created.

    A handful of queries for the whole article, whatever its number of actors: candidates are
    fetched at once, aliases written at once. Countries go first so that people and bodies can
    point at theirs.
    """
    items = sorted(extracted, key=lambda a: a.kind != "country")
    candidates = _candidates(items)
    counts = _mention_counts(a for found in candidates.values() if len(found) > 1 for a in found)
    curated, old_kinds, removed = _curated({a.pk for found in candidates.values() for a in found})
    out: dict[str, Actor] = {}
    names: dict[int, tuple[Actor, list[str]]] = {}
    created: list[Actor] = []
    unsure: list[tuple[Actor, list[Actor], str]] = []  # (new actor, candidates, shared name)
    for item in items:
        name = fit_field(Actor, "name", item.name)  # matched as it is stored
        key = normalise_alias(name)
        shared = candidates.get((key, item.kind), [])
        actor = _choose(shared, key, counts)
        short = _short_form(item)
        if actor is None and short:
            # "Donald J. Trump" is the Donald Trump already known
            short_key = normalise_alias(short)
            actor = _choose(candidates.get((short_key, item.kind), []), short_key, counts)
        if actor is None:
            # an editor changed the kind of the actor this name leads to
            recast = [
                a
                for (alias, _), found in candidates.items()
                if alias == key
                for a in found
                if item.kind in old_kinds.get(a.pk, ())
            ]
            actor = _choose(recast, key)
        if actor is None:
            actor = actor_create(name, item.kind)
            created.append(actor)
            if len(shared) > 1:  # a short name of several actors, none a clear favourite
                unsure.append((actor, shared, name))
        changed = []
        if item.role and not actor.role and actor.pk not in curated:
            actor.role = fit_field(Actor, "role", item.role)
            changed.append("role")
        if (
            item.country
            and actor.country_id is None
            and item.country in out
            and actor.pk not in curated
            and out[item.country].pk != actor.pk
        ):
            actor.country = out[item.country]
            changed.append("country")
        if changed:
            actor.save(update_fields=changed)
        forms = [item.name, *item.aliases, *_derived_aliases(item)]
        names.setdefault(actor.pk, (actor, []))[1].extend(forms)
        out[item.name] = actor
    _aliases_add(names, removed)
    _duplicates_record(created, unsure)
    if created:  # only the new names, against the actors of their kind
        possible_duplicates_find(actors=created)
    return out


def _duplicates_record(created: list[Actor], unsure: list[tuple[Actor, list[Actor], str]]) -> None:
    """Where the resolver was unsure it made a new actor; the pairs an editor should look at
    are kept: the new actor and each actor sharing its short name, and new persons whose
    spelling key an actor already has ('Sergey Lavrov' after 'Sergei Lavrov'). Two queries."""
    pairs: dict[tuple[int, int], str] = {}
    for actor, shared, name in unsure:
        for other in {a.survivor() for a in shared}:
            if other.pk != actor.pk:
                pairs.setdefault(_ordered(actor, other), f"both are called '{name}'")
    keyed = {a.name_key: a for a in created if a.name_key}
    if keyed:
        similar = Actor.objects.filter(
            name_key__in=list(keyed), merged_into__isnull=True, rejected=False
        ).exclude(pk__in=[a.pk for a in created])
        for other in similar:
            actor = keyed[other.name_key]
            if other.kind == actor.kind:
                reason = f"'{actor.name}' and '{other.name}' may be one name spelt two ways"
                pairs.setdefault(_ordered(actor, other), reason)
    PossibleDuplicate.objects.bulk_create(
        [
            PossibleDuplicate(
                actor_id=a, other_id=b, reason=fit_field(PossibleDuplicate, "reason", r)
            )
            for (a, b), r in pairs.items()
        ],
        ignore_conflicts=True,  # found before, or by another worker at the same moment
    )


def _ordered(a: Actor, b: Actor) -> tuple[int, int]:
    return (a.pk, b.pk) if a.pk < b.pk else (b.pk, a.pk)


def _candidates(items) -> dict[tuple[str, str], list[Actor]]:
    """Existing actors that an item may be, keyed by (normalised name, kind): through an alias,
    or by their name (actors made in the admin have no alias rows)."""
    names = [fit_field(Actor, "name", i.name) for i in items] + [
        f for f in map(_short_form, items) if f
    ]
    keys = {normalise_alias(n) for n in names}
    lowered = {n.lower() for n in names}
    found: dict[tuple[str, str], dict[int, Actor]] = defaultdict(dict)
    rows = ActorAlias.objects.filter(alias__in=keys).select_related("actor__merged_into")
    for row in rows:
        found[(row.alias, row.actor.kind)][row.actor.pk] = row.actor
    named = (
        Actor.objects.annotate(lowered=Lower("name"))
        .filter(lowered__in=lowered)
        .select_related("merged_into")
    )
    for actor in named:
        found[(normalise_alias(actor.name), actor.kind)][actor.pk] = actor
    return {key: list(by_pk.values()) for key, by_pk in found.items()}


def _choose(
    candidates: list[Actor], key: str, counts: dict[int, int] | None = None
) -> Actor | None:
    if not candidates:
        return None
    exact = [a for a in candidates if normalise_alias(a.name) == key]
    chosen: Actor | None
    if exact:
        chosen = min(exact, key=lambda a: a.pk)
    elif len(candidates) == 1:
        chosen = candidates[0]  # "Putin" -> Vladimir Putin, the only person called so
    else:
        chosen = _dominant(candidates, counts)
        if chosen is None:
            return None  # an ambiguous short name: better a separate actor than a wrong merge
    return chosen.survivor()


_DOMINANCE = 2  # times the mentions of the runner-up
_MIN_MENTIONS = 3


def _mention_counts(actors) -> dict[int, int]:
    """Mentions per actor, in one query (none for no actors)."""
    pks = {a.pk for a in actors}
    if not pks:
        return {}
    rows = Mention.objects.filter(actor__in=pks).values("actor").annotate(n=Count("id"))
    return dict.fromkeys(pks, 0) | {row["actor"]: row["n"] for row in rows}


def _dominant(candidates: list[Actor], counts: dict[int, int] | None) -> Actor | None:
    """'Obama' alone, shared by Barack and Michelle Obama: the one the articles mention at
    least twice as often as any other (and a few times at all); else nobody. `counts` holds
    the mentions of the candidates when the caller fetched them for a whole article."""
    if counts is None or any(a.pk not in counts for a in candidates):
        counts = _mention_counts(candidates)
    ranked = sorted(candidates, key=lambda a: (-counts.get(a.pk, 0), a.pk))
    first, second = (counts.get(a.pk, 0) for a in ranked[:2])
    if first >= _MIN_MENTIONS and first >= _DOMINANCE * second:
        return ranked[0]
    return None


def _derived_aliases(item) -> list[str]:
    """Forms later articles may use: a person's surname, the name without middle initials or
    suffixes, the name with its title; an organisation's initials ('ap' for the Associated
    Press: an 'AP' of a later article is it, unless several actors share the initials)."""
    if item.kind == "organization":
        return _initials(item.name)
    if item.kind != "person" or " " not in item.name:
        return []
    out = [item.name.split()[-1].rstrip(",")]
    if short := _short_form(item):
        out.append(short)
    if item.role:
        out.append(f"{item.role} {item.name}")
    return out


_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_SMALL_WORDS = {"of", "and", "the", "for", "on", "in", "&", "de", "du", "des", "la", "le"}


def _initials(name: str) -> list[str]:
    """'Associated Press' -> ['AP']; [] unless every word is capitalised and there are two to
    six of them (the initials of a long name say too little)."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _SMALL_WORDS]
    if not 2 <= len(words) <= 6 or not all(w[:1].isupper() for w in words):
        return []
    return ["".join(w[0] for w in words)]


def _short_form(item) -> str:
    """A person's name without middle initials and suffixes ("Joseph R. Biden Jr." -> "Joseph
    Biden"), or "" when there is nothing to drop."""
    if item.kind != "person":
        return ""
    words = [w.rstrip(",") for w in item.name.split()]
    kept = [
        w
        for i, w in enumerate(words)
        if w.lower().rstrip(".") not in _NAME_SUFFIXES
        and not (0 < i < len(words) - 1 and len(w.rstrip(".")) == 1 and w[0].isupper())
    ]
    if len(kept) < 2 or len(kept) == len(words):
        return ""
    return " ".join(kept)


def _actor_match(name: str, kind: str) -> Actor | None:
    key = normalise_alias(name)
    candidates = (
        Actor.objects.filter(Q(aliases__alias=key) | Q(name__iexact=name), kind=kind)
        .select_related("merged_into")
        .distinct()
    )
    return _choose(list(candidates), key)


def actor_create(name: str, kind: str) -> Actor:
    """A new actor with a free slug. Two workers may create the same actor at the same moment:
    the database's unique constraints decide, and the loser takes the winner's row."""
    # room left under the slug's max_length for a "-NN" suffix
    base = slugify(name)[: (Actor._meta.get_field("slug").max_length or 320) - 20] or "actor"
    for n in range(1, _MAX_SLUG_TRIES + 1):
        slug = base if n == 1 else f"{base}-{n}"
        if Actor.objects.filter(slug=slug).exists():
            continue
        actor = Actor(name=name, kind=kind, slug=slug, name_key=name_key(name, kind))
        actor.full_clean(validate_unique=False, validate_constraints=False)  # the database decides
        try:
            with transaction.atomic():
                actor.save()
        except IntegrityError:
            existing = _actor_match(name, kind)
            if existing is not None:
                return existing
            continue  # the slug went to another actor meanwhile: take the next one
        return actor
    raise RuntimeError(f"no free slug for actor {name!r} after {_MAX_SLUG_TRIES} tries")


def _aliases_add(
    names: dict[int, tuple[Actor, list[str]]], removed: AbstractSet[tuple[int, str]] = frozenset()
) -> None:
    wanted = {
        (pk, fit_field(ActorAlias, "alias", alias))
        for pk, (_, forms) in names.items()
        for alias in {normalise_alias(f) for f in forms} - {""}
    } - set(removed)  # an alias an editor removed stays removed
    if not wanted:
        return
    existing = set(
        ActorAlias.objects.filter(
            actor_id__in=list(names), alias__in={alias for _, alias in wanted}
        ).values_list("actor_id", "alias")
    )
    ActorAlias.objects.bulk_create(
        [ActorAlias.make(actor_id=pk, alias=alias) for pk, alias in sorted(wanted - existing)],
        ignore_conflicts=True,  # another worker may add the same alias at the same moment
    )


def _curated(actor_ids) -> tuple[set[int], dict[int, set[str]], set[tuple[int, str]]]:
    """For the resolver: actors whose role and country a person set (extraction leaves them),
    the kinds each actor had before a person changed it, and aliases a person removed."""
    rows = Correction.objects.filter(
        Q(kind=Correction.Kind.ACTOR_UPDATE) | Q(kind=Correction.Kind.ALIAS_REMOVE),
        actor_id__in=list(actor_ids),
    ).values_list("kind", "actor_id", "data")
    curated: set[int] = set()
    old_kinds: dict[int, set[str]] = {}
    removed: set[tuple[int, str]] = set()
    for kind, actor_id, data in rows:
        if kind == Correction.Kind.ALIAS_REMOVE:
            removed.add((actor_id, data.get("alias", "")))
        else:
            curated.add(actor_id)
            old_kinds.setdefault(actor_id, set()).add(data.get("before", {}).get("kind", ""))
    return curated, old_kinds, removed
