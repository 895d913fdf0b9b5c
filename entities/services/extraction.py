"""Running extraction on stored articles and storing what it found."""

from __future__ import annotations

import logging
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F
from django.utils import timezone

from entities import nlp
from entities.models import (
    Article,
    Mention,
    fit_field,
)
from entities.nlp.types import CleanText, ExtractionResult, Metadata
from entities.services.actors import actors_resolve
from entities.services.articles import articles_enqueue
from entities.services.corrections import corrections_apply
from entities.services.identity import article_statements_store
from entities.services.summaries import keeps_summaries, of_article

logger = logging.getLogger(__name__)

GAVE_UP = (
    "Extraction was started {n} times and never finished (its worker stopped each time); "
    "it will not be tried again automatically. Reprocess it to try once more."
)
TOO_SLOW = "Extraction took longer than the time limit and was stopped."
OVER_BUDGET = (
    "Extraction of this article took longer than {budget:g} s (NEWSAPP_EXTRACT_BUDGET) and was "
    "stopped: the text is too long or too unusual in shape to analyse."
)


class _OverBudget(BaseException):
    """Raised by the alarm when an article's budget runs out. A BaseException, so that no
    `except Exception` in the rules or in spaCy swallows it."""


@contextmanager
def _budget(seconds: float) -> Iterator[None]:
    """Interrupt the block with _OverBudget after `seconds` (SIGALRM: Celery's prefork workers
    and gunicorn's sync workers run it in their main thread). Elsewhere, or with no budget, the
    block runs to its end and the caller compares the time it took."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def alarm(signum, frame):
        raise _OverBudget

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def nlp_model_problem() -> str | None:
    """Why the configured spaCy model cannot be used, or None when it is installed."""
    if nlp.model_installed(settings.SPACY_MODEL):
        return None
    return (
        f"The spaCy model {settings.SPACY_MODEL!r} named by SPACY_MODEL is not installed. "
        f"Set SPACY_MODEL to an installed spaCy pipeline, or run: {nlp.MODEL_PACKAGE_HINT}"
    )


def article_extract(*, article_id: int) -> Article | None:
    """Run extraction on one stored article; see articles_extract."""
    done = articles_extract(article_ids=[article_id])
    return done[0] if done else None


def articles_extract(*, article_ids: list[int]) -> list[Article]:
    """Run extraction on stored articles and replace each one's mentions and statements.

    Each article is marked processing, then done, or failed with a reason a user understands;
    one article's failure never stops the others. spaCy runs over them as one nlp.pipe batch.
    `attempts` counts the starts since the article was last extracted successfully: one that
    reaches NEWSAPP_MAX_ATTEMPTS (its worker died each time, or it failed each time) is failed
    instead of being tried again. A duplicate task for an article that is already done simply
    extracts it again: the result replaces the rows, nothing doubles.
    Returns the articles as they are afterwards.
    """
    articles = list(Article.objects.filter(pk__in=article_ids).order_by("pk"))
    missing = set(article_ids) - {a.pk for a in articles}
    if missing:
        logger.warning("articles %s no longer exist; nothing to extract", sorted(missing))
    runnable = []
    for article in articles:
        if article.attempts >= settings.NEWSAPP_MAX_ATTEMPTS:
            _article_fail(article, GAVE_UP.format(n=article.attempts))
        elif reason := nlp.limits.unextractable_reason(article.body):
            _article_fail(article, reason)  # before spaCy: its shape alone would take minutes
        else:
            runnable.append(article)
    if runnable:
        Article.objects.filter(pk__in=[a.pk for a in runnable]).update(
            status=Article.Status.PROCESSING,
            started_at=timezone.now(),
            attempts=F("attempts") + 1,
        )
        _extract_started(runnable)
    return list(Article.objects.filter(pk__in=article_ids).order_by("pk"))


def _extract_started(articles: list[Article]) -> None:
    """Extract articles already marked processing, isolating one that breaks the batch."""
    try:
        pipeline = nlp.load(settings.SPACY_MODEL)
    except Exception as exc:  # not installed, or not a pipeline this extractor can use
        logger.exception("loading spaCy model %r failed", settings.SPACY_MODEL)
        reason = (
            str(exc)
            if isinstance(exc, nlp.ModelNotInstalledError)
            else (
                f"The spaCy model {settings.SPACY_MODEL!r} could not be loaded "
                f"({type(exc).__name__}: {exc})."
            )
        )
        for article in articles:
            _article_fail(article, reason)
        return
    budget = settings.NEWSAPP_EXTRACT_BUDGET
    try:
        results = []
        stream = nlp.extract_clean([_text(a) for a in articles], pipeline)
        for _ in articles:
            started = time.monotonic()
            with _budget(budget):
                results.append(next(stream))
            if budget > 0 and time.monotonic() - started > budget:
                raise _OverBudget  # no alarm here (not the main thread): measured afterwards
    except _OverBudget:
        if len(articles) == 1:
            _article_fail(articles[0], OVER_BUDGET.format(budget=budget))
            return
        # the first article of a batch pays for the whole batch's parse: each alone decides
        for article in articles:
            _extract_started([article])
        return
    except SoftTimeLimitExceeded:
        if len(articles) == 1:
            _article_fail(articles[0], TOO_SLOW)
            return
        # the time ran out for the batch, maybe because of one slow article: send each one in a
        # task of its own, so that only a slow one fails for its slowness
        articles_enqueue(article_ids=[a.pk for a in articles], size=1)
        return
    except Exception:
        if len(articles) == 1:
            _extraction_failed(articles[0])
            return
        # one bad document spoils a batch: find it by running them one by one
        for article in articles:
            _extract_started([article])
        return
    for article, result in zip(articles, results, strict=True):
        _store_or_fail(article, result)


def _text(article: Article) -> CleanText:
    return CleanText(title=article.title, body=article.body, metadata=Metadata())


def _extraction_failed(article: Article) -> None:
    logger.exception("extraction of article %s failed", article.pk)
    exc = sys.exc_info()[1]
    _article_fail(article, f"Extraction failed ({type(exc).__name__}: {exc}).")


def _store_or_fail(article: Article, result: ExtractionResult) -> None:
    try:
        article_store_extraction(article=article, result=result)
    except (OperationalError, InterfaceError):
        raise  # the database itself is unwell: the task retries with backoff
    except Exception as exc:
        logger.exception("storing the extraction of article %s failed", article.pk)
        _article_fail(article, f"Storing the extraction failed ({type(exc).__name__}: {exc}).")


def _article_fail(article: Article, reason: str) -> Article:
    article.status = Article.Status.FAILED
    article.error = reason
    article.finished_at = timezone.now()
    article.save(update_fields=["status", "error", "finished_at", "updated_at"])
    return article


@transaction.atomic
@keeps_summaries(of_article)
def article_store_extraction(*, article: Article, result: ExtractionResult) -> Article:
    """Store `result` as the article's mentions and statements, all in one transaction.

    Mentions are replaced; statements keep their ids where the new extraction finds them again
    (see entities.services.identity). The article's row is locked first: two extractions of one
    article that finish at the same moment (a duplicate task, a double click on Reprocess) store
    their rows one after the other instead of both inserting."""
    Article.objects.select_for_update().filter(pk=article.pk).first()
    Mention.objects.filter(article=article).delete()
    resolved = actors_resolve(extracted=result.actors)
    # an actor an editor rejected keeps no mention, speaks no statement, is no target
    actors = {name: actor for name, actor in resolved.items() if not actor.rejected}
    Mention.objects.bulk_create(
        Mention(
            article=article,
            actor=actors[m.actor],
            start=m.start,
            end=m.end,
            text=fit_field(Mention, "text", m.text),
            label=m.label,
        )
        for m in result.mentions
        if m.actor in actors
    )
    statements = article_statements_store(article=article, result=result, actors=actors)
    corrections_apply(article_id=article.pk, statements=statements)
    article.status = Article.Status.DONE
    article.error = ""
    article.attempts = 0  # counts the starts since the last success
    article.pipeline_version = result.pipeline_version
    article.model_name = result.model
    article.finished_at = timezone.now()
    article.save(
        update_fields=[
            "status", "error", "attempts", "pipeline_version", "model_name", "finished_at",
            "updated_at",
        ]
    )  # fmt: skip
    return article
