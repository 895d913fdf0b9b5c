"""Who said how much about whom, from the summaries: PairCounts for every statement,
PairMonth for a date range (its whole months; the days of the months it cuts counted from the
statements), a kind or a stance. What the network and the graph API draw."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q, QuerySet, Sum

from entities.models import Actor, PairCounts, PairMonth, StatementTarget
from entities.selectors.months import month_span

__all__ = ["PairWeight", "only_stance", "pair_weights", "target_rows"]

_STANCES = ("negative", "positive", "neutral")


@dataclass(frozen=True)
class PairWeight:
    speaker_id: int
    target_id: int
    n: int  # statements of the speaker about the target
    negative: int = 0
    positive: int = 0
    neutral: int = 0


def pair_weights(
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    actor: Actor | None = None,
    kind: str = "",
    stance: str = "",
    actor_kinds: Collection[str] = (),
    min_weight: int = 1,
    limit: int = 300,
) -> list[PairWeight]:
    """The `limit` heaviest speaker -> target pairs with at least `min_weight` statements (a
    statement without a speaker, or about its speaker, is in none), heaviest first, then by
    the actors' ids; with an actor, the pairs it is in; a stance keeps the statements with
    that stance toward the target (their number is then the weight); actor_kinds keeps the
    pairs whose speaker and target are both of one of them."""
    kinds = sorted(set(actor_kinds))
    if date_from is None and date_to is None and not kind:
        rows: QuerySet = PairCounts.objects.filter(n__gt=0)
        if actor is not None:
            rows = rows.filter(Q(speaker=actor) | Q(target=actor))
        if kinds:
            rows = rows.filter(speaker__kind__in=kinds, target__kind__in=kinds)
        weight = stance or "n"
        rows = rows.filter(**{f"{weight}__gte": max(min_weight, 1)})
        fields = ("speaker_id", "target_id", weight, *_STANCES)
        ordered = rows.order_by(f"-{weight}", "speaker_id", "target_id").values_list(*fields)
        return [only_stance(PairWeight(*row), stance) for row in ordered[:limit]]
    span = month_span(date_from, date_to)
    months = PairMonth.objects.filter(n__gt=0, **span.lookups)
    if actor is not None:
        months = months.filter(Q(speaker=actor) | Q(target=actor))
    if kinds:
        months = months.filter(speaker__kind__in=kinds, target__kind__in=kinds)
    if kind:
        months = months.filter(kind=kind)
    if stance:
        months = months.filter(stance=stance)
    summed = (
        months.order_by()
        .values_list("speaker_id", "target_id")
        .annotate(
            total=Sum("n"),
            **{s: Sum("n", filter=Q(stance=s), default=0) for s in _STANCES},
        )
        .order_by("-total", "speaker_id", "target_id")
    )
    if not span.days:
        enough = summed.filter(total__gte=min_weight)  # type: ignore[misc]  # an annotation
        return [PairWeight(*row) for row in enough[:limit]]
    weights: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for speaker, target, *numbers in summed:
        old = weights[(speaker, target)]
        weights[(speaker, target)] = [a + b for a, b in zip(old, numbers, strict=True)]
    for first, last in span.days:
        for speaker, target, s, n in _counted_days(first, last, actor, kind, stance, kinds):
            numbers = weights[(speaker, target)]
            numbers[0] += n
            numbers[1 + _STANCES.index(s)] += n
    heavy = [(pair, numbers) for pair, numbers in weights.items() if numbers[0] >= min_weight]
    heaviest = sorted(heavy, key=lambda item: (-item[1][0], item[0]))[:limit]
    return [PairWeight(s, t, *numbers) for (s, t), numbers in heaviest]


def only_stance(weight: PairWeight, stance: str) -> PairWeight:
    """The pair's counts with only the given stance's statements (all without a stance)."""
    if not stance:
        return weight
    counts = {s: getattr(weight, s) if s == stance else 0 for s in _STANCES}
    return PairWeight(weight.speaker_id, weight.target_id, getattr(weight, stance), **counts)


def target_rows(
    date_from: date | None = None,
    date_to: date | None = None,
    kind: str = "",
    actor_kinds: Collection[str] = (),
) -> QuerySet[StatementTarget]:
    """The statement targets whose statement has a speaker, narrowed by publication days, kind
    of statement and the kinds both speaker and target must be of: what the graph counts when
    the summaries cannot answer. No row names a merged or rejected actor (actor_merge moves
    them, actor_reject drops them), so no join to the actors is needed to count."""
    rows = StatementTarget.objects.filter(statement__speaker__isnull=False)
    if date_from is not None:
        rows = rows.filter(statement__article__published_at__date__gte=date_from)
    if date_to is not None:
        rows = rows.filter(statement__article__published_at__date__lte=date_to)
    if kind:
        rows = rows.filter(statement__kind=kind)
    if actor_kinds:
        kinds = sorted(set(actor_kinds))
        rows = rows.filter(statement__speaker__kind__in=kinds, actor__kind__in=kinds)
    return rows


def _counted_days(
    first: date | None,
    last: date | None,
    actor: Actor | None,
    kind: str,
    stance: str,
    kinds: list[str],
) -> QuerySet:
    """(speaker id, target id, stance, statements) of the days first..last, from the rows."""
    rows = target_rows(first, last, kind, kinds).exclude(actor_id=F("statement__speaker_id"))
    if actor is not None:
        rows = rows.filter(Q(statement__speaker=actor) | Q(actor=actor))
    if stance:
        rows = rows.filter(stance=stance)
    return (
        rows.order_by()
        .values_list("statement__speaker_id", "actor_id", "stance")
        .annotate(n=Count("*"))
    )
