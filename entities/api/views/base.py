"""What every API view shares: token before session auth (so that a missing login answers 401
with a WWW-Authenticate header, not 403), bounded parsers, schema fragments for errors."""

from __future__ import annotations

from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.views import APIView

from entities.api.authentication import ThrottledTokenAuthentication
from entities.api.errors import json_error
from entities.api.parsers import FormParser, JSONParser, MultiPartParser

# ids in URLs: at most 18 digits, so that a larger number is a 404, not an integer overflow in
# the database driver
ID_PATTERN = r"[0-9]{1,18}"


class ApiMixin:
    authentication_classes = [ThrottledTokenAuthentication, SessionAuthentication]
    parser_classes = [JSONParser, FormParser, MultiPartParser]


class BaseViewSet(ApiMixin, viewsets.GenericViewSet):
    pass


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
        413: "The body or the uploaded file is over its size limit.",
        429: "Too many requests (see Retry-After).",
    }
    return {c: OpenApiResponse(ErrorSerializer, description=descriptions[c]) for c in codes}


# Every operation documents 400: a NUL byte in any query string is refused before the view.
READ_ERRORS = (400, 401, 404, 429)  # 404: a page or cursor that does not exist
WRITE_ERRORS = (400, 401, 403, 429)


@csrf_exempt  # a POST to an unknown path is a 404, whatever its CSRF token
def api_not_found(request, *args, **kwargs):
    return json_error(404)
