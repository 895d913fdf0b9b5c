"""What every API view shares: bounded parsers, the validated query string of a list endpoint,
schema fragments for errors. Authentication (token before session) is in settings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django_filters.utils import translate_validation
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.parsers import BaseParser
from rest_framework.views import APIView

from entities.api.errors import json_error
from entities.api.parsers import FormParser, JSONParser, MultiPartParser

if TYPE_CHECKING:
    from entities.api.filters import SelectorFilterSet

# ids in URLs: at most 18 digits, so that a larger number is a 404, not an integer overflow in
# the database driver
ID_PATTERN = r"[0-9]{1,18}"


class ApiMixin:
    parser_classes: Sequence[type[BaseParser]] = [JSONParser, FormParser, MultiPartParser]


class BaseViewSet(ApiMixin, viewsets.GenericViewSet):
    filterset_class: type[SelectorFilterSet]  # each list endpoint sets its own

    def selector_arguments(self) -> dict[str, Any]:
        """The query string, validated by the view's filterset_class, as the keyword arguments
        of the view's selector; a 400 that names each bad parameter."""
        given = self.filterset_class(
            self.request.query_params, queryset=self.get_queryset(), request=self.request
        )
        if not given.is_valid():
            raise translate_validation(given.errors)
        return given.arguments()


class BaseAPIView(ApiMixin, APIView):
    pass


ErrorSerializer = inline_serializer(
    name="Error",
    fields={
        "error": inline_serializer(
            name="ErrorBody",
            fields={
                "status": serializers.IntegerField(),
                "code": serializers.CharField(),
                "message": serializers.CharField(),
                "fields": serializers.DictField(
                    child=serializers.ListField(child=serializers.CharField())
                ),
            },
        )
    },
)


def errors(*codes: int) -> dict[int, OpenApiResponse]:
    descriptions = {
        400: "Invalid input; `fields` names each bad field (any request: a NUL byte in the "
        "query string).",
        401: "Not authenticated (reading needs a login when NEWSAPP_READ_REQUIRES_LOGIN).",
        403: "Authenticated, but without the permission this needs.",
        404: "No such object (or page, or cursor).",
        410: "The statement no longer exists: its article was reprocessed and the new "
        "extraction no longer finds it (the message links the article).",
        413: "The body or the uploaded file is over its size limit.",
        429: "Too many requests (see Retry-After).",
    }
    return {c: OpenApiResponse(ErrorSerializer, description=descriptions[c]) for c in codes}


# Every operation documents 400: a NUL byte in any query string is refused before the view.
READ_ERRORS = (400, 401, 404, 429)  # 404: a page or cursor that does not exist
WRITE_ERRORS = (400, 401, 403, 429)


@csrf_exempt  # a POST to an unknown path is a 404, whatever its CSRF token
def api_not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    return json_error(404)
