"""/api/v1/review/: the review queue of editors, as the /review/ page shows it."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from entities import selectors
from entities.api import serializers as s
from entities.api.filters import ReviewFilter
from entities.api.pagination import PageNumberPagination
from entities.api.permissions import IsEditor
from entities.api.views.base import BaseViewSet, errors
from entities.models import Statement


class ReviewViewSet(BaseViewSet):
    queryset = Statement.objects.none()
    serializer_class = s.ReviewItemSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ReviewFilter
    pagination_class = PageNumberPagination
    permission_classes = [IsAuthenticated, IsEditor]

    @extend_schema(
        summary="The review queue (editors)",
        description=(
            f"{selectors.PRIORITY_HELP} Each statement says why it is in the queue (`reasons`). "
            "Mark one reviewed with POST /api/v1/statements/{id}/review/."
        ),
        responses={200: s.ReviewItemSerializer(many=True), **errors(400, 401, 403, 404, 429)},
    )
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(selectors.review_queue(**self.selector_arguments()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
