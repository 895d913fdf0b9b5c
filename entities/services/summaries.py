"""The summaries (entities.models ActorCounts, ActorMonth, PairCounts, PairMonth,
CountryPairCounts, CountryPairMonth(Stances), CountrySpeakerCounts, CountryCueCounts) kept in step
with the statements, targets and mentions they count.

Every write that changes what they count runs inside `summaries_kept(article_ids)`: the
articles' contribution to each summary is computed before the write and after it, and the
difference is added to the summary rows (an upsert that adds, so writers of other articles
never wait for each other). Contributions are computed per article, which is the unit every
write has: extraction stores one article, an editor's change touches one statement, a merge or
a change of country touches the articles naming the actors (`articles_naming`).

`summaries_rebuild()` recomputes every summary from the rows (the migration that made them
runs it; `manage.py summaries_rebuild` runs it after a bulk load, a restore or a change of
TIME_ZONE, which moves statements between months), and `summaries_differences()` says where
the summaries and the rows disagree."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from django.db import connection, models, transaction
from django.db.models import Count, DateField, F, Min, Q, QuerySet
from django.db.models.functions import TruncMonth

from entities.models import (
    UNDATED_MONTH,
    Actor,
    ActorCounts,
    ActorMonth,
    CountryCueCounts,
    CountryPairCounts,
    CountryPairMonth,
    CountryPairMonthStances,
    CountrySpeakerCounts,
    Mention,
    PairCounts,
    PairMonth,
    Statement,
    StatementTarget,
)
from entities.selectors.countries import STANCE_RANK, STANCE_RANKS, actor_country

__all__ = [
    "SUMMARIES",
    "Before",
    "articles_naming",
    "keeps_summaries",
    "summaries_after",
    "summaries_before",
    "summaries_differences",
    "summaries_kept",
    "summaries_rebuild",
    "summaries_uncovered",
]

Key = tuple
Values = list[int]
Contribution = dict[Key, Values]
Stance = StatementTarget.Stance
ARTICLE_BATCH = 2000  # article ids per query (SQLite's limit on parameters)
ROW_BATCH = 500  # rows per upsert


@dataclass(frozen=True)
class Summary:
    model: type[models.Model]
    keys: tuple[str, ...]  # columns
    values: tuple[str, ...]  # counted columns, added to
    drop_empty: bool = True  # a row whose counts all fell to zero goes

    @property
    def table(self) -> str:
        return self.model._meta.db_table


SUMMARIES = {
    "actor_counts": Summary(ActorCounts, ("actor_id",), ("said", "about", "mentions"), False),
    "actor_month": Summary(ActorMonth, ("actor_id", "month"), ("said", "about")),
    "pair_counts": Summary(
        PairCounts, ("speaker_id", "target_id"), ("n", "negative", "positive", "neutral")
    ),
    "pair_month": Summary(
        PairMonth, ("speaker_id", "target_id", "month", "kind", "stance"), ("n",)
    ),
    "country_pair_counts": Summary(
        CountryPairCounts, ("speaker_id", "target_id"), ("n", "negative", "positive", "neutral")
    ),
    "country_speakers": Summary(
        CountrySpeakerCounts, ("speaker_country_id", "target_id", "speaker_id"), ("n",)
    ),
    "country_cues": Summary(CountryCueCounts, ("speaker_id", "target_id", "cue_class"), ("n",)),
    "country_pair_month_stances": Summary(
        CountryPairMonthStances,
        ("speaker_id", "target_id", "month"),
        ("negative", "positive", "neutral"),
    ),
    "country_pair_month": Summary(
        CountryPairMonth, ("speaker_id", "target_id", "month", "kind", "stance"), ("n",)
    ),
}


def _month(field: str) -> TruncMonth:
    return TruncMonth(field, output_field=DateField())


def _as_month(value: date | datetime | None) -> date:
    if value is None:
        return UNDATED_MONTH
    return value.date() if isinstance(value, datetime) else value


def _of(rows: QuerySet, article_ids: Sequence[int] | None, field: str) -> QuerySet:
    return rows if article_ids is None else rows.filter(**{f"{field}__in": article_ids})


def _contributions(article_ids: Sequence[int] | None) -> dict[str, Contribution]:
    """What the statements, targets and mentions of these articles (None: of all) add to each
    summary."""
    out: dict[str, Contribution] = {name: defaultdict(_zeros(s)) for name, s in SUMMARIES.items()}
    counts, months = out["actor_counts"], out["actor_month"]
    said = _of(Statement.objects.filter(speaker__isnull=False), article_ids, "article_id")
    for actor, month, n in (
        said.annotate(m=_month("article__published_at"))
        .order_by()
        .values_list("speaker_id", "m")
        .annotate(n=Count("*"))
    ):
        counts[(actor,)][0] += n
        months[(actor, _as_month(month))][0] += n
    about = _of(StatementTarget.objects.all(), article_ids, "statement__article_id")
    for actor, month, n in (
        about.annotate(m=_month("statement__article__published_at"))
        .order_by()
        .values_list("actor_id", "m")
        .annotate(n=Count("*"))
    ):
        counts[(actor,)][1] += n
        months[(actor, _as_month(month))][1] += n
    mentions = _of(Mention.objects.all(), article_ids, "article_id")
    for actor, n in mentions.order_by().values_list("actor_id").annotate(n=Count("*")):
        counts[(actor,)][2] += n
    _pairs(out, article_ids)
    _countries(out, article_ids)
    return out


def _zeros(summary: Summary):
    width = len(summary.values)
    return lambda: [0] * width


def _pairs(out: dict[str, Contribution], article_ids: Sequence[int] | None) -> None:
    rows = _of(
        StatementTarget.objects.filter(statement__speaker__isnull=False).exclude(
            actor_id=F("statement__speaker_id")
        ),
        article_ids,
        "statement__article_id",
    )
    totals, months = out["pair_counts"], out["pair_month"]
    for speaker, target, month, kind, stance, n in (
        rows.annotate(m=_month("statement__article__published_at"))
        .order_by()
        .values_list("statement__speaker_id", "actor_id", "m", "statement__kind", "stance")
        .annotate(n=Count("*"))
    ):
        months[(speaker, target, _as_month(month), kind, stance)][0] += n
        total = totals[(speaker, target)]
        total[0] += n
        total[1 + (STANCE_RANKS.index(stance) if stance in STANCE_RANKS else 2)] += n


def _countries(out: dict[str, Contribution], article_ids: Sequence[int] | None) -> None:
    """One row per statement and pair of countries (the speaker's, a target's) with the most
    hostile of its stances toward that country's actors, counted per month and kind."""
    rows = _of(
        StatementTarget.objects.filter(statement__speaker__isnull=False),
        article_ids,
        "statement__article_id",
    )
    per_statement = (
        rows.annotate(
            sc=actor_country("statement__speaker__"),
            tc=actor_country("actor__"),
            m=_month("statement__article__published_at"),
            k=F("statement__kind"),
            sp=F("statement__speaker_id"),
            cc=F("statement__cue_class"),
        )
        .filter(sc__isnull=False, tc__isnull=False)
        .order_by()
        .values("statement_id", "sc", "tc", "m", "k", "sp", "cc")
        .annotate(r=Min(STANCE_RANK))
    )
    sql, params = per_statement.query.sql_with_params()
    query = (
        "SELECT sc, tc, m, k, r, sp, cc, COUNT(*) "  # noqa: S608 - every value is a parameter
        f"FROM ({sql}) rolled GROUP BY sc, tc, m, k, r, sp, cc"
    )
    months, totals = out["country_pair_month"], out["country_pair_counts"]
    speakers, cues = out["country_speakers"], out["country_cues"]
    stances = out["country_pair_month_stances"]
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        for sc, tc, month, kind, rank, speaker, cue_class, n in cursor.fetchall():
            month = _as_month(_date(month))
            months[(sc, tc, month, kind, STANCE_RANKS[int(rank)])][0] += n
            stances[(sc, tc, month)][int(rank)] += n
            total = totals[(sc, tc)]
            total[0] += n
            total[1 + int(rank)] += n
            speakers[(sc, tc, speaker)][0] += n
            cues[(sc, tc, cue_class)][0] += n


