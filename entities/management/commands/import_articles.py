"""python manage.py import_articles PATH... : import .txt and .html files and folders."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from entities import services
from entities.forms import ALLOWED_SUFFIXES


class Command(BaseCommand):
    help = "Import articles from .txt and .html files, or folders of them, and queue extraction."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)

    def handle(self, *args, paths: list[Path], **options):
        files = _collect(paths)
        imported = duplicates = failed = 0
        for path in files:
            try:
                raw = path.read_text(encoding="utf-8-sig")
                article, created = services.article_create(raw=raw)
            except (UnicodeDecodeError, ValidationError) as exc:
                failed += 1
                reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else _say(exc)
                self.stderr.write(f"failed    {path}: {reason}")
                continue
            if created:
                imported += 1
                self.stdout.write(f"imported  {path} -> article {article.pk}")
            else:
                duplicates += 1
                self.stdout.write(f"duplicate {path} = article {article.pk}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{imported} imported, {duplicates} duplicates, {failed} failed "
                f"({len(files)} files)"
            )
        )
        if failed and not imported and not duplicates:
            raise CommandError("no file could be imported")


def _collect(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ALLOWED_SUFFIXES
            )
        elif path.is_file():
            files.append(path)
        else:
            raise CommandError(f"{path} does not exist")
    return files


def _say(exc: ValidationError) -> str:
    return "; ".join(m for messages in exc.message_dict.values() for m in messages)
