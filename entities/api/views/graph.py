"""/api/v1/graph/: who talks about whom, as weighted speaker -> target edges between actors or
between countries; /api/v1/graph/export/: the same edges as GEXF or GraphML."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers as drf_serializers
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from entities import graph_export, selectors
from entities.api import serializers as s
from entities.api.filters import GraphFilter
from entities.api.views.base import READ_ERRORS, BaseAPIView, errors
from entities.models import Statement

FORMATS = list(graph_export.FORMATS)


def _graph_arguments(request) -> dict:
    given = GraphFilter(request.query_params, queryset=Statement.objects.none())
    if not given.is_valid():
        raise ValidationError(given.errors)
    return given.arguments()


class GraphView(BaseAPIView):
    # the schema generator reads the query parameters from these; get() runs the FilterSet
    # and calls the selector
    queryset = Statement.objects.none()
    filter_backends = [DjangoFilterBackend]
    filterset_class = GraphFilter

    @extend_schema(
        summary="Speaker -> target graph",
        description="Edges weighted by the number of statements of the speaker about the "
        "target, counted by stance, heaviest first; `nodes` lists every actor the edges touch "
        "with its statements on them. `level=country` rolls the statements up to countries "
        "as /relations/ does. The same edges as GEXF or GraphML: /api/v1/graph/export/.",
        filters=True,
        responses={200: s.GraphSerializer, **errors(*READ_ERRORS)},
    )
    def get(self, request):
        arguments = _graph_arguments(request)
        edges = selectors.graph_edges(**arguments)
        data = {"level": arguments["level"], "nodes": selectors.graph_nodes(edges), "edges": edges}
        return Response(s.GraphSerializer(data).data)


class GraphExportQuery(drf_serializers.Serializer):
    format = drf_serializers.ChoiceField(choices=FORMATS, default="gexf")


class GraphExportView(BaseAPIView):
    queryset = Statement.objects.none()
    filter_backends = [DjangoFilterBackend]
    filterset_class = GraphFilter

    @extend_schema(
        summary="Export the graph as GEXF or GraphML",
        description="The edges and nodes of /api/v1/graph/ for the same filters, as a file "
        "Gephi opens. Nodes are keyed by slug (attributes label, kind, said, about, "
        "statements); edges carry weight, negative, positive, neutral and stance.",
        filters=True,
        parameters=[OpenApiParameter("format", OpenApiTypes.STR, enum=FORMATS)],
        responses={
            (200, graph_export.FORMATS["gexf"]): OpenApiResponse(
                OpenApiTypes.STR, description="GEXF 1.2"
            ),
            (200, graph_export.FORMATS["graphml"]): OpenApiResponse(
                OpenApiTypes.STR, description="GraphML"
            ),
            **errors(*READ_ERRORS),
        },
    )
    def get(self, request):
        query = GraphExportQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        fmt = query.validated_data["format"]
        arguments = _graph_arguments(request)
        edges = selectors.graph_edges(**arguments)
        level = arguments["level"]
        return graph_export.graph_download(edges, level=level, fmt=fmt)

    def perform_content_negotiation(self, request, force=False):
        # ?format= names the file's format, not one of DRF's renderers; errors answer JSON
        return JSONRenderer(), JSONRenderer.media_type
