"""/api/v1/graph/: who talks about whom, as weighted speaker -> target edges."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from entities import selectors
from entities.api import serializers as s
from entities.api.filters import GraphFilter
from entities.api.views.base import READ_ERRORS, BaseAPIView, errors
from entities.models import Statement


class GraphView(BaseAPIView):
    # the schema generator reads the query parameters from these; get() runs the FilterSet
    # and calls the selector
    queryset = Statement.objects.none()
    filter_backends = [DjangoFilterBackend]
    filterset_class = GraphFilter

    @extend_schema(
        summary="Speaker -> target graph",
        description="Edges weighted by the number of statements of the speaker about the "
        "target, heaviest first; `nodes` lists every actor the edges touch.",
        filters=True,
        responses={200: s.GraphSerializer, **errors(*READ_ERRORS)},
    )
    def get(self, request):
        given = GraphFilter(request.query_params, queryset=Statement.objects.none())
        if not given.is_valid():
            raise ValidationError(given.errors)
        edges = selectors.graph_edges(**given.arguments())
        nodes = {}
        for edge in edges:
            nodes.setdefault(edge.speaker.pk, edge.speaker)
            nodes.setdefault(edge.target.pk, edge.target)
        data = {"nodes": list(nodes.values()), "edges": edges}
        return Response(s.GraphSerializer(data).data)
