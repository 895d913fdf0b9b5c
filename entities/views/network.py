"""Who talks about whom: speakers -> targets drawn as an SVG circle, and the same edges as a
paged table, filterable by date range and by actor."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from entities import selectors
from entities.forms import NetworkForm
from entities.views.charts import network_layout
from entities.views.common import read_access, without_page

EDGE_LIMIT = 300  # edges read (the heaviest); the drawing shows fewer, the table pages them
TABLE_PAGE = 50


@read_access
def network(request: HttpRequest) -> HttpResponse:
    """Templates: entities/network.html. Context: form, edges (all read), page (of the table),
    layout (what is drawn), limit."""
    form = NetworkForm(request.GET or None)
    edges = []
    if not form.is_bound or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        edges = selectors.graph_edges(
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            actor=data.get("actor"),
            limit=EDGE_LIMIT,
        )
    context = {
        "form": form,
        "edges": edges,
        "page": Paginator(edges, TABLE_PAGE).get_page(request.GET.get("page")),
        "querystring": without_page(request),
        "layout": network_layout(edges),
        "limit": EDGE_LIMIT,
    }
    return render(request, "entities/network.html", context)
