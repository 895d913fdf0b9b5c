"""Reads on relations between countries: statements rolled up from their speakers and targets
to countries (entities.selectors.countries says which country an actor counts for), counted by
the speaker's stance, per pair of countries and per month; and the by-month, by-stance counts
of a pair of actors, which the "A on B" page draws with the same chart.

The unit is a statement and a pair of countries: a statement counts once for (its speaker's
country, a target's country), however many of its targets belong to that country. Its stance
toward that country is negative when it is negative toward any of them, else positive when it
is positive toward any, else neutral. Statements without a speaker, or whose speaker or target
counts for no country, are left out. A country's own people speaking about it count too (the
matrix's diagonal)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import overload

from django.db import connection
from django.db.models import (
    Count,
    Exists,
    F,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.functions import ExtractMonth, ExtractYear

from entities.models import (
    UNDATED_MONTH,
    Actor,
    CountryCueCounts,
    CountryPairCounts,
    CountryPairMonth,
    CountryPairMonthStances,
    CountrySpeakerCounts,
    PairMonth,
    Statement,
    StatementTarget,
)
from entities.selectors.countries import STANCE_RANK, STANCE_RANKS, actor_country, country_members
from entities.selectors.months import month_span
from entities.selectors.statements import StanceCounts, newest_first, statement_rows

__all__ = [
    "MATRIX_COUNTRIES",
    "CountryPair",
    "PairMonths",
    "RelationFilters",
    "RelationMatrix",
    "StanceMonth",
    "country_pair_counts",
    "months_filled",
    "relation_matrix",
    "relation_months",
    "relation_pair_cue_classes",
    "relation_pair_speakers",
    "relation_pair_statements",
    "relation_pairs",
    "statement_pair_months",
]

MATRIX_COUNTRIES = 25  # the matrix's rows and columns: the most active countries
Stance = StatementTarget.Stance


@dataclass(frozen=True)
class RelationFilters:
    """What the statements are narrowed to: publication dates (inclusive), publisher (part of
    its name, any case) and kind of statement."""

    date_from: date | None = None
    date_to: date | None = None
    publisher: str = ""
    kind: str = ""

    def on(self, rows: QuerySet, prefix: str = "") -> QuerySet:
        """rows (statements, or with prefix "statement__" their targets) narrowed."""
        if self.date_from:
            rows = rows.filter(**{f"{prefix}article__published_at__date__gte": self.date_from})
        if self.date_to:
            rows = rows.filter(**{f"{prefix}article__published_at__date__lte": self.date_to})
        if self.publisher:
            rows = rows.filter(**{f"{prefix}article__publisher__icontains": self.publisher})
        if self.kind:
            rows = rows.filter(**{f"{prefix}kind": self.kind})
        return rows


NO_FILTERS = RelationFilters()


@dataclass(frozen=True)
class StanceMonth:
    month: date  # its first day
    negative: int = 0
    positive: int = 0
    neutral: int = 0

    @property
    def total(self) -> int:
        return self.negative + self.positive + self.neutral


@dataclass
class CountryPair:
    speaker: Actor  # the country whose people spoke
    target: Actor  # the country they spoke about
    counts: StanceCounts
    months: list[StanceMonth] = field(default_factory=list)  # dated statements, when asked

    @property
    def net(self) -> float:
        """(positive - negative) / total: -1 all negative, +1 all positive."""
        total = self.counts.total
        return (self.counts.positive - self.counts.negative) / total if total else 0.0


def _targets(filters: RelationFilters) -> QuerySet[StatementTarget]:
    return filters.on(
        StatementTarget.objects.filter(statement__speaker__isnull=False), "statement__"
    )


def _rolled_up(rows: QuerySet[StatementTarget], *, by_month: bool) -> list[tuple]:
    """(speaker country id, target country id[, year, month], total, negative, positive,
    neutral) per pair (and month: None for undated articles). The database does both steps:
    one row per statement and pair of countries with its stance, then the counts per pair."""
    inner = rows.annotate(sc=actor_country("statement__speaker__"), tc=actor_country("actor__"))
    inner = inner.filter(sc__isnull=False, tc__isnull=False)
    keys = ["statement_id", "sc", "tc"]
    if by_month:
        published = "statement__article__published_at"
        inner = inner.annotate(y=ExtractYear(published), m=ExtractMonth(published))
        keys += ["y", "m"]
    grouped = inner.order_by().values(*keys).annotate(r=Min(STANCE_RANK))
    sql, params = grouped.query.sql_with_params()
    group = "sc, tc, y, m" if by_month else "sc, tc"
    counts = ", ".join(f"SUM(CASE WHEN r = {rank} THEN 1 ELSE 0 END)" for rank in range(3))
    query = f"SELECT {group}, COUNT(*), {counts} FROM ({sql}) rolled GROUP BY {group}"  # noqa: S608 - no user text: every value is a parameter
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


Counted = dict[tuple[int, int], dict[date | None, list[int]]]  # pair -> month -> 4 numbers


def _split(filters: RelationFilters) -> tuple[dict, list[RelationFilters]] | None:
    """How the filtered statements are counted: the whole months of the date range from the
    summary (CountryPairMonth lookups), the days of a month the range cuts from the statements
    themselves (filters narrowed to those days). None when the summary cannot answer at all (a
    publisher filter: it counts no publishers)."""
    if filters.publisher:
        return None
    span = month_span(filters.date_from, filters.date_to)
    return span.lookups, [replace(filters, date_from=a, date_to=b) for a, b in span.days]


def _counted(
    filters: RelationFilters,
    speakers: list[int] | None = None,
    targets: list[int] | None = None,
    *,
    by_month: bool,
    pairs: list[tuple[int, int]] | None = None,
) -> Counted:
    """(total, negative, positive, neutral) per pair of countries (speakers, targets: country
    ids, None for all) and, by_month, per month (None for undated articles; without by_month
    every row is under None). Whole months come from the summary, the rest from statements."""
    out: Counted = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    split = _split(filters)
    pieces = [filters] if split is None else split[1]
    if split is not None:
        rows: QuerySet
        if filters.kind:
            rows = CountryPairMonth.objects.filter(n__gt=0, kind=filters.kind, **split[0])
            # one row per pair (and month), its stances summed side by side
            stances = {
                f"s{i}": Sum("n", filter=Q(stance=st), default=0)
                for i, st in enumerate(STANCE_RANKS)
            }
        else:  # every kind: the months with their stances side by side already
            rows = CountryPairMonthStances.objects.filter(**split[0])
            stances = {f"s{i}": Sum(str(st)) for i, st in enumerate(STANCE_RANKS)}
        if speakers is not None:
            rows = rows.filter(speaker_id__in=speakers)
        if targets is not None:
            rows = rows.filter(target_id__in=targets)
        if pairs:  # only these (speakers x targets would read every pair between them)
            either = Q()
            for speaker, target in pairs:
                either |= Q(speaker_id=speaker, target_id=target)
            rows = rows.filter(either)
        keys = ["speaker_id", "target_id"] + (["month"] if by_month else [])
        for row in rows.order_by().values(*keys).annotate(**stances):
            month = row.get("month")
            numbers = out[(row["speaker_id"], row["target_id"])][
                None if month in (None, UNDATED_MONTH) else month
            ]
            for i in range(3):
                numbers[0] += row[f"s{i}"]
                numbers[1 + i] += row[f"s{i}"]
    for piece in pieces:
        raw = _targets(piece)
        if speakers is not None:
            raw = raw.filter(statement__speaker_id__in=_members(speakers))
        if targets is not None:
            raw = raw.filter(actor_id__in=_members(targets))
        for row in _rolled_up(raw, by_month=by_month):
            month = date(int(row[2]), int(row[3]), 1) if by_month and row[2] is not None else None
            numbers = out[(row[0], row[1])][month]
            for i, n in enumerate(row[-4:]):
                numbers[i] += int(n or 0)
    return out


def country_pair_counts(filters: RelationFilters) -> dict[tuple[int, int], list[int]]:
    """(total, negative, positive, neutral) per pair of countries (speaker's, target's), for
    any filters: whole months from the summaries, the rest from statements."""
    counted = _counted(filters, by_month=False)
    return {
        pair: [sum(numbers[i] for numbers in months.values()) for i in range(4)]
        for pair, months in counted.items()
    }


def _members(countries: list[int]) -> list[int]:
    """The actors that count for these countries."""
    members = Actor.objects.alias(counts_for=actor_country()).filter(counts_for__in=countries)
    return list(members.values_list("pk", flat=True))


def _stance_months(months: dict[date | None, list[int]]) -> list[StanceMonth]:
    return sorted(
        (StanceMonth(m, *n[1:]) for m, n in months.items() if m is not None),
        key=lambda p: p.month,
    )


def relation_pairs(
    *,
    filters: RelationFilters = NO_FILTERS,
    speaker_country: Actor | None = None,
    target_country: Actor | None = None,
    by_month: bool = False,
) -> list[CountryPair] | CountryPairList:
    """Every pair of countries with statements, counted by stance, the most statements first
    (then by the countries' names); with by_month, each with its dated months, oldest first.
    Without filters and months, a sequence that reads CountryPairCounts a page at a time."""
    if filters == NO_FILTERS and not by_month:
        rows = CountryPairCounts.objects.filter(n__gt=0)
        if speaker_country is not None:
            rows = rows.filter(speaker=speaker_country)
        if target_country is not None:
            rows = rows.filter(target=target_country)
        return CountryPairList(rows)
    counted = _counted(
        filters,
        [speaker_country.pk] if speaker_country is not None else None,
        [target_country.pk] if target_country is not None else None,
        by_month=by_month,
    )
    countries = Actor.objects.in_bulk({pk for pair in counted for pk in pair})
    pairs = []
    for (s, t), months in counted.items():
        n = [sum(numbers[i] for numbers in months.values()) for i in range(4)]
        if n[0] and s in countries and t in countries:
            pairs.append(
                CountryPair(
                    speaker=countries[s],
                    target=countries[t],
                    counts=StanceCounts(negative=n[1], positive=n[2], neutral=n[3]),
                    months=_stance_months(months) if by_month else [],
                )
            )
    return sorted(pairs, key=lambda p: (-p.counts.total, p.speaker.name, p.target.name))


class CountryPairList:
    """The pairs of countries of CountryPairCounts rows, the most statements first, read as
    they are asked for: a paginator counts them and reads its page, not every pair."""

    def __init__(self, rows: QuerySet[CountryPairCounts]) -> None:
        self.rows = rows.select_related("speaker", "target").order_by(
            "-n", "speaker__name", "target__name"
        )

    def count(self) -> int:
        return self.rows.count()

    def __len__(self) -> int:
        return self.count()

    @overload
    def __getitem__(self, index: int) -> CountryPair: ...

    @overload
    def __getitem__(self, index: slice) -> list[CountryPair]: ...

    def __getitem__(self, index: int | slice) -> CountryPair | list[CountryPair]:
        if isinstance(index, slice):
            return [_pair(row) for row in self.rows[index]]
        return _pair(self.rows[index])

    def __iter__(self) -> Iterator[CountryPair]:
        return (_pair(row) for row in self.rows.iterator())


def _pair(row: CountryPairCounts) -> CountryPair:
    counts = StanceCounts(negative=row.negative, positive=row.positive, neutral=row.neutral)
    return CountryPair(speaker=row.speaker, target=row.target, counts=counts)


def relation_months(
    *, pairs: list[CountryPair], filters: RelationFilters = NO_FILTERS
) -> list[CountryPair]:
    """The given pairs (a page of relation_pairs) with their months filled in: one query over
    the months of their countries only, not over every pair."""
    if not pairs:
        return pairs
    counted = _counted(
        filters,
        sorted({p.speaker.pk for p in pairs}),
        sorted({p.target.pk for p in pairs}),
        by_month=True,
        pairs=[(p.speaker.pk, p.target.pk) for p in pairs],
    )
    for pair in pairs:
        pair.months = _stance_months(counted.get((pair.speaker.pk, pair.target.pk), {}))
    return pairs


@dataclass
class RelationMatrix:
    countries: list[Actor]  # rows and columns, the most active first
    cells: dict[tuple[int, int], CountryPair]  # (speaker id, target id) -> pair
    total_countries: int  # countries with any statement, shown or not
    pairs: int  # pairs of countries with statements, shown or not

    def rows(self) -> list[tuple[Actor, list[tuple[Actor, CountryPair | None]]]]:
        return [
            (s, [(t, self.cells.get((s.pk, t.pk))) for t in self.countries]) for s in self.countries
        ]


def relation_matrix(
    *, filters: RelationFilters = NO_FILTERS, limit: int = MATRIX_COUNTRIES
) -> RelationMatrix:
    """The country-by-country matrix: the `limit` most active countries (statements their
    people made or that were about them), most active first."""
    if filters == NO_FILTERS:
        return _matrix_counted(limit)
    pairs = relation_pairs(filters=filters)
    activity: dict[int, int] = defaultdict(int)
    countries: dict[int, Actor] = {}
    for pair in pairs:
        for country in {pair.speaker.pk: pair.speaker, pair.target.pk: pair.target}.values():
            activity[country.pk] += pair.counts.total
            countries[country.pk] = country
    chosen = sorted(countries.values(), key=lambda c: (-activity[c.pk], c.name))[:limit]
    shown = {c.pk for c in chosen}
    cells = {
        (p.speaker.pk, p.target.pk): p
        for p in pairs
        if p.speaker.pk in shown and p.target.pk in shown
    }
    return RelationMatrix(
        countries=chosen, cells=cells, total_countries=len(countries), pairs=len(pairs)
    )


def _matrix_counted(limit: int) -> RelationMatrix:
    """relation_matrix without filters, from CountryPairCounts: the countries' activity summed
    in the database (a pair counts once for each of its two countries), then only the cells of
    the chosen countries read."""
    rows = CountryPairCounts.objects.filter(n__gt=0)
    spoke = rows.values_list("speaker_id", "n")
    spoken_of = rows.exclude(target_id=F("speaker_id")).values_list("target_id", "n")
    activity: dict[int, int] = defaultdict(int)
    for part in (spoke, spoken_of):
        for pk, n in (
            part.order_by().values_list(part.query.values_select[0]).annotate(total=Sum("n"))
        ):
            activity[pk] += n
    countries = Actor.objects.in_bulk(list(activity))
    ranked = sorted(countries.values(), key=lambda c: (-activity[c.pk], c.name))
    chosen = ranked[:limit]
    ids = [c.pk for c in chosen]
    cells = {
        (p.speaker.pk, p.target.pk): p
        for p in CountryPairList(rows.filter(speaker_id__in=ids, target_id__in=ids))
    }
    return RelationMatrix(
        countries=chosen, cells=cells, total_countries=len(countries), pairs=rows.count()
    )


def _said(of_a: list[int], of_b: list[int], *, probe: bool = False) -> Q:
    """Statements whose speaker is one of the actors `of_a` and that are about one of `of_b`
    (the members of two countries). The speaker index narrows them, on each side of an OR.
    With probe, each statement is tested instead (EXISTS on its speaker and its targets): for
    a few thousand statements already narrowed (selectors.windows), where the speaker index
    made PostgreSQL read every statement of the country's people first (260 ms)."""
    if probe:
        speaker = Actor.objects.filter(pk=OuterRef("speaker_id"), pk__in=of_a)
        about = StatementTarget.objects.filter(statement_id=OuterRef("pk"), actor_id__in=of_b)
        return Q(Exists(speaker)) & Q(Exists(about))
    about_b = StatementTarget.objects.filter(actor_id__in=of_b).values("statement_id")
    return Q(speaker_id__in=of_a, pk__in=about_b)


def _direction(a: Actor, b: Actor, filters: RelationFilters) -> QuerySet[Statement]:
    """Statements whose speaker counts for country A and that are about someone of B."""
    said = _said(country_members(country=a), country_members(country=b))
    return filters.on(Statement.objects.filter(said))


def relation_pair_statements(
    *, a: Actor, b: Actor, filters: RelationFilters = NO_FILTERS, probe: bool = False
) -> QuerySet[Statement]:
    """What A's people said about B and B's about A, newest first, with what a listing shows
    and `speaker_country_id`, the country the speaker counts for. probe: see _said."""
    of_a, of_b = country_members(country=a), country_members(country=b)
    # one OR of two (speaker, target) conditions: an OR of two subqueries on the statements
    # made PostgreSQL read all of them (300,000 for 9,500, 0.5 s)
    either = _said(of_a, of_b, probe=probe)
    if a.pk != b.pk:
        either |= _said(of_b, of_a, probe=probe)
    rows = filters.on(statement_rows().filter(either))
    return newest_first(rows.annotate(speaker_country_id=actor_country("speaker__")))


def relation_pair_speakers(
    *, speaker_country: Actor, target_country: Actor, filters: RelationFilters = NO_FILTERS,
    limit: int = 10,
) -> list[tuple[Actor, int]]:  # fmt: skip
    """Who of the first country spoke most about the second, with their statement counts
    (from CountrySpeakerCounts without filters)."""
    if filters == NO_FILTERS:
        counted = list(
            CountrySpeakerCounts.objects.filter(
                speaker_country=speaker_country, target=target_country, n__gt=0
            )
            .order_by("-n", "speaker_id")
            .values_list("speaker_id", "n")[:limit]
        )
    else:
        counted = list(
            _direction(speaker_country, target_country, filters)
            .order_by()
            .values_list("speaker_id")
            .annotate(n=Count("pk"))
            .order_by("-n", "speaker_id")[:limit]
        )
    actors = Actor.objects.in_bulk([pk for pk, _ in counted])
    return [(actors[pk].survivor(), n) for pk, n in counted if pk in actors]


def relation_pair_cue_classes(
    *, speaker_country: Actor, target_country: Actor, filters: RelationFilters = NO_FILTERS
) -> list[tuple[str, int]]:
    """The verb classes (say, warn, accuse...) of the first country's statements about the
    second, most used first (from CountryCueCounts without filters)."""
    rows: Iterable[tuple[str, int]]
    if filters == NO_FILTERS:
        rows = (
            CountryCueCounts.objects.filter(speaker=speaker_country, target=target_country, n__gt=0)
            .order_by("-n", "cue_class")
            .values_list("cue_class", "n")
        )
    else:
        rows = (
            _direction(speaker_country, target_country, filters)
            .order_by()
            .values_list("cue_class")
            .annotate(n=Count("pk"))
            .order_by("-n", "cue_class")
        )
    return [(cue_class or "other", n) for cue_class, n in rows]


@dataclass(frozen=True)
class PairMonths:
    counts: StanceCounts  # every statement, dated or not
    months: list[StanceMonth]  # the dated ones per month, oldest first


def statement_pair_months(*, a: Actor, b: Actor) -> tuple[PairMonths, PairMonths]:
    """What actor A said about B and B about A: counted by stance, and per publication month
    and stance (undated articles only in the counts). One query, on PairMonth."""
    rows = (
        PairMonth.objects.filter(Q(speaker=a, target=b) | Q(speaker=b, target=a), n__gt=0)
        .order_by()
        .values_list("speaker_id", "month", "stance")
        .annotate(total=Sum("n"))
    )
    totals: dict[int, dict[str, int]] = {a.pk: {}, b.pk: {}}
    months: dict[int, dict[date, dict[str, int]]] = {a.pk: {}, b.pk: {}}
    for speaker, month, stance, n in rows:
        totals[speaker][stance] = totals[speaker].get(stance, 0) + n
        if month != UNDATED_MONTH:
            months[speaker].setdefault(month, {})[stance] = n
    first, second = (
        PairMonths(
            counts=StanceCounts(**totals[pk]),
            months=sorted((StanceMonth(m, **c) for m, c in months[pk].items()),
                          key=lambda p: p.month),
        )
        for pk in (a.pk, b.pk)
    )  # fmt: skip
    return first, second


def months_filled(*series: Iterable[StanceMonth]) -> list[list[StanceMonth]]:
    """Each series over the same months, from the first to the last month any of them has,
    empty months included: charts of two directions side by side share their axis."""
    given = [{p.month: p for p in points} for points in series]
    every = [m for points in given for m in points]
    if not every:
        return [[] for _ in given]
    month, last = min(every), max(every)
    months = []
    while month <= last:
        months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return [[points.get(m, StanceMonth(m)) for m in months] for points in given]
