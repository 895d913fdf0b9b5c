"""Which country an actor counts for: the one definition behind the country roll-up (the
relations matrix and pair pages, the API's /relations/, and the statement search's
`speaker_country` and `target_country` filters).

An actor counts for a country when it is that country (kind country), or when it is a person,
organisation or group whose `country` is that country. A merged actor counts as its survivor
(actor_merge moves statements and targets to the survivor, so this only matters for rows that
escaped it); a rejected actor, or one merged into a rejected actor, counts for no country."""

from __future__ import annotations

from django.db.models import Case, F, IntegerField, Q, Value, When

from entities.models import Actor, StatementTarget
from entities.selectors.actors import actor_named

__all__ = ["STANCE_RANK", "STANCE_RANKS", "actor_country", "country_members", "country_resolve"]

COUNTRY = Actor.Kind.COUNTRY
_Stance = StatementTarget.Stance
# the stance a statement has toward a country of several of its targets: the lowest rank wins
# (negative over positive over neutral); STANCE_RANK is a target row's rank, for Min()
STANCE_RANKS = (_Stance.NEGATIVE, _Stance.POSITIVE, _Stance.NEUTRAL)
STANCE_RANK = Case(
    When(stance=_Stance.NEGATIVE, then=Value(0)),
    When(stance=_Stance.POSITIVE, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def actor_country(prefix: str = "") -> Case:
    """The id of the country the actor at `prefix` ("" on Actor, "speaker__" on Statement,
    "actor__" on StatementTarget...) counts for, or NULL. One LEFT JOIN to the survivor."""
    merged = f"{prefix}merged_into__"
    live = {f"{prefix}merged_into__isnull": True}
    return Case(
        When(**{f"{merged}rejected": True}, then=Value(None)),
        When(**{f"{merged}kind": COUNTRY}, then=F(f"{prefix}merged_into_id")),
        When(**{f"{prefix}merged_into__isnull": False}, then=F(f"{merged}country_id")),
        When(**{f"{prefix}rejected": True}, then=Value(None)),
        When(**live, **{f"{prefix}kind": COUNTRY}, then=F(f"{prefix}id")),
        default=F(f"{prefix}country_id"),
        output_field=IntegerField(),
    )


def country_members(*, country: Actor) -> list[int]:
    """The ids of the actors that count for `country`: itself, its people and bodies, and
    actors merged into those. A list, not a subquery: the planner cannot estimate how many
    actors actor_country() keeps (it guessed one of 150, and joined 23,000 statements to them
    in a nested loop, 1 s), while with the ids it reads the speaker and target indexes as
    their statistics say. The OR of indexed columns narrows the actors before it decides."""
    pk = country.pk
    near = Q(pk=pk) | Q(country_id=pk) | Q(merged_into__isnull=False)
    return list(
        Actor.objects.filter(near)
        .alias(counts_for=actor_country())
        .filter(counts_for=pk)
        .order_by()
        .values_list("pk", flat=True)
    )


def country_resolve(*, value: str) -> Actor | None:
    """The live country a user means by `value`: its slug, name or an alias ("united-states",
    "United States", "US"); a merged country means its survivor. None when no country matches
    (a person's name is no country)."""
    value = value.strip()
    if not value:
        return None
    found = Actor.objects.filter(slug=value).select_related("merged_into").first()
    candidates = [found] if found is not None else []
    if not candidates:
        candidates = actor_named(name=value)
    for actor in candidates:
        actor = actor.survivor()
        if actor.kind == COUNTRY and not actor.rejected:
            return actor
    return None
