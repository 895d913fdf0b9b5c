"""The actor list, the actor page (with its editors' forms) and the "A on B" page."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from entities import selectors
from entities.forms import (
    ActorAliasForm,
    ActorMergeForm,
    ActorRejectForm,
    ActorRenameForm,
    ActorUpdateForm,
)
from entities.models import Actor
from entities.selectors.actors import ACTOR_ORDERINGS
from entities.views.charts import stance_month_bars, timeline_bars
from entities.views.common import PAGE_SIZE, read_access, without_page

# On an actor page, per column: the newest few, then a link to the statement search filtered by
# the actor (a busy actor has hundreds); the heading gives the full count.
STATEMENTS_SHOWN = 10
PAIR_SHOWN = 50  # the newest; the page links to all of them in the statement search
# the chart's latest months: an article dated in year 1 drew 24,000 bars (6 MB, seconds)
TIMELINE_MONTHS = 240
MEMBERS_SHOWN = 20  # on a country's page: its most mentioned people and organisations
CURATION_FORMS: dict[str, type[Form]] = {
    "merge": ActorMergeForm,
    "rename": ActorRenameForm,
    "alias": ActorAliasForm,
    "update": ActorUpdateForm,
    "reject": ActorRejectForm,
}


@read_access
def actor_list(request: HttpRequest) -> HttpResponse:
    """Templates: entities/actor_list.html. Context: page, query, kind, kinds, ordering."""
    query = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    if kind not in Actor.Kind.values:
        kind = ""
    ordering = request.GET.get("order", "mentions")
    if ordering not in ACTOR_ORDERINGS:
        ordering = "mentions"
    slug = request.GET.get("country", "").strip()
    country = selectors.actor_get(slug=slug) if slug else None
    if country is not None and country.merged_into_id:
        country = country.merged_into  # its people moved to the survivor with the merge
    if country is not None and (country.kind != Actor.Kind.COUNTRY or country.rejected):
        country = None
    actors = selectors.actor_list(query=query, kind=kind, country=country, ordering=ordering)
    page = Paginator(actors, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "query": query,
        "kind": kind,
        "kinds": Actor.Kind,
        "ordering": ordering,
        "country": country,
        "orderings": [
            ("mentions", "most mentioned"),
            ("statements_by", "most quoted"),
            ("statements_about", "most discussed"),
            ("name", "name"),
        ],
        "querystring": without_page(request),
    }
    return render(request, "entities/actor_list.html", context)


def live_actor(slug: str) -> Actor:
    actor = selectors.actor_get(slug=slug)
    if actor is None:
        raise Http404("No such actor.")
    return actor


def shown_actor(slug: str) -> Actor:
    """An actor whose pages can be read: a rejected one is not an actor (the API answers 404
    too), nor is a merged one whose survivor was rejected."""
    actor = live_actor(slug)
    if actor.rejected or (actor.merged_into is not None and actor.merged_into.rejected):
        raise Http404("No such actor.")
    return actor


def _search_url(**filters: str) -> str:
    """The statement search filtered by an actor (?speaker=<slug> or ?target=<slug>)."""
    return f"{reverse('entities:statement_search')}?{urlencode(filters)}"


def actor_context(
    request: HttpRequest, actor: Actor, *, bound: dict[str, Form] | None = None
) -> dict[str, Any]:
    """What the actor page shows; curation views re-render it with the form that failed."""
    said = selectors.actor_said_newest(actor=actor)
    about = selectors.actor_about_newest(actor=actor)
    counts = selectors.actor_counts(actor=actor)
    context: dict[str, Any] = {
        "actor": actor,
        "aliases": selectors.actor_aliases(actor=actor),
        "said": said[:STATEMENTS_SHOWN],
        "about": about[:STATEMENTS_SHOWN],
        "said_count": counts.said,
        "about_count": counts.about,
        "said_search": _search_url(speaker=actor.slug),
        "about_search": _search_url(target=actor.slug),
        "top_targets": selectors.actor_top_targets(actor=actor),
        "top_speakers": selectors.actor_top_speakers(actor=actor),
        "comentioned": selectors.actor_comentioned(actor=actor),
        # counted in its latest articles only: say so when it has more (mentions >= articles)
        "comentioned_within": selectors.COMENTIONED_ARTICLES
        if counts.mentions > selectors.COMENTIONED_ARTICLES
        else None,
        "chart": timeline_bars(selectors.actor_timeline(actor=actor)[-TIMELINE_MONTHS:]),
        "members": list(selectors.actor_list(country=actor)[:MEMBERS_SHOWN])
        if actor.kind == Actor.Kind.COUNTRY
        else [],
        "can_curate": request.user.has_perm("entities.curate"),
    }
    if context["can_curate"]:
        bound = bound or {}
        initial = {
            "rename": {"name": actor.name},
            "update": {
                "kind": actor.kind,
                "role": actor.role,
                "country": actor.country.slug if actor.country is not None else "",
            },
        }
        context["forms"] = {
            name: bound.get(name) or form(initial=initial.get(name), auto_id=f"{name}-%s")
            for name, form in CURATION_FORMS.items()
        }
        context["open_form"] = next(iter(bound), "")
        context["duplicates"] = selectors.possible_duplicates_for(actor)
        context["history"] = selectors.actor_corrections(actor=actor)
    return context


@read_access
def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Templates: entities/actor_detail.html. Context: actor, aliases, said, about, counts,
    top_targets, top_speakers, comentioned, timeline; for editors, forms."""
    actor = shown_actor(slug)
    if actor.merged_into is not None:
        return redirect(actor.merged_into, permanent=True)
    return render(request, "entities/actor_detail.html", actor_context(request, actor))


@read_access
def actor_pair(request: HttpRequest, a: str, b: str) -> HttpResponse:
    """What A said about B and what B said about A, newest first.
    Templates: entities/actor_pair.html. Context: a, b, statements, a_on_b and b_on_a (counts
    by stance, over all the pair's statements), charts ((speaker, target, counts, by-month
    by-stance chart) for each direction)."""
    first, second = shown_actor(a), shown_actor(b)
    if first.merged_into_id or second.merged_into_id:
        first, second = first.merged_into or first, second.merged_into or second
        url = reverse("entities:actor_pair", args=[first.slug, second.slug])
        return redirect(url, permanent=True)
    statements = selectors.pair_newest(a=first, b=second)[:PAIR_SHOWN]
    # the counts by stance and the by-month chart of each direction, in one query
    a_on_b, b_on_a = selectors.statement_pair_months(a=first, b=second)
    # one month axis for both directions, as on a pair of countries
    months = selectors.months_filled(a_on_b.months, b_on_a.months)
    charts = [
        (speaker, target, side.counts, stance_month_bars(points[-TIMELINE_MONTHS:]))
        for speaker, target, side, points in (
            (first, second, a_on_b, months[0]),
            (second, first, b_on_a, months[1]),
        )
    ]
    context = {
        "charts": charts,
        "a": first,
        "b": second,
        "statements": statements,
        "a_on_b": a_on_b.counts,
        "b_on_a": b_on_a.counts,
        "shown": PAIR_SHOWN,
    }
    return render(request, "entities/actor_pair.html", context)
