"""The documentation pages, served from this server only: Swagger UI and ReDoc come from
drf-spectacular-sidecar's static files; ReDoc's page is drf-spectacular's without its Google
Fonts links (ReDoc then uses the system's fonts), and Swagger UI does not call the online
validator at validator.swagger.io."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.template import engines
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerView

_REDOC_PAGE = """{% extends "drf_spectacular/redoc.html" %}
{% block head %}
<title>{{ title|default:"Redoc" }}</title>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0; padding: 0; }</style>
{% endblock head %}"""


class LocalRedocView(SpectacularRedocView):
    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        page = engines["django"].from_string(_REDOC_PAGE)
        return HttpResponse(page.render(response.data, request))


class LocalSwaggerView(SpectacularSwaggerView):
    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        ui = json.loads(response.data["settings"] or "{}")
        ui.setdefault("validatorUrl", None)
        response.data["settings"] = json.dumps(ui)
        return response