def _date(value: object) -> date | datetime | None:
    """A month as the database gave it through raw SQL (SQLite gives text)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _contributions_of(article_ids: Sequence[int]) -> dict[str, Contribution]:
    total: dict[str, Contribution] = {name: defaultdict(_zeros(s)) for name, s in SUMMARIES.items()}
    for start in range(0, len(article_ids), ARTICLE_BATCH):
        part = _contributions(article_ids[start : start + ARTICLE_BATCH])
        for name, rows in part.items():
            for key, values in rows.items():
                into = total[name][key]
                for i, v in enumerate(values):
                    into[i] += v
    return total


def _difference(before: dict[str, Contribution], after: dict[str, Contribution]) -> dict:
    delta: dict[str, Contribution] = {}
    for name, summary in SUMMARIES.items():
        zeros = [0] * len(summary.values)
        rows: Contribution = {}
        for key in before[name].keys() | after[name].keys():
            old, new = before[name].get(key, zeros), after[name].get(key, zeros)
            change = [b - a for a, b in zip(old, new, strict=True)]
            if any(change):
                rows[key] = change
        delta[name] = rows
    return delta


def _add(summary: Summary, rows: Contribution) -> None:
    """Add `rows` to the summary: new keys inserted, known ones added to; then the rows of the
    keys that lost counts and have none left go."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(summary.table)
    columns = [*summary.keys, *summary.values]
    added = ", ".join(
        f"{quote(v)} = {table}.{quote(v)} + excluded.{quote(v)}" for v in summary.values
    )
    items = list(rows.items())
    with connection.cursor() as cursor:
        for start in range(0, len(items), ROW_BATCH):
            part = items[start : start + ROW_BATCH]
            placeholders = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(part))
            params = [p for key, values in part for p in (*key, *values)]
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(map(quote, columns))}) VALUES {placeholders} "  # noqa: S608 - names from the models, values are parameters
                f"ON CONFLICT ({', '.join(map(quote, summary.keys))}) DO UPDATE SET {added}",
                params,
            )
        if summary.drop_empty:
            lost = sorted({key[0] for key, values in rows.items() if min(values) < 0})
            empty = " AND ".join(f"{quote(v)} <= 0" for v in summary.values)
            first = quote(summary.keys[0])
            for start in range(0, len(lost), ARTICLE_BATCH):
                part = lost[start : start + ARTICLE_BATCH]
                cursor.execute(
                    f"DELETE FROM {table} WHERE {first} IN ({', '.join(['%s'] * len(part))}) "  # noqa: S608 - as above
                    f"AND {empty}",
                    part,
                )


