"""Helpers shared across the suite. Test modules import them from here, never from a conftest
file: conftest files hold fixtures only."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.db import connection
from django.utils import timezone

from entities.models import Actor, Statement
from tests.factories import ArticleFactory, StatementFactory, StatementTargetFactory

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "a-long-passphrase"  # every test account's, on a throwaway database
SERVICES_REQUIRED = os.environ.get("NEWSAPP_REQUIRE_SERVICES") == "1"


def need_service(reason: str) -> None:
    """Skip a test whose service is missing, except in CI where that is a failure."""
    if SERVICES_REQUIRED:
        pytest.fail(f"{reason} (NEWSAPP_REQUIRE_SERVICES=1: a missing service fails the run)")
    pytest.skip(reason)


# -- users ------------------------------------------------------------------------------------


def make_editor(django_user_model: Any, username: str = "editor") -> Any:
    """A user who curates actors and statements and may reprocess articles."""
    editor = django_user_model.objects.create_user(username=username, password=PASSWORD)
    editor.user_permissions.add(
        Permission.objects.get(codename="curate", content_type__app_label="entities"),
        Permission.objects.get(codename="change_article", content_type__app_label="entities"),
    )
    return editor


# -- rows -------------------------------------------------------------------------------------


def said(
    speaker: Actor | None,
    content: str,
    *,
    about: Sequence[Actor] = (),
    published: str | None = None,
    publisher: str = "",
    kind: str = Statement.Kind.DIRECT,
    cue: str = "said",
    cue_class: str = "say",
    title: str = "",
) -> Statement:
    """One article '<speaker> said: "<content>"' holding one statement with real offsets."""
    name = speaker.name if speaker else "An official"
    body = f'{name} {cue}: "{content}"'
    extra = {"title": title} if title else {}
    article = ArticleFactory(
        body=body,
        publisher=publisher,
        published_at=_when(published) if published else None,
        **extra,
    )
    start = body.index(content)
    statement = StatementFactory(
        article=article,
        speaker=speaker,
        speaker_text=name,
        speaker_start=0,
        speaker_end=len(name),
        cue=cue,
        cue_lemma=cue,
        cue_class=cue_class,
        cue_start=len(name) + 1,
        cue_end=len(name) + 1 + len(cue),
        content=content,
        content_start=start,
        content_end=start + len(content),
        kind=kind,
    )
    for target in about:
        StatementTargetFactory(statement=statement, actor=target, start=start, end=start + 1)
    return statement


def _when(day: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(day + "T12:00:00"))


def dated(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 12, tzinfo=UTC)


# -- browser ----------------------------------------------------------------------------------


def log_in(page: Any, username: str) -> None:
    """Through the login form, with the keyboard."""
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


# -- processes --------------------------------------------------------------------------------


def database_url() -> str:
    db = settings.DATABASES["default"]
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{connection.settings_dict['NAME']}"


def process_env(broker: str, **extra: str) -> dict[str, str]:
    """The environment of a worker or command of ours: the test database, the given broker."""
    env = dict(os.environ, DATABASE_URL=database_url(), CELERY_BROKER_URL=broker, **extra)
    env.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key")
    return env


def manage(broker: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `python manage.py ...` as an operator would, against the test database."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=process_env(broker),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def wait_for(predicate: Callable[[], T], timeout: float, what: str, interval: float = 0.2) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


PdfLine = str | tuple[str, float]


def make_pdf(
    pages: Sequence[Sequence[PdfLine]],
    *,
    title: str = "",
    created: datetime | None = None,
    producer: str = "",
) -> bytes:
    """A PDF written with pypdf: each page a list of lines, each line its text (11 pt) or
    (text, font size), set top-down; with the given metadata. Text is Latin-1 in Helvetica."""
    import io

    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
    )
    for lines in pages:
        page = writer.add_blank_page(width=612, height=792)
        ops, y = [], 760.0
        for line in lines:
            text, size = (line, 11.0) if isinstance(line, str) else line
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            y -= size * 1.4
            ops.append(f"BT /F1 {size:g} Tf 1 0 0 1 56 {y:.1f} Tm ({escaped}) Tj ET")
        content = DecodedStreamObject()
        content.set_data("\n".join(ops).encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(content)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
    meta = {}
    if title:
        meta["/Title"] = title
    if producer:
        meta["/Producer"] = producer
    if created is not None:
        meta["/CreationDate"] = created.strftime("D:%Y%m%d%H%M%S+00'00'")
    if meta:
        writer.add_metadata(meta)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def token_client(user) -> Any:
    """An API client that authenticates as `user` with its token (made if it has none)."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client
