"""Writes on articles: create, enqueue, reprocess, sweep."""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Case, Q, When
from django.utils import timezone

from entities import nlp
from entities.models import Article, fit_field
from entities.services.parsing import html_clean
from entities.services.queue import extraction_send, queue_depth
from entities.validators import clean_text

logger = logging.getLogger(__name__)

UNSENT_GRACE = 60  # seconds an upload's own enqueue may take before the sweeper steps in

ARTICLE_EMPTY = "The article is empty: paste its text or choose a file."
ARTICLE_NO_TEXT = "No article text could be found in this input."
ARTICLE_TOO_LONG = "The article is {size:,} characters long; the limit is {limit:,}."
ARTICLE_TOO_SHORT = (
    "The text has {words:,} words of article text; at least {minimum:,} are needed "
    "(a news brief of one sentence has about 30). Is the article in it?"
)
ARTICLE_ONLY_FURNITURE = (
    "The text is only site furniture (menus, cookie notices, sign-in, subscription and "
    "copyright lines): {words:,} words of article text, at least {minimum:,} are needed."
)


def content_hash(body: str) -> str:
    """Hash of the body with case, quote styles and whitespace normalised away."""
    text = unicodedata.normalize("NFKC", body).lower()
    text = re.sub(r"[“”„«»\"]", '"', text)
    text = re.sub(r"[‘’`]", "'", text)
    text = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _as_datetime(value: date | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time(12, 0)))


@dataclass(frozen=True)
class ArticleSaved:
    article: Article
    created: bool
    # why an existing article was returned: "text" (the same normalised body) or "address"
    same: str = ""


def article_create(
    *,
    raw: str,
    title: str = "",
    url: str = "",
    publisher: str = "",
    published_at: date | datetime | None = None,
    uploaded_by=None,
    enqueue: bool = True,
    isolate_parsing: bool = True,
) -> tuple[Article, bool]:
    """Save an article as queued and enqueue its extraction once the transaction commits
    (unless enqueue=False: bulk imports send their tasks in batches with articles_enqueue).

    Returns (article, created): an article with the same URL or the same normalised body is
    returned as it is, and nothing new is stored. article_save says which of the two matched.
    """
    saved = article_save(
        raw=raw,
        title=title,
        url=url,
        publisher=publisher,
        published_at=published_at,
        uploaded_by=uploaded_by,
        enqueue=enqueue,
        isolate_parsing=isolate_parsing,
    )
    return saved.article, saved.created


@transaction.atomic
def article_save(
    *,
    raw: str,
    title: str = "",
    url: str = "",
    publisher: str = "",
    published_at: date | datetime | None = None,
    uploaded_by=None,
    enqueue: bool = True,
    isolate_parsing: bool = True,
) -> ArticleSaved:
    """article_create, saying why an existing article was returned.

    HTML is parsed in a child process bounded in time and memory (services.parsing), so that
    no page can hold the web worker that received it; isolate_parsing=False parses it here
    (the import command, which no web request waits on).
    """
    # every way in (pasted, uploaded, fetched, imported) ends here: no NUL reaches the database
    raw, title, publisher = clean_text(raw or ""), clean_text(title), clean_text(publisher)
    if not raw.strip():
        raise ValidationError({"text": ARTICLE_EMPTY})
    limit = settings.NEWSAPP_MAX_ARTICLE_CHARS
    if len(raw) > limit:
        raise ValidationError({"text": ARTICLE_TOO_LONG.format(size=len(raw), limit=limit)})
    is_html = nlp.clean.looks_like_html(raw)
    if is_html and isolate_parsing:
        cleaned = html_clean(raw=raw)
    else:
        cleaned = nlp.clean.clean(raw, take_title=not title)
    if not cleaned.body.strip():
        raise ValidationError({"text": ARTICLE_NO_TEXT})
    if reason := nlp.limits.unextractable_reason(cleaned.body):
        raise ValidationError({"text": ValidationError(reason, code="unextractable")})
    _check_substance(cleaned.body)
    url = url or _page_url(cleaned.metadata.url)
    digest = content_hash(cleaned.body)
    existing = _existing(digest=digest, url=url)
    if existing is not None:
        return _found(existing, digest)
    article = Article(
        title=fit_field(Article, "title", title or cleaned.title or _title_from(cleaned.body)),
        body=cleaned.body,
        raw=raw,
        raw_format=Article.Format.HTML if is_html else Article.Format.TEXT,
        url=url or None,
        publisher=publisher or cleaned.metadata.publisher,
        published_at=_as_datetime(
            published_at
            or cleaned.metadata.published
            or nlp.dateline.dateline_date(cleaned.body, today=timezone.localdate())
        ),
        authors=list(cleaned.metadata.authors),
        content_hash=digest,
        status=Article.Status.QUEUED,
        queued_at=timezone.now(),
        uploaded_by=uploaded_by,
    )
    # Uniqueness is the database's to decide, at the insert: checked here, a concurrent upload
    # committed since _existing() would become a form error ("Article with this Content hash
    # already exists") instead of the existing article.
    article.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # a concurrent upload of the same article (same body or same URL) won the race
        existing = _existing(digest=digest, url=url)
        if existing is None:
            raise
        return _found(existing, digest)
    if enqueue:
        transaction.on_commit(lambda: article_enqueue_extraction(article_id=article.pk))
    return ArticleSaved(article, True)


def _found(existing: Article, digest: str) -> ArticleSaved:
    return ArticleSaved(existing, False, "text" if existing.content_hash == digest else "address")


