"""The OpenAPI schema is valid and warning-free; its documentation pages load from this
server only (drf-spectacular-sidecar), never from a CDN."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_schema_is_valid_without_warnings(tmp_path):
    out = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    text = out.read_text()
    assert text.startswith("openapi: 3.")
    for path in ("/api/v1/articles/", "/api/v1/actors/{slug}/on/{other}/", "/api/v1/graph/"):
        assert f"{path}:" in text


def test_schema_endpoint(api):
    response = api.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    export = schema["paths"]["/api/v1/statements/export/"]["get"]
    assert {"format", "speaker", "q"} <= {p["name"] for p in export["parameters"]}
    reprocess = schema["paths"]["/api/v1/articles/{id}/reprocess/"]["post"]
    assert "202" in reprocess["responses"]
    assert "Error" in schema["components"]["schemas"]
    # both models' "kind" fields are enums of their own
    components = schema["components"]["schemas"]
    assert components["StatementKindEnum"]["enum"] == ["direct", "mixed", "indirect"]
    assert "country" in components["ActorKindEnum"]["enum"]


@pytest.mark.parametrize("page", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_docs_pages_use_local_files_only(client, page):
    response = client.get(page)
    assert response.status_code == 200
    html = response.content.decode()
    # every script, stylesheet and image comes from this server
    sources = re.findall(r'(?:src|href)=["\']([^"\']+)["\']', html)
    assert sources
    assert not [s for s in sources if re.match(r"^(https?:)?//", s)]
    assert "cdn" not in html.lower()
    for source in sources:
        if source.startswith("/static/"):
            asset = client.get(source)
            assert asset.status_code == 200, source
            b"".join(asset.streaming_content) if asset.streaming else asset.content
    assert "/api/v1/schema/" in html


@pytest.mark.parametrize("page", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_docs_pages_may_load_nothing_from_elsewhere(client, page):
    # ReDoc's bundle asks cdn.redoc.ly for a logo: the policy makes the browser refuse it
    policy = client.get(page)["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "img-src 'self' data:;" in policy
    assert "http" not in policy


def test_swagger_ui_does_not_call_the_online_validator(client):
    html = client.get("/api/v1/docs/").content.decode()
    assert '"validatorUrl": null' in html


def test_every_operation_documents_the_errors_any_request_may_get(api):
    # Any request may be refused 400 (a NUL byte in its query string, before the view), 401 (a
    # wrong token) or 429 (throttles): schemathesis's status_code_conformance failed on the
    # actor sub-resources, which documented no 400.
    schema = api.get("/api/v1/schema/?format=json").json()
    missing = {
        f"{method.upper()} {path}": sorted({"400", "401", "429"} - set(operation["responses"]))
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    }
    assert {label: codes for label, codes in missing.items() if codes} == {}


def test_the_api_root_lists_the_resources_and_the_documentation(api):
    response = api.get("/api/v1/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    links = response.json()
    assert set(links) == {
        "articles", "actors", "statements", "relations", "review", "graph", "schema", "docs",
        "redoc",
    }  # fmt: skip
    assert links["actors"] == "http://testserver/api/v1/actors/"
    assert links["schema"] == "http://testserver/api/v1/schema/"
    for name, url in links.items():  # every link answers; the review queue only to editors
        status = api.get(url.removeprefix("http://testserver")).status_code
        assert status == (200 if name != "review" else 401), name  # `api` is anonymous
    assert api.get("/api/v1/nothing-here/").status_code == 404  # the rest is still a 404
