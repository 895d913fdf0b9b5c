"""/api/v1/relations/: pairs of countries (whose people spoke about whom), counted by the
speaker's stance, optionally per month."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view

from entities import selectors
from entities.api import serializers as s
from entities.api.filters import RelationFilter
from entities.api.views.base import READ_ERRORS, BaseViewSet, errors
from entities.models import Statement


@extend_schema_view(
    list=extend_schema(
        summary="Relations between countries",
        description=(
            "Every pair of countries with statements: a statement counts for its speaker's "
            "country (a country speaking, or a person or body of it) and each target's "
            "country, once per pair, with its stance toward that country (negative if toward "
            "any target of it, else positive if toward any, else neutral). The most statements "
            "first; paginated by page number."
        ),
        responses={200: s.CountryPairSerializer(many=True), **errors(*READ_ERRORS)},
    ),
)
class RelationViewSet(BaseViewSet):
    queryset = Statement.objects.none()  # the schema generator reads the filters from it
    serializer_class = s.CountryPairSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = RelationFilter

    def list(self, request):
        arguments = self.selector_arguments()
        by_month = arguments.pop("by_month")
        page = self.paginate_queryset(selectors.relation_pairs(**arguments))
        if by_month:  # for the page's pairs only
            selectors.relation_months(pairs=page, filters=arguments["filters"])
        context = {**self.get_serializer_context(), "by_month": by_month}
        data = s.CountryPairSerializer(page, many=True, context=context).data
        return self.get_paginated_response(data)
