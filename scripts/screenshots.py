"""Screenshots of the main pages into docs/screenshots/ (`make screenshots`).

Starts the development server on a spare port with a throwaway SQLite database, imports
seeds/, creates an editor, and drives Debian's Chromium through the pages with Playwright.
The server's tasks go to an in-memory broker that nothing reads, so the upload status page is
captured while its articles are still waiting for a worker."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from chromium import ARGS, CHROMIUM  # scripts/chromium.py, beside this file

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
EDITOR, PASSWORD = "editor", "screenshots-only-passphrase"
CREATE_EDITOR = f"""
from datetime import datetime, timezone
from django.contrib.auth.models import Permission, User
from entities.models import Article
u = User.objects.create_user("{EDITOR}", password="{PASSWORD}")
u.user_permissions.add(*Permission.objects.filter(codename__in=["curate", "change_article"]))
# the seed has no date line; it reports Putin's June 2024 visit as upcoming
Article.objects.filter(published_at__isnull=True).update(
    published_at=datetime(2024, 6, 14, 12, tzinfo=timezone.utc)
)
"""
UPLOADS = {
    "geneva.txt": "Kremlin rejects talks in Geneva\n\nKremlin spokesman Dmitry Peskov said on "
    "Monday that Russia would not take part in the talks.\n",
    "envoy.txt": "Seoul summons Japanese envoy\n\nSouth Korea's foreign minister said on "
    "Wednesday that Tokyo should face history squarely.\n",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).close()  # noqa: S310 - our own server
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the development server did not answer at {url}")


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="newsapp-screenshots-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "DJANGO_DEBUG": "true",
        "DJANGO_SECRET_KEY": "screenshots-only",
        "NEWSAPP_READ_REQUIRES_LOGIN": "false",
    }
    env.pop("CELERY_BROKER_URL", None)  # seeds are extracted in-process
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput", "-v0"], ["import_articles", "seeds/"]):
        subprocess.run([*manage, *command], env=env, cwd=ROOT, check=True)  # noqa: S603
    subprocess.run([*manage, "shell", "-c", CREATE_EDITOR], env=env, cwd=ROOT, check=True)  # noqa: S603
    for name, text in UPLOADS.items():
        (tmp / name).write_text(text)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603 - our own manage.py
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env={**env, "CELERY_BROKER_URL": "memory://"},  # uploads wait for a worker
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait(base + "/")
        capture(base, tmp)
    finally:
        server.terminate()
        server.wait(timeout=10)


def capture(base: str, tmp: Path) -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
        page = context.new_page()

        def shot(name: str, url: str | None = None, full: bool = True) -> None:
            if url is not None:
                page.goto(url)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=OUT / f"{name}.png", full_page=full)
            print(f"{name}: {page.url}")

        shot("home", "/")
        actor = page.locator("ol.ranked a.mention").first.get_attribute("href")
        shot("actor", actor)
        article = page.locator("ol.statements .attribution a[href*='?s=']").first
        article = article.get_attribute("href")
        shot("article", article, full=False)
        # the network, relations, a pair of countries and "A on B" (desktop and phone) come
        # from tests/browser/test_network.py with NEWSAPP_SCREENSHOTS=1: a world of seven
        # countries draws a network the seeds' few articles cannot
        shot("search", "/search/?q=North+Korea")
        shot("statements", "/statements/?q=Korea")

        page.goto("/accounts/login/")
        page.get_by_label("Username").fill(EDITOR)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_label("Password").press("Enter")
        page.wait_for_url(lambda url: "/login/" not in url)
        shot("review-queue", "/review/", full=False)
        shot("upload", "/articles/new/")
        page.get_by_label("Files").set_input_files([str(tmp / n) for n in UPLOADS])
        page.get_by_role("button", name="Upload and extract").click()
        page.wait_for_url("**/articles/uploads/**")
        shot("upload-status")
        shot("actor-editor", actor)
        page.goto(article)
        page.locator("details.curate summary").first.click()
        statements = page.locator("section.statement-list")
        statements.screenshot(path=OUT / "article-statements-editor.png")
        print(f"article-statements-editor: {page.url}")

        mobile = browser.new_context(base_url=base, viewport={"width": 390, "height": 844})
        page = mobile.new_page()
        shot("home-mobile", "/", full=False)
        shot("article-mobile", article, full=False)
        browser.close()


if __name__ == "__main__":
    main()
