"""/api/v1/actors/: list, read by slug, statements by and about an actor, "A on B", and the
curation actions of editors (merge, add an alias).

A merged actor's URLs answer 301 with a Location on its survivor (the same sub-resource and
query string), and that URL as JSON: clients that follow redirects get the survivor's data; its
slug stays valid."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from entities import selectors, services
from entities.api import serializers as s
from entities.api.filters import ActorFilter
from entities.api.pagination import StatementCursorPagination
from entities.api.permissions import IsEditor, ReadPublicWriteAuthenticated
from entities.api.views.base import READ_ERRORS, WRITE_ERRORS, BaseViewSet, errors
from entities.models import Actor, Statement

MOVED = OpenApiResponse(
    inline_serializer(name="Moved", fields={"location": serializers.CharField()}),
    description="A merged actor: Location (and `location`) is the same URL on its survivor.",
)
SLUG = r"[-\w]+"
CURATE = [ReadPublicWriteAuthenticated, IsEditor]

F = TypeVar("F", bound=Callable[..., Any])


def _statements_schema(summary: str, description: str = "", **extra: Any) -> Callable[[F], F]:
    return extend_schema(
        summary=summary,
        description=description,
        responses={200: s.StatementSerializer(many=True), 301: MOVED, **errors(*READ_ERRORS)},
        **extra,
    )


@extend_schema_view(
    list=extend_schema(
        summary="List or search actors",
        description="Live actors (neither merged away nor rejected) with their counts.",
        responses={200: s.ActorSerializer(many=True), **errors(*READ_ERRORS)},
    ),
    retrieve=extend_schema(
        summary="One actor by slug",
        description="With aliases, whom it talks about most and who talks about it most.",
        responses={200: s.ActorDetailSerializer, 301: MOVED, **errors(*READ_ERRORS)},
    ),
)
class ActorViewSet(BaseViewSet):
    queryset = Actor.objects.none()
    serializer_class = s.ActorSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ActorFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(selectors.actor_list(**self.selector_arguments()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request: Request, slug: str) -> HttpResponse:
        actor = self._live(slug)
        if isinstance(actor, HttpResponse):
            return actor
        counted = selectors.actor_with_counts(actor=actor)
        if counted is None:  # gone since _live read it
            raise Http404
        # what ActorDetailSerializer reads besides the fields and counts
        counted.alias_names = selectors.actor_aliases(actor=actor)  # type: ignore[attr-defined]
        counted.top_targets = _ranked(selectors.actor_top_targets(actor=actor))  # type: ignore[attr-defined]
        counted.top_speakers = _ranked(selectors.actor_top_speakers(actor=actor))  # type: ignore[attr-defined]
        return Response(s.ActorDetailSerializer(counted, context={"request": request}).data)

    @_statements_schema("Statements made by the actor", "Newest first, cursor-paginated.")
    @action(
        detail=True,
        methods=["get"],
        url_path="statements",
        filter_backends=[],
        pagination_class=StatementCursorPagination,
    )
    def statements(self, request: Request, slug: str) -> HttpResponse:
        actor = self._live(slug)
        if isinstance(actor, HttpResponse):
            return actor
        return self._page(selectors.with_sort_key(selectors.statement_list_by(actor=actor)))

    @_statements_schema("Statements about the actor", "Newest first, cursor-paginated.")
    @action(
        detail=True,
        methods=["get"],
        url_path="about",
        filter_backends=[],
        pagination_class=StatementCursorPagination,
    )
    def about(self, request: Request, slug: str) -> HttpResponse:
        actor = self._live(slug)
        if isinstance(actor, HttpResponse):
            return actor
        return self._page(selectors.with_sort_key(selectors.statement_list_about(actor=actor)))

    @_statements_schema(
        "What actor A said about actor B",
        "Statements by A whose targets include B, newest first; with both=true also what B "
        "said about A.",
        parameters=[
            OpenApiParameter("other", OpenApiTypes.STR, OpenApiParameter.PATH, pattern=SLUG),
            OpenApiParameter("both", OpenApiTypes.BOOL, description="Both directions."),
        ],
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=rf"on/(?P<other>{SLUG})",
        filter_backends=[],
        pagination_class=StatementCursorPagination,
    )
    def on(self, request: Request, slug: str, other: str) -> HttpResponse:
        a = self._live(slug, other=other)
        if isinstance(a, HttpResponse):
            return a
        b = self._live(other, other=slug, swapped=True)
        if isinstance(b, HttpResponse):
            return b
        both = request.query_params.get("both", "").lower() in {"1", "true", "yes"}
        return self._page(selectors.statement_pair_keyed(a=a, b=b, both=both))

    @extend_schema(
        summary="Merge this actor into another (editors)",
        description="Moves aliases, mentions, statements and targets to `into`; this actor's "
        "URLs then redirect there. Stored as a correction that re-extraction applies again.",
        request=s.ActorMergeSerializer,
        responses={200: s.ActorDetailSerializer, **errors(*WRITE_ERRORS, 404)},
    )
    @action(detail=True, methods=["post"], permission_classes=CURATE)
    def merge(self, request: Request, slug: str) -> HttpResponse:
        source = selectors.actor_get(slug=slug)
        if source is None:
            raise Http404
        given = s.ActorMergeSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        survivor = services.actor_merge(
            source=source, into=given.validated_data["into"], user=request.user
        )
        return self.retrieve(request, survivor.slug)

    @extend_schema(
        summary="Add an alias to the actor (editors)",
        description="Later articles that name the actor so resolve to it. A merged actor's "
        "slug adds the alias to its survivor.",
        request=s.AliasSerializer,
        responses={201: s.AliasesSerializer, **errors(*WRITE_ERRORS, 404)},
    )
    @action(detail=True, methods=["post"], permission_classes=CURATE)
    def aliases(self, request: Request, slug: str) -> Response:
        actor = selectors.actor_resolve(slug=slug)
        if actor is None:
            raise Http404
        given = s.AliasSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        services.actor_alias_add(
            actor=actor, alias=given.validated_data["alias"], user=request.user
        )
        data = {"actor": actor, "aliases": selectors.actor_aliases(actor=actor)}
        return Response(s.AliasesSerializer(data).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Possible duplicates of the actor (editors)",
        description="Actors that may be this one: the resolver's doubts and names alike "
        "(rapidfuzz), neither merged, rejected nor dismissed. Merge with POST .../merge/.",
        responses={200: s.DuplicateSerializer(many=True), **errors(*READ_ERRORS, 403)},
    )
    @action(detail=True, methods=["get"], permission_classes=CURATE, pagination_class=None)
    def duplicates(self, request: Request, slug: str) -> Response:
        actor = selectors.actor_get(slug=slug)
        if actor is None or actor.rejected or actor.merged_into_id:
            raise Http404
        rows = selectors.possible_duplicates_for(actor)
        return Response(s.DuplicateSerializer(rows, many=True).data)

    def _live(
        self, slug: str, other: str = "", swapped: bool = False
    ) -> Actor | HttpResponsePermanentRedirect:
        """The actor, or a redirect to the same URL on its survivor; 404 if unknown."""
        actor = selectors.actor_get(slug=slug)
        if actor is None or actor.rejected:
            raise Http404
        if not actor.merged_into_id:
            return actor
        survivor = selectors.actor_resolve(slug=slug)
        if survivor is None:
            raise Http404
        kwargs = {"slug": survivor.slug}
        if other:
            kwargs = (
                {"slug": other, "other": survivor.slug} if swapped else {**kwargs, "other": other}
            )
        route = "detail" if self.action == "retrieve" else self.action
        url = reverse(f"api:actor-{route}", kwargs=kwargs)
        if self.request.GET:
            url = f"{url}?{self.request.GET.urlencode()}"
        # JSON like every answer under /api/ (Django's redirect is an empty text/html body)
        body = json.dumps({"location": url})
        return HttpResponsePermanentRedirect(url, content=body, content_type="application/json")

    def _page(self, rows: QuerySet[Statement]) -> Response:
        page = self.paginate_queryset(rows)
        data = s.StatementSerializer(page, many=True, context={"request": self.request}).data
        return self.get_paginated_response(data)


def _ranked(pairs: Iterable[tuple[Actor, int]]) -> list[dict[str, Actor | int]]:
    return [{"actor": actor, "count": n} for actor, n in pairs]
