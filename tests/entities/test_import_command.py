"""manage.py import_articles: folders of .txt and .html files become queued articles."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from entities.models import Article

pytestmark = pytest.mark.django_db

TEXT = """Kremlin rejects talks in Geneva

Kremlin spokesman Dmitry Peskov said on Monday that Russia would not take part in the talks.
He told reporters in Moscow that there was nothing to discuss in Geneva this year.
"""

HTML = """<!doctype html>
<html><head><title>Seoul summons Japanese envoy</title></head>
<body><article><h1>Seoul summons Japanese envoy</h1>
<p>South Korea's foreign ministry summoned the Japanese ambassador on Wednesday to protest against
new school textbooks that it said distort wartime history. The ministry said the books
repeat claims to islands that both countries hold to be their own.</p>
</article></body></html>
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "geneva.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "seoul.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "paris.txt").write_bytes(
        "Paris convoque l’ambassadeur\n\nLe ministère a déclaré.".encode("cp1252")
    )
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4\n")
    return tmp_path


def _import(*paths) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_articles", *[str(p) for p in paths], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_reports_imported_and_failed_files(folder):
    out, _ = _import(folder)

    assert "2 imported, 0 duplicates, 1 failed (3 files)" in out


def test_import_creates_queued_articles(folder):
    _import(folder)

    articles = Article.objects.order_by("title")
    assert [a.title for a in articles] == [
        "Kremlin rejects talks in Geneva",
        "Seoul summons Japanese envoy",
    ]
    assert {a.status for a in articles} == {Article.Status.QUEUED}


def test_import_says_which_file_is_not_utf8(folder):
    _, err = _import(folder)

    assert f"failed    {folder / 'paris.txt'}: not UTF-8 text" in err


def test_importing_twice_creates_no_duplicates(folder):
    _import(folder)

    out, _ = _import(folder)

    assert "0 imported, 2 duplicates, 1 failed (3 files)" in out
    assert Article.objects.count() == 2


def test_import_of_a_missing_path_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        _import(tmp_path / "no-such-folder")

    assert Article.objects.count() == 0
