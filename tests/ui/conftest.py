"""Fixtures of the page tests: a client logged in as the editor."""

from __future__ import annotations

import pytest


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