# the articles whose changes an enclosing summaries_kept already counts
_covered: ContextVar[frozenset[int]] = ContextVar("summaries_covered", default=frozenset())


@contextmanager
def summaries_kept(article_ids: Iterable[int]) -> Iterator[None]:
    """Keep the summaries in step with a write to these articles' statements, targets and
    mentions (or to what they are counted by: their dates, their actors' countries) done in the
    `with` block. Call it inside the write's transaction, with every article the write may
    change; an article deleted in the block takes its counts with it. Inside another
    summaries_kept, only the articles the outer one does not cover are counted here."""
    covered = _covered.get()
    ids = sorted(set(article_ids) - covered)
    if not ids:
        yield
        return
    token = _covered.set(covered | frozenset(ids))
    try:
        with transaction.atomic():
            before = summaries_before(ids)
            yield
            summaries_after(before)
    finally:
        _covered.reset(token)


@dataclass(frozen=True)
class Before:
    """What some articles contributed before a write: summaries_after adds the change."""

    article_ids: list[int]
    counts: dict[str, Contribution]


def summaries_uncovered(article_ids: Iterable[int]) -> list[int]:
    """The articles no enclosing summaries_kept counts already."""
    return sorted(set(article_ids) - _covered.get())


def summaries_before(article_ids: Sequence[int]) -> Before:
    """The first half of summaries_kept, for a write that cannot be wrapped in a `with` block
    (entities.summary_signals: a row saved outside the services)."""
    return Before(list(article_ids), _contributions_of(article_ids))


