"""The speaker -> target graph as a file that Gephi, Cytoscape desktop or networkx open: GEXF
or GraphML, written by networkx. The network page's download links and the API's
/graph/export/ both call graph_document with the edges of selectors.graph_edges, so a
download holds exactly the edges the page or the API answers for the same filters.

Nodes are keyed by the actor's slug and carry its name as `label`, its kind, and the
statements of the graph it made (`said`), that were about it (`about`) and both
(`statements`). Edges carry `weight` (statements), their counts by stance and the prevailing
`stance` (negative, positive, neutral, or mixed when two tie)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Literal

import networkx as nx
from django.http import HttpResponse

from entities.selectors.graph import GraphEdge, graph_nodes

__all__ = [
    "FORMATS",
    "GraphFormat",
    "graph_document",
    "graph_download",
    "graph_filename",
    "graph_networkx",
]

GraphFormat = Literal["gexf", "graphml"]
# the media types the two formats are served with
FORMATS: dict[str, str] = {"gexf": "application/gexf+xml", "graphml": "application/graphml+xml"}


def graph_networkx(edges: Sequence[GraphEdge], *, level: str) -> nx.DiGraph:
    """A directed graph of the edges and every actor they touch."""
    graph = nx.DiGraph(level=level)
    for node in graph_nodes(edges):
        graph.add_node(
            node.actor.slug,
            label=node.actor.name,
            kind=node.actor.kind,
            said=node.said,
            about=node.about,
            statements=node.statements,
        )
    for edge in edges:
        graph.add_edge(
            edge.speaker.slug,
            edge.target.slug,
            label=f"{edge.speaker.name} on {edge.target.name}",
            weight=edge.weight,
            negative=edge.negative,
            positive=edge.positive,
            neutral=edge.neutral,
            stance=edge.stance,
        )
    return graph


def graph_document(edges: Sequence[GraphEdge], *, level: str, fmt: GraphFormat) -> bytes:
    """The edges as a GEXF 1.2 or a GraphML document, UTF-8."""
    graph = graph_networkx(edges, level=level)
    out = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(graph, out, encoding="utf-8", version="1.2draft")
    elif fmt == "graphml":
        nx.write_graphml(graph, out, encoding="utf-8")
    else:
        raise ValueError(f"format is one of {', '.join(FORMATS)}, not {fmt!r}")
    return out.getvalue()


def graph_filename(*, level: str, fmt: str) -> str:
    """newsapp-actor-graph.gexf, newsapp-country-graph.graphml..."""
    return f"newsapp-{level}-graph.{fmt}"


def graph_download(edges: Sequence[GraphEdge], *, level: str, fmt: GraphFormat) -> HttpResponse:
    """The document as a file to save (what the network page's and the API's export links
    answer)."""
    response = HttpResponse(
        graph_document(edges, level=level, fmt=fmt),
        content_type=f"{FORMATS[fmt]}; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{graph_filename(level=level, fmt=fmt)}"'
    )
    return response
