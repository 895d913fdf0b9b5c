"""/api/v1/: the API's resources and its documentation, as links (what DRF's root view lists,
plus the schema and its two documentation pages)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from entities.api.views.base import BaseAPIView, errors

# name in the answer -> URL name in the "api" namespace
LINKS = {
    "articles": "article-list",
    "actors": "actor-list",
    "statements": "statement-list",
    "relations": "relation-list",
    "review": "review-list",
    "graph": "graph",
    "schema": "schema",
    "docs": "docs",
    "redoc": "redoc",
}


class ApiRootView(BaseAPIView):
    @extend_schema(
        summary="The API's resources",
        description="The absolute URL of each resource list, of the graph, of the OpenAPI "
        "schema and of its documentation pages (Swagger UI `docs`, ReDoc `redoc`). `review` "
        "(the review queue) answers editors only.",
        responses={
            200: inline_serializer("ApiRoot", {name: serializers.URLField() for name in LINKS}),
            **errors(400, 401, 429),
        },
    )
    def get(self, request: Request) -> Response:
        links = {name: reverse(f"api:{url}", request=request) for name, url in LINKS.items()}
        return Response(links)