def summaries_after(before: Before) -> None:
    """The second half: the change since `before` added to the summaries."""
    after = _contributions_of(before.article_ids)
    for name, rows in _difference(before.counts, after).items():
        _add(SUMMARIES[name], rows)


P = ParamSpec("P")
R = TypeVar("R")


def keeps_summaries(
    articles: Callable[..., Iterable[int]],
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """A service that writes runs inside summaries_kept(articles(**its keyword arguments)).
    Put it under @transaction.atomic, so that the counts change with the write or not at all."""

    def decorate(service: Callable[P, R]) -> Callable[P, R]:
        @wraps(service)
        def kept(*args: P.args, **kwargs: P.kwargs) -> R:
            with summaries_kept(articles(*args, **kwargs)):
                return service(*args, **kwargs)

        return kept

    return decorate


def of_statement(*_: Any, statement: Any, **__: Any) -> list[int]:
    """keeps_summaries' articles for a service given a `statement`."""
    return [statement.article_id]


def of_article(*_: Any, article: Any, **__: Any) -> list[int]:
    """keeps_summaries' articles for a service given an `article`."""
    return [article.pk]


def articles_naming(actors: Iterable[Actor | int], *, members: bool = False) -> list[int]:
    """The ids of the articles where these actors speak, are spoken about or are mentioned; with
    members, also those of the actors that count for them as their country or that were merged
    into them (whose country rolls up through them)."""
    ids = {a.pk if isinstance(a, Actor) else a for a in actors}
    if members:
        ids |= set(
            Actor.objects.filter(Q(country_id__in=ids) | Q(merged_into_id__in=ids)).values_list(
                "pk", flat=True
            )
        )
    ids_list = sorted(ids)
    found: set[int] = set()
    for start in range(0, len(ids_list), ARTICLE_BATCH):
        part = ids_list[start : start + ARTICLE_BATCH]
        found.update(
            Statement.objects.filter(speaker_id__in=part).values_list("article_id", flat=True)
        )
        found.update(
            StatementTarget.objects.filter(actor_id__in=part).values_list(
                "statement__article_id", flat=True
            )
        )
        found.update(Mention.objects.filter(actor_id__in=part).values_list("article_id", flat=True))
    return sorted(found)


@transaction.atomic
def summaries_rebuild() -> dict[str, int]:
    """Every summary recomputed from the statements, targets and mentions; returns the number
    of rows of each."""
    fresh = _contributions(None)
    made = {}
    for name, summary in SUMMARIES.items():
        summary.model._default_manager.all().delete()
        rows = {k: v for k, v in fresh[name].items() if any(v) or not summary.drop_empty}
        _add(summary, rows)
        made[name] = len(rows)
    return made


def summaries_differences() -> dict[str, int]:
    """How many keys of each summary disagree with the rows they count (0 everywhere when they
    are in step)."""
    fresh = _contributions(None)
    out = {}
    for name, summary in SUMMARIES.items():
        width = len(summary.keys)
        month = summary.keys.index("month") if "month" in summary.keys else -1
        stored: Contribution = {}
        for row in summary.model._default_manager.values_list(*summary.keys, *summary.values):
            key = [_as_month(v) if i == month else v for i, v in enumerate(row[:width])]
            stored[tuple(key)] = list(row[width:])
        zeros = [0] * len(summary.values)
        keys = {k for rows in (fresh[name], stored) for k, v in rows.items() if any(v)}
        out[name] = sum(1 for k in keys if fresh[name].get(k, zeros) != stored.get(k, zeros))
    return out
