"""The documentation pages, served from this server only: Swagger UI and ReDoc come from
drf-spectacular-sidecar's static files; ReDoc's page is drf-spectacular's without its Google
Fonts links (ReDoc then uses the system's fonts), and Swagger UI does not call the online
validator at validator.swagger.io. A Content-Security-Policy keeps both pages on this server:
ReDoc's bundle would otherwise fetch Redocly's logo from cdn.redoc.ly."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse
from django.template import engines
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

# inline scripts: drf-spectacular's page setup; blob: workers: ReDoc's search
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; "
    "frame-ancestors 'self'"
)
_REDOC_PAGE = """{% extends "drf_spectacular/redoc.html" %}{% load static %}
{% block head %}
<link rel="icon" href="{% static 'drf_spectacular_sidecar/swagger-ui-dist/favicon-32x32.png' %}">
<title>{{ title|default:"Redoc" }}</title>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0; padding: 0; }</style>
{% endblock head %}"""


class JsonErrorsMixin(APIView):
    """Errors (401 when reading needs a login) answer JSON like the rest of the API, not the
    page's template nor YAML. Token before session authentication (settings): a missing login
    is a 401."""

    def handle_exception(self, exc: Exception) -> Response:
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)


class LocalSchemaView(JsonErrorsMixin, SpectacularAPIView):
    pass


class LocalRedocView(JsonErrorsMixin, SpectacularRedocView):
    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().get(request, *args, **kwargs)
        page = engines["django"].from_string(_REDOC_PAGE)
        html = HttpResponse(page.render(response.data, request))
        html["Content-Security-Policy"] = DOCS_CSP
        return html


class LocalSwaggerView(JsonErrorsMixin, SpectacularSwaggerView):
    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().get(request, *args, **kwargs)
        ui = json.loads(response.data["settings"] or "{}")
        ui.setdefault("validatorUrl", None)
        response.data["settings"] = json.dumps(ui)
        response["Content-Security-Policy"] = DOCS_CSP
        return response
