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
    RetiredStatement,
    Statement,
    StatementTarget,
    fit_field,
)
from entities.nlp import types as nlp_types
from entities.nlp.types import CleanText, ExtractionResult, Metadata
from entities.services.actors import actors_resolve
from entities.services.articles import articles_enqueue
from entities.services.curation import corrections_apply
from entities.services.identity import Placed, statements_match

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


def _targets(rows, statements, actors) -> list[StatementTarget]:
    """One target per statement and actor: two names in the text may be one actor in the
    database ("Google" and "Microsoft" after an editor merged them), so the first mention
    counts. Never the speaker."""
    out = []
    for row, s in zip(rows, statements, strict=True):
        speaker = actors.get(s.speaker) if s.speaker else None
        seen: set[int] = set()
        for t in s.targets:
            actor = actors.get(t.actor)
            if actor is None or actor == speaker or actor.pk in seen:
                continue
            seen.add(actor.pk)
            out.append(
                StatementTarget(
                    statement=row, actor=actor, start=t.start, end=t.end, stance=t.stance
                )
            )
    return out


# what extraction decides of a statement: a statement it finds again gets these updated in place
STATEMENT_FIELDS = [
    "speaker", "speaker_text", "speaker_start", "speaker_end", "cue", "cue_lemma", "cue_class",
    "cue_start", "cue_end", "content", "content_start", "content_end", "fragments", "kind",
    "confidence", "in_title",
]  # fmt: skip


def _column(field: str) -> str:
    return "speaker_id" if field == "speaker" else field


def _fill(row: Statement, s: nlp_types.Statement, actors: dict) -> Statement:
    row.speaker = actors.get(s.speaker) if s.speaker else None
    row.speaker_text = fit_field(Statement, "speaker_text", s.speaker_text)
    row.speaker_start, row.speaker_end = s.speaker_start, s.speaker_end
    row.cue = fit_field(Statement, "cue", s.cue)
    row.cue_lemma = fit_field(Statement, "cue_lemma", s.cue_lemma)
    row.cue_class = s.cue_class
    row.cue_start, row.cue_end = s.cue_start, s.cue_end
    row.content = s.content
    row.content_start, row.content_end = s.content_start, s.content_end
    row.fragments = [list(f) for f in s.fragments]
    row.kind = s.kind
    row.confidence = s.confidence
    row.in_title = s.in_title
    return row


def _placed_row(row: Statement) -> Placed:
    return Placed(
        row.in_title, row.content_start, row.content_end, row.speaker_id, row.speaker_text
    )


def _placed_new(s: nlp_types.Statement, actors: dict) -> Placed:
    speaker = actors.get(s.speaker) if s.speaker else None
    return Placed(
        s.in_title, s.content_start, s.content_end, speaker.pk if speaker else None, s.speaker_text
    )


def _statements_store(article: Article, result: ExtractionResult, actors: dict) -> list[Statement]:
    """Store the extracted statements over the article's current ones, keeping ids: a statement
    found again (entities.services.identity) keeps its row, updated in place, its targets
    replaced; a new one is created; one no longer found is retired (its id answers 410), unless
    an editor reviewed it. A reviewed statement is left exactly as the editor confirmed it,
    found again or not. Returns the article's statements afterwards."""
    # locked: an editor's review of one of them waits for this transaction, or this one reads
    # the review (a statement reviewed meanwhile must not be retired)
    old = list(
        Statement.objects.filter(article=article)
        .select_related("speaker")
        .select_for_update(of=("self",))
        .order_by("pk")
    )
    matches = statements_match(
        old=[_placed_row(row) for row in old],
        new=[_placed_new(s, actors) for s in result.statements],
    )
    updated: list[tuple[Statement, nlp_types.Statement]] = []
    created: list[tuple[Statement, nlp_types.Statement]] = []
    changes: list[tuple[int, dict]] = []
    for i, s in enumerate(result.statements):
        j = matches.get(i)
        if j is None:
            created.append((_fill(Statement(article=article), s, actors), s))
        elif old[j].reviewed_at is None:
            before = {f: getattr(old[j], _column(f)) for f in STATEMENT_FIELDS}
            updated.append((_fill(old[j], s, actors), s))
            after = {f: getattr(old[j], _column(f)) for f in STATEMENT_FIELDS}
            if after != before:
                changes.append((old[j].pk, {f: v for f, v in after.items() if before[f] != v}))
    found = set(matches.values())
    retired = [row for j, row in enumerate(old) if j not in found and row.reviewed_at is None]
    now = timezone.now()
    RetiredStatement.objects.bulk_create(
        RetiredStatement(
            id=row.pk,
            article=article,
            in_title=row.in_title,
            content_start=row.content_start,
            content_end=row.content_end,
            content=row.content,
            speaker=fit_field(
                RetiredStatement, "speaker", row.speaker.name if row.speaker else row.speaker_text
            ),
            retired_at=now,
        )
        for row in retired
    )
    Statement.objects.filter(pk__in=[row.pk for row in retired]).delete()
    StatementTarget.objects.filter(statement__in=[row for row, _ in updated]).delete()
    # one UPDATE per changed row, of its changed columns: a row found unchanged (the usual case)
    # costs nothing, and bulk_update's CASE over every row and field took seconds (bench/)
    for pk, changed in changes:
        Statement.objects.filter(pk=pk).update(**changed)
    Statement.objects.bulk_create([row for row, _ in created])
    fresh = updated + created
    StatementTarget.objects.bulk_create(
        _targets([row for row, _ in fresh], [s for _, s in fresh], actors)
    )
    logger.info(
        "article %s: %d statements found again (%d changed), %d new, %d retired, %d reviewed kept "
        "as they were",
        article.pk, len(updated), len(changes), len(created), len(retired),
        sum(1 for row in old if row.reviewed_at is not None),
    )  # fmt: skip
    gone = {row.pk for row in retired}
    return sorted(
        [row for row in old if row.pk not in gone] + [row for row, _ in created],
        key=lambda row: (row.in_title, row.content_start, row.pk),
    )


@transaction.atomic
def article_store_extraction(*, article: Article, result: ExtractionResult) -> Article:
    """Store `result` as the article's mentions and statements, all in one transaction.

    Mentions are replaced; statements keep their ids where the new extraction finds them again
    (see _statements_store). The article's row is locked first: two extractions of one article
    that finish at the same moment (a duplicate task, a double click on Reprocess) store their
    rows one after the other instead of both inserting."""
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
    statements = _statements_store(article, result, actors)
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
