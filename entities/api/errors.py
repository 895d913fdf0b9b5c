"""One JSON error shape for every API error:

    {"error": {"status": 400, "code": "invalid", "message": "...", "fields": {"text": ["..."]}}}

`fields` maps each input field (or "non_field_errors") to its messages; it is empty for errors
that are not about a field (401, 403, 404, 405, 413, 429). Django ValidationErrors raised by
services become 400s (413 when their code is "too_large") in the same shape.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

TOO_LARGE = "too_large"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = TOO_LARGE


class Gone(exceptions.APIException):
    """An object that existed and no longer does (a statement reprocessing no longer found)."""

    status_code = status.HTTP_410_GONE
    default_detail = "This no longer exists."
    default_code = "gone"


class FieldsTooLarge(exceptions.ValidationError):
    """A field's value over a size limit: 413 with the field named."""

    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    api_exc = _as_api_exception(exc)
    if api_exc is None:
        return None  # a bug: Django answers 500 and logs it
    response = drf_exception_handler(api_exc, context)
    if response is None:
        return None
    response.data = {"error": error_body(api_exc, response.status_code)}
    return response


def _as_api_exception(exc: Exception) -> exceptions.APIException | None:
    """The API's exception for a Django one; None for one that is not an API error (a bug),
    which DRF's handler would leave to Django too."""
    if isinstance(exc, DjangoValidationError):
        detail = _django_detail(exc)
        codes = {e.code for e in _django_errors(exc)}
        if TOO_LARGE in codes:
            return FieldsTooLarge(detail=detail, code=TOO_LARGE)
        first_code = next((e.code for e in _django_errors(exc) if e.code), "invalid")
        return exceptions.ValidationError(detail=detail, code=first_code)
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        return exceptions.ParseError(str(exc))
    return exc if isinstance(exc, exceptions.APIException) else None


def _django_errors(exc: DjangoValidationError) -> list[DjangoValidationError]:
    if hasattr(exc, "error_dict"):
        return [e for errors in exc.error_dict.values() for e in errors]
    return list(exc.error_list)


def _django_detail(exc: DjangoValidationError) -> dict[str, list[exceptions.ErrorDetail]]:
    def details(errors: Iterable[DjangoValidationError]) -> list[exceptions.ErrorDetail]:
        out = []
        for e in errors:
            message = e.message % e.params if e.params else e.message
            out.append(exceptions.ErrorDetail(str(message), code=e.code or "invalid"))
        return out

    if hasattr(exc, "error_dict"):
        return {
            ("non_field_errors" if field == "__all__" else field): details(errors)
            for field, errors in exc.error_dict.items()
        }
    return {"non_field_errors": details(exc.error_list)}


def error_body(exc: exceptions.APIException, status_code: int) -> dict[str, Any]:
    detail = exc.detail
    fields: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        fields = {key: _messages(value) for key, value in detail.items()}
    elif isinstance(detail, list) and isinstance(exc, exceptions.ValidationError):
        fields = {"non_field_errors": _messages(detail)}
    code = _first_code(exc.get_codes()) or (
        "invalid" if isinstance(exc, exceptions.ValidationError) else "error"
    )
    return {
        "status": status_code,
        "code": code,
        "message": _message(detail, fields),
        "fields": fields,
    }


def _messages(value: object) -> list[str]:
    if isinstance(value, dict):  # a nested serializer: "field.sub: message"
        return [f"{k}: {m}" for k, v in value.items() for m in _messages(v)]
    if isinstance(value, list):
        return [m for item in value for m in _messages(item)]
    return [str(value)]


def _first_code(codes: object) -> str:
    if isinstance(codes, dict):
        codes = list(codes.values())
    if isinstance(codes, list):
        for item in codes:
            found = _first_code(item)
            if found:
                return found
        return ""
    return "" if codes is None or str(codes) == "None" else str(codes)


def _message(detail: object, fields: dict[str, list[str]]) -> str:
    if fields:
        field, messages = next(iter(fields.items()))
        first = messages[0] if messages else "invalid"
        return first if field == "non_field_errors" else f"{field}: {first}"
    if isinstance(detail, list):
        return "; ".join(str(d) for d in detail)
    return str(detail)


_DEFAULTS = {
    400: ("bad_request", "The request is malformed."),
    403: ("permission_denied", "You do not have permission to perform this action."),
    404: ("not_found", "No such endpoint."),
    500: ("server_error", "The server failed; the error was logged."),
}


def json_error(status_code: int, message: str = "", code: str = "") -> JsonResponse:
    """The error shape for answers made outside DRF (unknown paths, CSRF failures, 500s)."""
    default_code, default_message = _DEFAULTS.get(status_code, ("error", "Error."))
    body = {
        "status": status_code,
        "code": code or default_code,
        "message": message or default_message,
        "fields": {},
    }
    return JsonResponse({"error": body}, status=status_code)