def _check_substance(body: str) -> None:
    """Refuse a text with too few words of article text: a blank page, a page of menus."""
    minimum = settings.NEWSAPP_MIN_ARTICLE_WORDS
    words = nlp.substance.article_words(body)
    if words >= minimum:
        return
    everything = nlp.substance.total_words(body)
    if everything >= minimum:
        message = ARTICLE_ONLY_FURNITURE.format(words=words, minimum=minimum)
    else:
        message = ARTICLE_TOO_SHORT.format(words=words, minimum=minimum)
    raise ValidationError({"text": ValidationError(message, code="too_short")})


def _existing(*, digest: str, url: str) -> Article | None:
    """The article already stored with this normalised body, or else with this URL."""
    same = Q(content_hash=digest) | Q(url=url) if url else Q(content_hash=digest)
    # the same body first: a different text at a known URL is still that URL's article
    return (
        Article.objects.filter(same)
        .order_by(Case(When(content_hash=digest, then=0), default=1), "pk")
        .first()
    )


def _page_url(value: str) -> str:
    """The page's own address from its metadata (canonical link, og:url) when it is a valid
    http(s) URL, else none: a malformed one must not make the article impossible to upload."""
    if not value or len(value) > (Article._meta.get_field("url").max_length or 0):
        return ""
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return ""
    return value


def _title_from(body: str) -> str:
    first = body.strip().split("\n", 1)[0]
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "..."


def article_enqueue_extraction(*, article_id: int) -> bool:
    """Send the extraction task; if the broker is down the article stays queued (not lost)."""
    return articles_enqueue(article_ids=[article_id]) == 1


def articles_enqueue(
    *,
    article_ids: list[int],
    on_batch: Callable[[int], None] | None = None,
    size: int | None = None,
) -> int:
    """Send extraction tasks, in batches of NEWSAPP_EXTRACT_BATCH, and record which were sent.

    Returns how many articles the broker accepted; the others stay queued with no
    enqueued_at, for the sweeper to send again.
    """
    size = size or settings.NEWSAPP_EXTRACT_BATCH
    sent = 0
    for start in range(0, len(article_ids), size):
        batch = article_ids[start : start + size]
        try:
            extraction_send(article_ids=batch)
        except Exception:
            logger.exception("could not enqueue articles %s; they stay queued", batch)
            continue
        # in eager mode the task has already run (and may have set nothing): stamp the rows
        # not yet stamped
        Article.objects.filter(pk__in=batch, enqueued_at__isnull=True).update(
            enqueued_at=timezone.now()
        )
        sent += len(batch)
        if on_batch is not None:
            on_batch(len(batch))
    return sent


@transaction.atomic
def articles_reprocess(
    *, failed: bool = False, every: bool = False, older_than_pipeline: str = "", ids=()
) -> list[int]:
    """Queue articles for extraction again: the failed ones, all, those extracted by a pipeline
    older than a version, or the given ids. Their current rows stay until the new extraction
    replaces them, in one transaction. Returns the ids queued."""
    qs = Article.objects.all()
    if ids:
        qs = qs.filter(pk__in=list(ids))
    elif failed:
        qs = qs.filter(status=Article.Status.FAILED)
    elif not every and not older_than_pipeline:
        return []
    chosen = list(qs.values_list("pk", "pipeline_version"))
    if older_than_pipeline:
        bound = _version(older_than_pipeline)
        chosen = [(pk, v) for pk, v in chosen if not v or _version(v) < bound]
    article_ids = [pk for pk, _ in chosen]
    Article.objects.filter(pk__in=article_ids).update(
        status=Article.Status.QUEUED,
        queued_at=timezone.now(),
        enqueued_at=None,
        started_at=None,
        attempts=0,
        error="",
    )
    transaction.on_commit(lambda: articles_enqueue(article_ids=article_ids))
    return article_ids


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", text)) or (0,)


def articles_requeue_stale(*, older_than: int | None = None) -> list[int]:
    """Send again what the workers will never see: queued articles the broker never accepted,
    and articles left queued or processing longer than NEWSAPP_STALE_AFTER seconds (a worker
    that died, a message that was lost). Extraction is idempotent, so a duplicate is harmless.
    """
    seconds = settings.NEWSAPP_STALE_AFTER if older_than is None else older_than
    now = timezone.now()
    cutoff = now - timedelta(seconds=seconds)
    # never accepted by the broker: send soon, but not while the upload's own send is on its way
    unsent_cutoff = now - timedelta(seconds=min(seconds, UNSENT_GRACE))
    stale = Q(status=Article.Status.QUEUED, enqueued_at__isnull=True, queued_at__lt=unsent_cutoff)
    stale |= Q(status=Article.Status.PROCESSING, started_at__lt=cutoff)
    if queue_depth() == 0:
        # sent long ago, yet nothing waits in the queue: the message was lost. With a backlog
        # in the queue, a long wait is normal and sending again would only duplicate work.
        stale |= Q(status=Article.Status.QUEUED, enqueued_at__lt=cutoff)
    article_ids = list(Article.objects.filter(stale).order_by("pk").values_list("pk", flat=True))
    if article_ids:
        logger.warning("re-enqueueing %s stale articles: %s", len(article_ids), article_ids)
        # queued again from now: the next sweep counts its wait afresh instead of sending it
        # on every run (a processing one whose worker is alive after all just finishes)
        Article.objects.filter(pk__in=article_ids).update(
            status=Article.Status.QUEUED, queued_at=now, enqueued_at=None
        )
        # one per task: an article that killed its worker must not take a batch down again
        articles_enqueue(article_ids=article_ids, size=1)
    return article_ids
