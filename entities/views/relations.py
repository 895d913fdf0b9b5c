"""Relations between countries: the country-by-country matrix and a pair of countries on each
other (both directions: by month and stance, speakers, verb classes, every statement)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from entities import selectors
from entities.forms import RelationForm
from entities.models import Actor, Statement
from entities.views.charts import stance_month_bars
from entities.views.common import PAGE_SIZE, read_access, without_page

# the chart's latest months, as on the actor page
CHART_MONTHS = 240
SPEAKERS_SHOWN = 10
MATRIX_LIMIT = selectors.MATRIX_COUNTRIES  # rows and columns of the matrix

# net stance ((positive - negative) / total) in five bands: the cell's class and its words
NET_BANDS = [
    (-0.5, "net-neg2", "mostly negative"),
    (-0.15, "net-neg1", "leaning negative"),
    (0.15, "net-even", "neutral or balanced"),
    (0.5, "net-pos1", "leaning positive"),
    (1.0, "net-pos2", "mostly positive"),
]


def net_band(net: float) -> tuple[str, str]:
    """The shading class and the words for a net stance from -1 to 1."""
    for bound, css, words in NET_BANDS:
        if net <= bound:
            return css, words
    return NET_BANDS[-1][1], NET_BANDS[-1][2]


@dataclass
class Cell:
    pair: selectors.CountryPair
    css: str
    words: str
    url: str

    @property
    def label(self) -> str:
        """What a cell says to a hover and to a screen reader: built here once, where the
        template's two dozen lookups per cell took most of the matrix's 0.4 s."""
        counts = self.pair.counts
        plural = "" if counts.total == 1 else "s"
        return (
            f"{self.pair.speaker.name} on {self.pair.target.name}: {counts.total} statement"
            f"{plural}: {counts.negative} negative, {counts.positive} positive, "
            f"{counts.neutral} neutral ({self.words})"
        )


def _form(request: HttpRequest) -> tuple[RelationForm, selectors.RelationFilters | None]:
    form = RelationForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, None
    return form, form.filters()


def _pair_url(a: Actor, b: Actor, querystring: str) -> str:
    url = reverse("entities:relation_pair", args=[a.slug, b.slug])
    return f"{url}?{querystring}" if querystring else url


@read_access
def relation_matrix(request: HttpRequest) -> HttpResponse:
    """Templates: entities/relations.html. Context: form, matrix (None when a filter is
    wrong), rows (speaker, [(target, Cell or None)]), bands (the legend), limit."""
    form, filters = _form(request)
    matrix, rows = None, []
    querystring = without_page(request)
    if filters is not None:
        matrix = selectors.relation_matrix(filters=filters, limit=MATRIX_LIMIT)
        for speaker, cells in matrix.rows():
            row = []
            for target, pair in cells:
                cell = None
                if pair is not None:
                    css, words = net_band(pair.net)
                    cell = Cell(pair, css, words, _pair_url(speaker, target, querystring))
                row.append((target, cell))
            rows.append((speaker, row))
    context = {
        "form": form,
        "matrix": matrix,
        "rows": rows,
        "bands": [(css, words) for _, css, words in NET_BANDS],
        "limit": MATRIX_LIMIT,
        "filtered": bool(request.GET),
    }
    return render(request, "entities/relations.html", context)


def _country(slug: str) -> Actor:
    actor = selectors.actor_get(slug=slug)
    if actor is not None and actor.merged_into_id:
        actor = actor.survivor()
    if actor is None or actor.rejected or actor.kind != Actor.Kind.COUNTRY:
        raise Http404("No such country.")
    return actor


@dataclass
class Direction:
    speaker: Actor
    target: Actor
    counts: selectors.StanceCounts
    chart: dict
    speakers: list[tuple[Actor, int]]
    cue_classes: list[tuple[str, int]]
    search_url: str


def _pair(a: Actor, b: Actor, filters: selectors.RelationFilters) -> selectors.CountryPair:
    pairs = selectors.relation_pairs(
        filters=filters, speaker_country=a, target_country=b, by_month=True
    )
    found = next((p for p in pairs if p.speaker == a and p.target == b), None)
    return found or selectors.CountryPair(speaker=a, target=b, counts=selectors.StanceCounts())


def _direction(
    pair: selectors.CountryPair, filters: selectors.RelationFilters, months: list
) -> Direction:
    a, b = pair.speaker, pair.target
    search = {"speaker_country": a.slug, "target_country": b.slug}
    for name in ("date_from", "date_to"):
        if getattr(filters, name):
            search[name] = getattr(filters, name).isoformat()
    for name in ("publisher", "kind"):
        if getattr(filters, name):
            search[name] = getattr(filters, name)
    return Direction(
        speaker=a,
        target=b,
        counts=pair.counts,
        chart=stance_month_bars(months[-CHART_MONTHS:]),
        speakers=selectors.relation_pair_speakers(
            speaker_country=a, target_country=b, filters=filters, limit=SPEAKERS_SHOWN
        ),
        cue_classes=selectors.relation_pair_cue_classes(
            speaker_country=a, target_country=b, filters=filters
        ),
        search_url=f"{reverse('entities:statement_search')}?{urlencode(search)}",
    )


@read_access
def relation_pair(request: HttpRequest, a: str, b: str) -> HttpResponse:
    """Two countries on each other: for each direction the statements by month and stance,
    the most active speakers and the verb classes; then every statement of both, newest first.
    Templates: entities/relation_pair.html. Context: a, b, form, directions, page."""
    first, second = _country(a), _country(b)
    if (first.slug, second.slug) != (a, b):
        url = reverse("entities:relation_pair", args=[first.slug, second.slug])
        query = request.GET.urlencode()
        return redirect(f"{url}?{query}" if query else url, permanent=True)
    form, filters = _form(request)
    directions, page = [], None
    if filters is not None:
        sides = [(first, second)] if first == second else [(first, second), (second, first)]
        pairs = [_pair(x, y, filters) for x, y in sides]
        months = selectors.months_filled(*(p.months for p in pairs))  # one axis for both
        directions = [_direction(p, filters, m) for p, m in zip(pairs, months, strict=True)]
        statements: selectors.WindowedStatements | QuerySet[Statement]
        if filters == selectors.RelationFilters():  # the summaries count them and say where
            statements = selectors.country_pair_newest(a=first, b=second)
        else:
            statements = selectors.with_sentences(
                selectors.relation_pair_statements(a=first, b=second, filters=filters)
            )
        page = Paginator(statements, PAGE_SIZE).get_page(request.GET.get("page"))
        countries = {first.pk: first, second.pk: second}
        for statement in page.object_list:
            statement.side = countries.get(statement.speaker_country_id)
    context = {
        "a": first,
        "b": second,
        "form": form,
        "directions": directions,
        "page": page,
        "querystring": without_page(request),
        "fragment": "statements",
    }
    return render(request, "entities/relation_pair.html", context)
