"""Who talks about whom: the speaker -> target graph between actors or between countries,
drawn by Cytoscape.js (static/js/network.js) from the edges the page embeds as JSON, listed in
a table that is the whole page without JavaScript, and downloadable as GEXF or GraphML."""

from __future__ import annotations

from typing import cast

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from entities import graph_export, selectors
from entities.forms import NetworkForm
from entities.graph_export import GraphFormat
from entities.selectors import GraphEdge, GraphNode
from entities.views.common import read_access, without_page

EDGE_LIMIT = selectors.GRAPH_EDGE_LIMIT  # edges read (the heaviest): drawn and listed


def _form(request: HttpRequest) -> NetworkForm:
    """The filters of the query string; a query without `level` means actors."""
    if not request.GET:
        return NetworkForm()
    data = request.GET.copy()
    data.setdefault("level", "actor")
    return NetworkForm(data)


def _edges(form: NetworkForm) -> tuple[str, list[GraphEdge]]:
    """The level and edges of a valid (or unbound) form; none for an invalid one."""
    if form.is_bound and not form.is_valid():
        return "actor", []
    arguments = form.graph_kwargs()
    return arguments["level"], selectors.graph_edges(**arguments, limit=EDGE_LIMIT)


def pair_url(edge: GraphEdge, level: str) -> str:
    """The edge's "A on B" page: the actor pair's, or the pair of countries'."""
    name = "entities:relation_pair" if level == "country" else "entities:actor_pair"
    return reverse(name, args=[edge.speaker.slug, edge.target.slug])


def graph_data(level: str, rows: list[tuple[GraphEdge, str]], nodes: list[GraphNode]) -> dict:
    """What static/js/network.js draws: Cytoscape's elements, with the words of each label;
    rows are the edges with their pair pages' URLs."""
    return {
        "level": level,
        "nodes": [
            {
                "id": f"n{node.actor.pk}",
                "label": node.actor.name,
                "kind": node.actor.kind,
                "statements": node.statements,
                "url": node.actor.get_absolute_url(),
            }
            for node in nodes
        ],
        "edges": [
            {
                "id": f"e{edge.speaker.pk}-{edge.target.pk}",
                "source": f"n{edge.speaker.pk}",
                "target": f"n{edge.target.pk}",
                "weight": edge.weight,
                "stance": edge.stance,
                "name": f"{edge.speaker.name} on {edge.target.name}",
                "url": url,
            }
            for edge, url in rows
        ],
    }


@read_access
def network(request: HttpRequest) -> HttpResponse:
    """Templates: entities/network.html. Context: form, level, edges (each with its pair
    URL as .url), nodes, graph (the JSON the drawing reads), heaviest and min_weight (the
    slider's range), querystring, limit."""
    form = _form(request)
    level, edges = _edges(form)
    nodes = selectors.graph_nodes(edges)
    rows = [(edge, pair_url(edge, level)) for edge in edges]
    context = {
        "form": form,
        "level": level,
        "edges": edges,
        "rows": rows,
        "nodes": nodes,
        "graph": graph_data(level, rows, nodes),
        "heaviest": max((e.weight for e in edges), default=1),
        "min_weight": form.graph_kwargs()["min_weight"] if edges else 1,
        "querystring": without_page(request),
        "limit": EDGE_LIMIT,
    }
    return render(request, "entities/network.html", context)


@read_access
def network_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The edges of the page for the same filters as GEXF or GraphML (a 400 naming the bad
    filters when they are invalid)."""
    form = _form(request)
    if form.is_bound and not form.is_valid():
        errors = "; ".join(f"{name}: {' '.join(e)}" for name, e in form.errors.items())
        return HttpResponse(f"Bad filters: {errors}", status=400, content_type="text/plain")
    level, edges = _edges(form)
    return graph_export.graph_download(edges, level=level, fmt=cast(GraphFormat, fmt))
