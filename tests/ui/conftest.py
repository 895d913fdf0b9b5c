"""Helpers for the page tests: statements placed in real article text, editors."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from entities.models import Actor, Statement
from tests.factories import ArticleFactory, StatementFactory, StatementTargetFactory


def said(
    speaker: Actor | None,
    content: str,
    *,
    about: list[Actor] = (),
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


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(username="editor", password="a-long-passphrase")
    user.user_permissions.add(
        Permission.objects.get(codename="curate"),
        Permission.objects.get(codename="change_article"),
    )
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
