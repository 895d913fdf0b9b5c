"""/api/v1/statements/: search (the filters of the search page), one statement, export as CSV
or JSON Lines, and the curation actions of editors (speaker, targets)."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import Http404, StreamingHttpResponse
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers as drf_serializers
from rest_framework.decorators import action
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from entities import selectors, services
from entities.api import export
from entities.api import serializers as s
from entities.api.errors import Gone
from entities.api.filters import StatementFilter
from entities.api.pagination import StatementCursorPagination
from entities.api.permissions import IsEditor, ReadPublicWriteAuthenticated
from entities.api.views.base import ID_PATTERN, READ_ERRORS, WRITE_ERRORS, BaseViewSet, errors
from entities.models import Statement

CURATE = [ReadPublicWriteAuthenticated, IsEditor]
FORMATS = list(export.FORMATS)


class ExportQuery(drf_serializers.Serializer):
    format = drf_serializers.ChoiceField(choices=FORMATS, default="csv")
    limit = drf_serializers.IntegerField(
        min_value=1, max_value=export.EXPORT_MAX_ROWS, default=export.EXPORT_MAX_ROWS
    )


@extend_schema_view(
    list=extend_schema(
        summary="Search statements",
        description="The filters of the search page; cursor-paginated.",
        responses={200: s.StatementSerializer(many=True), **errors(*READ_ERRORS)},
    ),
    retrieve=extend_schema(
        summary="One statement",
        description="A statement that its article's reprocessing no longer found answers 410.",
        responses={200: s.StatementSerializer, **errors(*READ_ERRORS, 410)},
    ),
)
class StatementViewSet(BaseViewSet):
    queryset = Statement.objects.none()
    serializer_class = s.StatementSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = StatementFilter
    pagination_class = StatementCursorPagination
    lookup_value_regex = ID_PATTERN

    def list(self, request):
        statements = selectors.statement_search_keyed(**self.selector_arguments())
        # newest first, planned by the number of matches (a common phrase: walk the index;
        # entities.selectors.keyset); a ranking by the planner
        matches = None if "rank" in statements.query.annotations else statements
        with selectors.planned_for(matches):
            page = self.paginate_queryset(statements)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, pk: str):
        return Response(self.get_serializer(self._statement(pk)).data)

    @extend_schema(
        summary="Export statements as CSV or JSON Lines",
        description=(
            "The same filters as the search, streamed: one row per statement with speaker, "
            "cue, content, targets, every offset and a permalink to the statement on its "
            f"article page. At most `limit` rows ({export.EXPORT_MAX_ROWS:,} at most)."
        ),
        filters=True,
        parameters=[
            OpenApiParameter("format", OpenApiTypes.STR, enum=FORMATS),
            OpenApiParameter("limit", OpenApiTypes.INT, description="Rows at most."),
        ],
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="CSV, a header row"),
            (200, "application/jsonl"): OpenApiResponse(
                OpenApiTypes.STR, description="One JSON object per line."
            ),
            **errors(*READ_ERRORS),
        },
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def export(self, request):
        query = ExportQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        fmt, limit = query.validated_data["format"], query.validated_data["limit"]
        filters = self.selector_arguments()
        rows = export.export_rows(selectors.statement_search(**filters), limit=limit)
        lines = (export.csv_lines if fmt == "csv" else export.jsonl_lines)(request, rows)
        response = StreamingHttpResponse(lines, content_type=export.FORMATS[fmt])
        name = export.export_filename(filters, extension=fmt, today=timezone.localdate())
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def perform_content_negotiation(self, request, force=False):
        # ?format= names the export's format, not one of DRF's renderers; errors answer JSON
        if self.action == "export":
            return JSONRenderer(), JSONRenderer.media_type
        return super().perform_content_negotiation(request, force)

    @extend_schema(
        summary="Set the speaker of a statement (editors)",
        description="Stored as a correction that re-extraction applies again.",
        request=s.SpeakerSerializer,
        responses={200: s.StatementSerializer, **errors(*WRITE_ERRORS, 404, 410)},
    )
    @action(detail=True, methods=["post"], permission_classes=CURATE)
    def speaker(self, request, pk: str):
        statement = self._statement(pk)
        given = s.SpeakerSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        services.statement_speaker_set(
            statement=statement, speaker=given.validated_data["speaker"], user=request.user
        )
        return Response(self.get_serializer(self._statement(pk)).data)

    @extend_schema(
        summary="Set the targets of a statement (editors)",
        description="Replaces the targets; stored as a correction that re-extraction applies.",
        request=s.TargetsSerializer,
        responses={200: s.StatementSerializer, **errors(*WRITE_ERRORS, 404, 410)},
    )
    @action(detail=True, methods=["post"], permission_classes=CURATE)
    def targets(self, request, pk: str):
        statement = self._statement(pk)
        given = s.TargetsSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        services.statement_targets_set(
            statement=statement, targets=given.validated_data["targets"], user=request.user
        )
        return Response(self.get_serializer(self._statement(pk)).data)

    @extend_schema(
        summary="Mark a statement reviewed, or not (editors)",
        description=(
            "A reviewed statement leaves the review queue (/api/v1/review/) and reprocessing "
            "keeps it exactly as it is. Stored as a correction, like a speaker fix."
        ),
        request=s.ReviewSerializer,
        responses={200: s.StatementSerializer, **errors(*WRITE_ERRORS, 404, 410)},
    )
    @action(detail=True, methods=["post"], permission_classes=CURATE)
    def review(self, request, pk: str):
        statement = self._statement(pk)
        given = s.ReviewSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        if given.validated_data["reviewed"]:
            services.statement_mark_reviewed(statement=statement, user=request.user)
        else:
            services.statement_unmark_reviewed(statement=statement, user=request.user)
        return Response(self.get_serializer(self._statement(pk)).data)

    def get_permissions(self):
        if self.action == "partial_update":
            return [permission() for permission in CURATE]
        return super().get_permissions()

    @extend_schema(
        summary="Edit a statement's content span or kind (editors)",
        description=(
            "`content_start`/`content_end`: offsets into the article's body (its title for a "
            "statement made in the headline); the content becomes that text, trimmed of white "
            "space. `kind`: direct, mixed or indirect. Stored as corrections that re-extraction "
            "applies again (the statement's other corrections follow its new span)."
        ),
        request=s.StatementEditSerializer,
        responses={200: s.StatementSerializer, **errors(*WRITE_ERRORS, 404)},
    )
    def partial_update(self, request, pk: str):
        statement = self._statement(pk)
        given = s.StatementEditSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        with transaction.atomic():
            if "content_start" in data:
                try:
                    statement = services.statement_span_set(
                        statement=statement,
                        start=data["content_start"],
                        end=data["content_end"],
                        user=request.user,
                    )
                except DjangoValidationError as exc:  # named as the API names the fields
                    fields = {"start": "content_start", "end": "content_end"}
                    raise DjangoValidationError(
                        {fields.get(k, k): v for k, v in exc.message_dict.items()}
                    ) from exc
            if "kind" in data:
                services.statement_kind_set(
                    statement=statement, kind=data["kind"], user=request.user
                )
        return Response(self.get_serializer(self._statement(pk)).data)

    @extend_schema(
        summary="Mark a statement as not a statement, or undo that (editors)",
        description=(
            "POST: the statement leaves every list, search, count, chart, export and API answer "
            "(a correction re-extraction applies again). DELETE on the same address puts it "
            "back, with its id."
        ),
        request=None,
        responses={200: s.DroppedStatementSerializer, **errors(*WRITE_ERRORS, 404)},
    )
    @action(detail=True, methods=["post"], permission_classes=CURATE, url_path="not-a-statement")
    def not_a_statement(self, request, pk: str):
        statement = self._statement(pk)
        correction = services.statement_drop(statement=statement, user=request.user)
        body = {
            "statement_id": int(pk),
            "correction_id": correction.pk,
            "content": statement.content,
        }
        return Response(s.DroppedStatementSerializer(body).data)

    @extend_schema(
        summary="Put back a statement marked as not a statement (editors)",
        request=None,
        responses={200: s.StatementSerializer, **errors(*WRITE_ERRORS, 404)},
    )
    @not_a_statement.mapping.delete
    def not_a_statement_undo(self, request, pk: str):
        correction = selectors.correction_dropped_for(statement_id=int(pk))
        if correction is None:
            raise Http404
        statement = services.statement_restore(correction=correction, user=request.user)
        return Response(self.get_serializer(self._statement(str(statement.pk))).data)

    @extend_schema(
        summary="Make a new actor the speaker of a statement (editors)",
        description=(
            "For a statement whose speaker extraction did not resolve (`speaker` null, "
            '`speaker_text` e.g. "Cyber security experts"): the actor is created with the '
            "words as written as its alias and credited with the statement (a correction "
            "re-extraction applies again). 400 when an actor of that name and kind exists."
        ),
        request=s.SpeakerActorSerializer,
        responses={201: s.StatementSerializer, **errors(*WRITE_ERRORS, 404)},
    )
    @action(detail=True, methods=["post"], permission_classes=CURATE, url_path="speaker-actor")
    def speaker_actor(self, request, pk: str):
        statement = self._statement(pk)
        given = s.SpeakerActorSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        services.statement_speaker_actor_create(
            statement=statement,
            name=data["name"],
            kind=data["kind"],
            country=data.get("country"),
            user=request.user,
        )
        return Response(self.get_serializer(self._statement(pk)).data, status=201)

    def _statement(self, pk: str) -> Statement:
        statement = selectors.statement_detail(statement_id=int(pk))
        if statement is not None:
            return statement
        retired = selectors.statement_retired_get(statement_id=int(pk))
        if retired is None:
            dropped = selectors.correction_dropped_for(statement_id=int(pk))
            if dropped is None or dropped.article is None:
                raise Http404
            article = self.request.build_absolute_uri(dropped.article.get_absolute_url())
            raise Gone(
                f"Statement {pk} no longer exists: an editor marked it as not a statement on "
                f"{dropped.created_at:%Y-%m-%d}. The article: {article}"
            )
        article = self.request.build_absolute_uri(retired.article.get_absolute_url())
        raise Gone(
            f"Statement {retired.pk} no longer exists: its article was reprocessed on "
            f"{retired.retired_at:%Y-%m-%d} and the new extraction no longer finds it. "
            f"The article: {article}"
        )
