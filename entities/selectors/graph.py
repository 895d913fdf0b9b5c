"""Reads on the speaker -> target graph: edges weighted by their number of statements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q

from entities.models import Actor, StatementTarget

__all__ = ["GraphEdge", "graph_edges"]


@dataclass(frozen=True)
class GraphEdge:
    speaker: Actor
    target: Actor
    weight: int


def graph_edges(
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    actor: Actor | None = None,
    limit: int = 300,
) -> list[GraphEdge]:
    """Speaker -> target edges weighted by their number of statements, heaviest first; with an
    actor, only the edges that touch it. Two queries whatever the size of the graph."""
    # no row names a merged or rejected actor (actor_merge moves them, actor_reject drops
    # them), so no join to the actors is needed to count
    rows = StatementTarget.objects.filter(statement__speaker__isnull=False)
    if date_from:
        rows = rows.filter(statement__article__published_at__date__gte=date_from)
    if date_to:
        rows = rows.filter(statement__article__published_at__date__lte=date_to)
    if actor is not None:
        rows = rows.filter(Q(statement__speaker=actor) | Q(actor=actor))
    counted = list(
        rows.exclude(actor_id=F("statement__speaker_id"))
        .order_by()
        .values("statement__speaker_id", "actor_id")
        .annotate(weight=Count("*"))  # one row per statement and target: no DISTINCT needed
        .order_by("-weight", "statement__speaker_id", "actor_id")[:limit]
    )
    ids = {r["statement__speaker_id"] for r in counted} | {r["actor_id"] for r in counted}
    actors = Actor.objects.in_bulk(ids)
    return [
        GraphEdge(
            speaker=actors[r["statement__speaker_id"]], target=actors[r["actor_id"]],
            weight=r["weight"],
        )
        for r in counted
    ]  # fmt: skip
