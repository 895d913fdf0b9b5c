"""Reads on the speaker -> target graph: who talks about whom, edges weighted by their number
of statements and counted by the speaker's stance, between actors or between countries.

One function, graph_edges, answers the network page, its GEXF and GraphML exports and the
API's /graph/: every filter is applied here, so the views only pass their cleaned values on.

- level "actor": an edge per (speaker, target) pair; a statement about several actors counts
  once for each of them, with its stance toward that one.
- level "country": the statements rolled up to countries as on the relations pages
  (selectors.countries says which country an actor counts for): a statement counts once for
  (its speaker's country, a target's country), with stance negative when it is negative toward
  any target of that country, else positive when positive toward any, else neutral. A
  country's people speaking about it (the relations matrix's diagonal) make no edge here.

Filters: publication dates (inclusive), kind of statement, stance (the edge then counts only
the statements of that stance), actor kinds (the speaker and the target must both be of one of
them; at country level, the people and bodies rolled up), an actor (only the edges that touch
it; at country level, those that touch its country), and a minimum weight."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from django.db import connection
from django.db.models import F, Min, Q, QuerySet

from entities.models import Actor, CountryPairCounts, StatementTarget
from entities.selectors.countries import STANCE_RANK, STANCE_RANKS, actor_country
from entities.selectors.pair_counts import PairWeight, only_stance, pair_weights, target_rows
from entities.selectors.relations import RelationFilters, country_pair_counts

__all__ = [
    "EDGE_LIMIT",
    "LEVELS",
    "MIXED",
    "GraphEdge",
    "GraphNode",
    "Level",
    "graph_edges",
    "graph_nodes",
]

Level = Literal["actor", "country"]
LEVELS: tuple[Level, ...] = ("actor", "country")
EDGE_LIMIT = 300  # edges read when the caller names no limit: the heaviest
Stance = StatementTarget.Stance
MIXED = "mixed"  # the prevailing "stance" of an edge whose top stances tie


@dataclass(frozen=True)
class GraphEdge:
    speaker: Actor  # at country level, the speaker's country
    target: Actor
    weight: int  # statements counted (of the chosen stance only, when one is chosen)
    negative: int = 0
    positive: int = 0
    neutral: int = 0

    @property
    def stance(self) -> str:
        """The stance of most of its statements; "mixed" when two stances tie for the most."""
        counts = {Stance.NEGATIVE: self.negative, Stance.POSITIVE: self.positive}
        counts[Stance.NEUTRAL] = self.neutral
        top = max(counts.values())
        leaders = [str(stance) for stance, n in counts.items() if n == top]
        return leaders[0] if len(leaders) == 1 else MIXED


@dataclass(frozen=True)
class GraphNode:
    actor: Actor
    said: int  # statements on the edges it speaks on
    about: int  # statements on the edges that are about it

    @property
    def statements(self) -> int:
        return self.said + self.about


def graph_edges(
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    actor: Actor | None = None,
    kind: str = "",
    stance: str = "",
    actor_kind: Collection[str] = (),
    min_weight: int = 1,
    level: Level = "actor",
    limit: int = EDGE_LIMIT,
) -> list[GraphEdge]:
    """Speaker -> target edges with at least `min_weight` statements, the heaviest `limit`
    first (then by speaker and target id). Two queries at actor level, two or three at
    country level, whatever the size of the graph."""
    if level not in LEVELS:
        raise ValueError(f"level is one of {', '.join(LEVELS)}, not {level!r}")
    if stance and stance not in Stance.values:
        raise ValueError(f"stance is one of {', '.join(Stance.values)}, not {stance!r}")
    min_weight = max(min_weight, 1)
    weights: list[PairWeight] | None
    if level == "actor":
        weights = pair_weights(
            date_from=date_from, date_to=date_to, actor=actor, kind=kind, stance=stance,
            actor_kinds=actor_kind, min_weight=min_weight, limit=limit,
        )  # fmt: skip
    else:
        weights = _country_summary_edges(
            date_from=date_from, date_to=date_to, actor=actor, kind=kind, stance=stance,
            actor_kind=actor_kind, min_weight=min_weight, limit=limit,
        )  # fmt: skip
    if weights is None:  # the people's kinds at country level: counted from the statements
        weights = _country_edges(
            target_rows(date_from, date_to, kind, actor_kind),
            actor=actor, stance=stance, min_weight=min_weight, limit=limit,
        )  # fmt: skip
    ids = {w.speaker_id for w in weights} | {w.target_id for w in weights}
    actors = Actor.objects.in_bulk(ids)
    return [
        GraphEdge(speaker=actors[w.speaker_id], target=actors[w.target_id], weight=w.n,
                  negative=w.negative, positive=w.positive, neutral=w.neutral)
        for w in weights
    ]  # fmt: skip


def _country_of(actor: Actor) -> int | None:
    return (
        Actor.objects.filter(pk=actor.pk)
        .annotate(counts_for=actor_country())
        .values_list("counts_for", flat=True)
        .first()
    )


def _country_summary_edges(
    *,
    date_from: date | None,
    date_to: date | None,
    actor: Actor | None,
    kind: str,
    stance: str,
    actor_kind: Collection[str],
    min_weight: int,
    limit: int,
) -> list[PairWeight] | None:
    """Country edges from the summaries (CountryPairCounts; CountryPairMonth for dates and
    kinds, the days a range cuts from the statements): None when the people's kinds are asked
    for, which the summaries do not keep."""
    if actor_kind:
        return None
    country = _country_of(actor) if actor is not None else None
    if actor is not None and country is None:
        return []
    if date_from is None and date_to is None and not kind:
        rows = CountryPairCounts.objects.filter(n__gt=0).exclude(target_id=F("speaker_id"))
        if country is not None:
            rows = rows.filter(Q(speaker_id=country) | Q(target_id=country))
        weight = stance or "n"
        ordered = (
            rows.filter(**{f"{weight}__gte": min_weight})
            .order_by(f"-{weight}", "speaker_id", "target_id")
            .values_list("speaker_id", "target_id", weight, *STANCE_RANKS)
        )
        return [only_stance(PairWeight(*row), stance) for row in ordered[:limit]]
    counted = country_pair_counts(RelationFilters(date_from=date_from, date_to=date_to, kind=kind))
    out = []
    for (s, t), numbers in counted.items():
        if s == t or (country is not None and country not in (s, t)):
            continue
        pair = only_stance(PairWeight(s, t, *numbers), stance)
        if pair.n >= min_weight:
            out.append(pair)
    return sorted(out, key=lambda w: (-w.n, w.speaker_id, w.target_id))[:limit]


def _country_edges(
    rows: QuerySet[StatementTarget],
    *,
    actor: Actor | None,
    stance: str,
    min_weight: int,
    limit: int,
) -> list[PairWeight]:
    """The database does both steps: one row per statement and pair of countries with its
    stance (the lowest rank among the pair's targets), then the counts per pair."""
    inner = rows.annotate(sc=actor_country("statement__speaker__"), tc=actor_country("actor__"))
    inner = inner.filter(sc__isnull=False, tc__isnull=False).exclude(sc=F("tc"))
    if actor is not None:
        country = _country_of(actor)
        if country is None:
            return []
        inner = inner.filter(Q(sc=country) | Q(tc=country))
    grouped = inner.order_by().values("statement_id", "sc", "tc").annotate(r=Min(STANCE_RANK))
    sql, params = grouped.query.sql_with_params()
    where, extra = "", ()  # type: tuple[str, tuple[int, ...]]
    if stance:
        where, extra = "WHERE r = %s", (STANCE_RANKS.index(Stance(stance)),)
    counts = ", ".join(f"SUM(CASE WHEN r = {rank} THEN 1 ELSE 0 END)" for rank in range(3))
    query = (
        f"SELECT sc, tc, COUNT(*), {counts} FROM ({sql}) rolled {where} GROUP BY sc, tc "  # noqa: S608 - no user text: every value is a parameter
        "HAVING COUNT(*) >= %s ORDER BY 3 DESC, sc, tc LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, (*params, *extra, min_weight, limit))
        return [
            PairWeight(int(s), int(t), int(w), int(n or 0), int(p or 0), int(u or 0))
            for s, t, w, n, p, u in cursor.fetchall()
        ]


def graph_nodes(edges: Iterable[GraphEdge]) -> list[GraphNode]:
    """Every actor the edges touch, with the statements of those edges it made and that were
    about it, the busiest first (then by name)."""
    actors: dict[int, Actor] = {}
    said: dict[int, int] = defaultdict(int)
    about: dict[int, int] = defaultdict(int)
    for edge in edges:
        actors.setdefault(edge.speaker.pk, edge.speaker)
        actors.setdefault(edge.target.pk, edge.target)
        said[edge.speaker.pk] += edge.weight
        about[edge.target.pk] += edge.weight
    nodes = [GraphNode(actor=a, said=said[pk], about=about[pk]) for pk, a in actors.items()]
    return sorted(nodes, key=lambda n: (-n.statements, n.actor.name))
