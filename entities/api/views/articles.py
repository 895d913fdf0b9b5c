"""/api/v1/articles/: list, read, create (JSON or a file), reprocess, status."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from entities import selectors, services
from entities.api import serializers as s
from entities.api.filters import ArticleFilter
from entities.api.pagination import CursorPagination, PageNumberPagination
from entities.api.permissions import CanReprocess, ReadPublicWriteAuthenticated
from entities.api.views.base import ID_PATTERN, READ_ERRORS, WRITE_ERRORS, BaseViewSet, errors
from entities.models import Article
from entities.selectors.articles import ARTICLE_MENTIONS_SHOWN, ARTICLE_STATEMENTS_PAGE


@extend_schema_view(
    list=extend_schema(
        summary="List articles",
        description="Newest first (publication date, else upload time), cursor-paginated.",
        responses={200: s.ArticleSerializer(many=True), **errors(*READ_ERRORS)},
    ),
    retrieve=extend_schema(
        summary="One article with its body, mentions and statements",
        description=(
            "Every start/end is a character offset into `body`. At most the first "
            f"{ARTICLE_STATEMENTS_PAGE} statements and {ARTICLE_MENTIONS_SHOWN} mentions "
            "(in text order) are included; `statement_count` and `mention_count` say how many "
            "there are, and `links.statements` and `links.mentions` page through all of them."
        ),
        responses={200: s.ArticleDetailSerializer, **errors(*READ_ERRORS)},
    ),
    create=extend_schema(
        summary="Add an article",
        description=(
            "JSON (or a form) with exactly one of `text`, `html` or `url`, or a multipart "
            "upload of a `file` (.txt, .html/.htm, .pdf); optional `title`, `date` "
            "(YYYY-MM-DD) and `publisher`. Answers 201 with the new article's status and "
            "links, or 200 with the existing one when the same article (same URL or same "
            "text) is already there. Extraction runs in the background: poll `links.status`. "
            "`warning` is set when the workers cannot be reached (the article waits, queued)."
        ),
        request={
            "application/json": s.ArticleCreateSerializer,
            "multipart/form-data": s.ArticleUploadSerializer,
        },
        responses={
            201: s.ArticleCreatedSerializer,
            200: OpenApiResponse(s.ArticleCreatedSerializer, description="Already there."),
            **errors(*WRITE_ERRORS, 413),
        },
    ),
)
class ArticleViewSet(BaseViewSet):
    queryset = Article.objects.none()
    serializer_class = s.ArticleSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ArticleFilter
    pagination_class = CursorPagination
    lookup_value_regex = ID_PATTERN

    def list(self, request):
        page = self.paginate_queryset(selectors.article_list_keyed(**self.selector_arguments()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, pk: str):
        article = self._article(pk)
        page = selectors.article_statements(article=article)
        article.statements_shown = page.statements
        article.statement_count = page.total
        article.mentions_shown, article.mention_count = selectors.article_mentions(article=article)
        return Response(s.ArticleDetailSerializer(article, context=self._context()).data)

    @extend_schema(
        summary="All statements of one article, in text order",
        description="Page-numbered; the article detail shows only the first ones.",
        responses={200: s.ArticleStatementSerializer(many=True), **errors(*READ_ERRORS)},
    )
    @action(detail=True, methods=["get"], pagination_class=PageNumberPagination)
    def statements(self, request, pk: str):
        article = self._article(pk)
        rows = self.paginate_queryset(selectors.article_statement_rows(article=article))
        for row in rows:
            row.article = article
        data = s.ArticleStatementSerializer(rows, many=True, context=self._context()).data
        return self.get_paginated_response(data)

    @extend_schema(
        summary="All mentions of one article, in text order",
        description="Page-numbered; the article detail shows only the first ones.",
        responses={200: s.MentionSerializer(many=True), **errors(*READ_ERRORS)},
    )
    @action(detail=True, methods=["get"], pagination_class=PageNumberPagination)
    def mentions(self, request, pk: str):
        article = self._article(pk)
        rows = self.paginate_queryset(selectors.article_mention_rows(article=article))
        return self.get_paginated_response(s.MentionSerializer(rows, many=True).data)

    def _article(self, pk: str) -> Article:
        article = selectors.article_get(article_id=int(pk))
        if article is None:
            raise Http404
        return article

    def create(self, request):
        if request.content_type.startswith("multipart/"):
            meta, given, url, field = self._from_file(request)
        else:
            meta, given, url, field = self._from_json(request)
        try:
            article, created = services.article_create(
                raw=given.raw,
                title=meta.get("title", "") or given.title,
                url=url,
                publisher=meta.get("publisher", ""),
                published_at=meta.get("date") or given.published,
                uploaded_by=request.user,
            )
        except DjangoValidationError as exc:
            raise _renamed(exc, field) from exc
        fresh = selectors.article_status_get(article_id=article.pk)  # extraction may be done
        fresh.created = created
        fresh.warning = selectors.article_upload_warning(article_id=article.pk) if created else ""
        data = s.ArticleCreatedSerializer(fresh, context=self._context()).data
        return Response(
            data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
            headers={"Location": data["links"]["api"]},
        )

    def _from_json(self, request):
        given = s.ArticleCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        meta = given.validated_data
        if meta.get("url"):
            return meta, services.article_fetch(url=meta["url"]), meta["url"], "url"
        field = "text" if meta.get("text") else "html"
        return meta, services.ArticleInput(raw=meta[field]), "", field

    def _from_file(self, request):
        given = s.ArticleUploadSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        upload = given.validated_data["file"]
        # whole: the multipart parser has refused bodies over the upload limit (plus the form's)
        data = upload.read()
        given_input = services.article_text_from_upload(name=upload.name or "", data=data)
        return given.validated_data, given_input, "", "file"

    @extend_schema(
        summary="Extract an article again",
        description="Needs the entities.change_article permission. Answers 202: extraction "
        "runs in the background; poll `links.status`.",
        request=None,
        responses={202: s.ReprocessSerializer, **errors(*WRITE_ERRORS, 404)},
    )
    @action(
        detail=True,
        methods=["post"],
        permission_classes=[ReadPublicWriteAuthenticated, CanReprocess],
    )
    def reprocess(self, request, pk: str):
        if not services.articles_reprocess(ids=[int(pk)]):
            raise Http404
        article = selectors.article_status_get(article_id=int(pk))
        return Response(
            {
                "id": article.pk,
                "status": article.status,
                "links": s.article_links(request, article),
            },
            status=status.HTTP_202_ACCEPTED,
        )

    @extend_schema(
        summary="Extraction status of one article",
        description="queued -> processing -> done, or failed with `error` saying why.",
        responses={200: s.ArticleStatusSerializer, **errors(*READ_ERRORS)},
    )
    @action(detail=True, methods=["get"])
    def status(self, request, pk: str):
        article = selectors.article_status_get(article_id=int(pk))
        if article is None:
            raise Http404
        return Response(s.ArticleStatusSerializer(article).data)

    def _context(self) -> dict:
        return {"request": self.request}


def _renamed(exc: DjangoValidationError, field: str) -> DjangoValidationError:
    """article_create names its input 'text'; the client may have sent 'html', 'url' or a file."""
    if field == "text" or not hasattr(exc, "error_dict") or "text" not in exc.error_dict:
        return exc
    errors = dict(exc.error_dict)
    errors[field] = errors.pop("text")
    return DjangoValidationError(errors)
