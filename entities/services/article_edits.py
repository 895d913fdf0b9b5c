"""Editing an article's details (title, publisher, publication date, address, authors) after
upload: the fix for an undated article that falls out of charts and date filters, or a batch
file whose title came out wrong. Each edit is recorded as a Correction (who, when, the fields
before and after)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from entities.models import Article, Correction
from entities.services.summaries import keeps_summaries, of_article
from entities.validators import clean_text, validate_publication_date

EDITABLE = ("title", "publisher", "published_at", "url", "authors")
TITLE_REQUIRED = "Give the article a title."
URL_TAKEN = "Article {pk} (“{title}”) already has this address."


def _day(value: datetime | None) -> date | None:
    return timezone.localtime(value).date() if value else None


def _snapshot(article: Article) -> dict:
    return {
        "title": article.title,
        "publisher": article.publisher,
        "published_at": d.isoformat() if (d := _day(article.published_at)) else None,
        "url": article.url or "",
        "authors": list(article.authors or []),
    }


@transaction.atomic
@keeps_summaries(of_article)
def article_details_update(
    *,
    article: Article,
    user,
    title: str,
    publisher: str = "",
    published_at: date | None = None,
    url: str = "",
    authors: list[str] | None = None,
) -> list[str]:
    """Change an article's details and record what changed; returns the changed fields' names
    (none: nothing is written). The title is what a reprocess reads as the headline: statements
    made in the old one stay until the article is reprocessed (the caller says so)."""
    title = " ".join(clean_text(title).split())
    if not title:
        raise ValidationError({"title": TITLE_REQUIRED})
    url = url.strip()
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as exc:
            raise ValidationError({"url": "Give an http or https address."}) from exc
        taken = Article.objects.filter(url=url).exclude(pk=article.pk).first()
        if taken is not None:
            raise ValidationError({"url": URL_TAKEN.format(pk=taken.pk, title=taken.title)})
    try:
        validate_publication_date(published_at)
    except ValidationError as exc:
        raise ValidationError({"published_at": exc.messages}) from exc
    locked = Article.objects.select_for_update().get(pk=article.pk)
    before = _snapshot(locked)
    locked.title = title[:500]
    locked.publisher = " ".join(clean_text(publisher).split())[:200]
    if published_at != _day(locked.published_at):
        locked.published_at = (
            timezone.make_aware(datetime.combine(published_at, time(12, 0)))
            if published_at
            else None
        )
    locked.url = url or None
    locked.authors = [a for a in (" ".join(clean_text(x).split()) for x in authors or []) if a]
    after = _snapshot(locked)
    changed = [field for field in EDITABLE if before[field] != after[field]]
    if not changed:
        return []
    locked.save(update_fields=[*changed, "updated_at"])
    Correction.objects.create(
        kind=Correction.Kind.ARTICLE,
        article=locked,
        created_by=user,
        data={
            "before": {f: before[f] for f in changed},
            "after": {f: after[f] for f in changed},
        },
    )
    for field in EDITABLE:
        setattr(article, field, getattr(locked, field))
    return changed
