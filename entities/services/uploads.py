"""A batch of uploaded files: each file is read and saved on its own, so that one bad file
costs only itself. The outcome of each (an article, the article it duplicates, or the reason
it was refused) is what the upload status page shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ValidationError

from entities.services.articles import article_save
from entities.services.inputs import article_text_from_upload


class UploadedFile(Protocol):
    name: str | None
    size: int | None

    def read(self) -> bytes: ...


@dataclass(frozen=True)
class UploadOutcome:
    """One file of a batch: `article_id` set when it was saved or matched an existing article
    (`created` false, `same` saying whether by "text" or "address"), `error` when refused."""

    name: str
    article_id: int | None = None
    created: bool = False
    same: str = ""
    error: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def uploads_create(
    *,
    files: Iterable[UploadedFile],
    publisher: str = "",
    published_at: date | None = None,
    uploaded_by=None,
) -> list[UploadOutcome]:
    """Save each file as an article (each in its own transaction, through article_save) and
    say what became of it. Titles and addresses are each file's own; the publisher and date
    given apply to all."""
    outcomes: list[UploadOutcome] = []
    limit = settings.NEWSAPP_MAX_UPLOAD_BYTES
    for upload in files:
        name = upload.name or "(unnamed file)"
        size = upload.size or 0
        if size > limit:  # refused before it is read into memory
            outcomes.append(
                UploadOutcome(
                    name, error=f"{name} is {size:,} bytes; files up to {limit:,} are accepted."
                )
            )
            continue
        try:
            given = article_text_from_upload(name=name, data=upload.read())
            saved = article_save(
                raw=given.raw,
                title=given.title,
                publisher=publisher,
                published_at=published_at or given.published,
                uploaded_by=uploaded_by,
            )
        except ValidationError as exc:
            outcomes.append(UploadOutcome(name, error=validation_message(exc)))
            continue
        outcomes.append(UploadOutcome(name, saved.article.pk, saved.created, saved.same))
    return outcomes


def validation_message(exc: ValidationError) -> str:
    """Every message of a ValidationError, as one line."""
    if hasattr(exc, "error_dict"):
        return " ".join(m for ms in exc.message_dict.values() for m in ms)
    return " ".join(exc.messages)
