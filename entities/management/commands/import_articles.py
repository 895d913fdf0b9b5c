"""python manage.py import_articles PATH... : import .txt and .html files and folders."""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from entities import selectors, services
from entities.validators import decode_text


class Command(BaseCommand):
    help = (
        "Import articles from .txt and .html files, or folders of them, and queue their "
        "extraction in batches. Shows progress, then a summary with the reason of each failure."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--quiet-progress", action="store_true", help="no progress bars")
        parser.add_argument(
            "--wait",
            action="store_true",
            help="with Celery workers, follow extraction until every article is done or failed",
        )

    def handle(self, *args, paths: list[Path], quiet_progress=False, wait=False, **options):
        files = _collect(paths)
        created_ids: list[int] = []
        duplicates: list[tuple[Path, int]] = []
        failures: list[tuple[Path, str]] = []
        bar = tqdm(
            files, desc="saving", unit="file", disable=quiet_progress or not files,
            file=self.stderr._out,
        )  # fmt: skip
        # without a broker extraction runs here, after saving; with one, batches go out at once
        streaming = not services.queue_is_eager() and transaction.get_autocommit()
        batch = settings.NEWSAPP_EXTRACT_BATCH
        streamed = sent = 0
        for path in bar:
            try:
                raw = decode_text(path.read_bytes())
                if raw is None:
                    failures.append((path, "not UTF-8 text"))
                    continue
                # the batch enqueue below sends the tasks: no task per article here
                with transaction.atomic():
                    article, created = services.article_create(
                        raw=raw, enqueue=False, isolate_parsing=False
                    )
            except (OSError, ValidationError) as exc:
                failures.append((path, _say(exc)))
                continue
            if created:
                created_ids.append(article.pk)
                if streaming and len(created_ids) - streamed >= batch:
                    # with workers, send each batch as soon as it is saved: they start on it
                    # while the rest is still being read
                    sent += self._send(created_ids[streamed:])
                    streamed = len(created_ids)
            else:
                duplicates.append((path, article.pk))
        if streaming:
            sent += self._send(created_ids[streamed:])
        outcome = self._extract(
            created_ids, wait=wait, quiet=quiet_progress, sent=sent if streaming else None
        )
        for path, pk in duplicates:
            self.stdout.write(f"duplicate {path} = article {pk}")
        for path, reason in failures:
            self.stderr.write(f"failed    {path}: {reason}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(created_ids)} imported, {len(duplicates)} duplicates, "
                f"{len(failures)} failed ({len(files)} files)"
            )
        )
        unsent = len(created_ids) - outcome.get("sent", len(created_ids))
        if unsent:
            self.stdout.write(
                self.style.WARNING(
                    f"{unsent} articles could not be sent to the workers (is the "
                    "broker up?); they are saved as queued and the sweeper will send them."
                )
            )
        if outcome.get("stalled"):
            self.stdout.write(
                self.style.WARNING(
                    f"stopped waiting: {outcome['stalled']} articles made no progress for "
                    f"{settings.NEWSAPP_STALE_AFTER} s; they stay queued and the sweeper will "
                    "send them again"
                )
            )
        if "finished" in outcome:
            counts = outcome["finished"]
            self.stdout.write(
                f"extraction: {counts.get('done', 0)} done, {counts.get('failed', 0)} failed"
            )
            for pk, error in selectors.article_failures(article_ids=created_ids):
                self.stderr.write(f"extraction failed for article {pk}: {error}")
        if failures and not created_ids and not duplicates:
            raise CommandError("no file could be imported")

    def _send(self, ids: list[int]) -> int:
        return services.articles_enqueue(article_ids=ids) if ids else 0

    def _extract(self, ids: list[int], *, wait: bool, quiet: bool, sent: int | None) -> dict:
        """Send the tasks in batches after commit (unless they went out while saving) and,
        when asked or when extraction runs in this process anyway, show its progress until
        every article has finished."""
        outcome: dict = {}
        if not ids:
            return outcome
        bar = tqdm(
            total=len(ids), desc="extracting", unit="article", disable=quiet, file=self.stderr._out
        )
        eager = services.queue_is_eager()
        if sent is not None:
            outcome["sent"] = sent
        else:
            transaction.on_commit(
                lambda: outcome.update(
                    sent=services.articles_enqueue(
                        article_ids=ids, on_batch=bar.update if eager else None
                    )
                )
            )
        if "sent" not in outcome:  # inside an outer transaction: sent when it commits
            bar.close()
            return outcome
        if wait and not eager:
            finished, changed_at = 0, time.monotonic()
            while finished < len(ids):
                if time.monotonic() - changed_at > settings.NEWSAPP_STALE_AFTER:
                    # nothing finished for that long: the workers are down or the tasks lost;
                    # the articles stay queued for the sweeper, the command stops waiting
                    outcome["stalled"] = len(ids) - finished
                    break
                time.sleep(1)
                now = selectors.article_status_counts(article_ids=ids)
                done = now.get("done", 0) + now.get("failed", 0)
                if done != finished:
                    bar.update(done - finished)
                    finished, changed_at = done, time.monotonic()
        bar.close()
        if eager or wait:
            outcome["finished"] = selectors.article_status_counts(article_ids=ids)
        return outcome


def _collect(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in services.IMPORT_SUFFIXES
            )
        elif path.is_file():
            files.append(path)
        else:
            raise CommandError(f"{path} does not exist")
    return files


def _say(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(m for messages in exc.message_dict.values() for m in messages)
    return str(exc)
