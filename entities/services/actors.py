"""Resolving extracted actors against the database, through their aliases."""

from __future__ import annotations

import re
import unicodedata

from django.db.models import Q
from django.utils.text import slugify

from entities.models import Actor, ActorAlias


def normalise_alias(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).lower().replace("’", "'")
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"\s+", " ", text).strip(" .,'")


def actors_resolve(*, extracted) -> dict[str, Actor]:
    """Extracted actors -> database actors, matched through their aliases or created.

    Countries go first so that people and bodies can point at theirs.
    """
    ordered = sorted(extracted, key=lambda a: a.kind != "country")
    out: dict[str, Actor] = {}
    for item in ordered:
        actor = _actor_match(item.name, item.kind) or _actor_create(item.name, item.kind)
        changed = []
        if item.role and not actor.role:
            actor.role = item.role[:300]
            changed.append("role")
        if item.country and actor.country_id is None and item.country in out:
            actor.country = out[item.country]
            changed.append("country")
        if changed:
            actor.save(update_fields=changed)
        _aliases_add(actor, [item.name, *item.aliases, *_derived_aliases(item)])
        out[item.name] = actor
    return out


def _derived_aliases(item) -> list[str]:
    """Forms later articles may use: a person's surname, the name with its title."""
    if item.kind != "person" or " " not in item.name:
        return []
    out = [item.name.split()[-1]]
    if item.role:
        out.append(f"{item.role} {item.name}")
    return out


def _actor_match(name: str, kind: str) -> Actor | None:
    alias = normalise_alias(name)
    candidates = list(
        Actor.objects.filter(Q(aliases__alias=alias) | Q(name__iexact=name), kind=kind)
        .select_related("merged_into")
        .distinct()
    )
    if not candidates:
        return None
    exact = [a for a in candidates if normalise_alias(a.name) == alias]
    if exact:
        chosen = exact[0]
    elif len(candidates) == 1:
        chosen = candidates[0]  # "Putin" -> Vladimir Putin, the only person called so
    else:
        return None  # an ambiguous short name: better a separate actor than a wrong merge
    seen = set()
    while chosen.merged_into_id and chosen.pk not in seen:
        seen.add(chosen.pk)
        chosen = chosen.merged_into
    return chosen


def _actor_create(name: str, kind: str) -> Actor:
    base = slugify(name)[:300] or "actor"
    slug, n = base, 1
    while Actor.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    actor = Actor(name=name[:300], kind=kind, slug=slug)
    actor.full_clean()
    actor.save()
    return actor


def _aliases_add(actor: Actor, names: list[str]) -> None:
    aliases = {normalise_alias(n) for n in names} - {""}
    existing = set(
        ActorAlias.objects.filter(actor=actor, alias__in=aliases).values_list("alias", flat=True)
    )
    ActorAlias.objects.bulk_create(
        [ActorAlias(actor=actor, alias=a[:300]) for a in sorted(aliases - existing)]
    )
