"""Celery tasks: thin wrappers that take ids and call one service."""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError

from entities import services

logger = logging.getLogger(__name__)

# Transient failures of the database are retried with exponential backoff; anything else is
# recorded on the article as its failure reason by the service.
RETRY = {
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "max_retries": 5,
}


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, **RETRY)
def extract_article(self, article_id: int) -> str | None:
    article = services.article_extract(article_id=article_id)
    if article is None:
        return None
    logger.info("article %s extracted: %s", article_id, article.status)
    return article.status


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, **RETRY)
def extract_articles(self, article_ids: list[int]) -> dict[str, int]:
    articles = services.articles_extract(article_ids=article_ids)
    counts: dict[str, int] = {}
    for article in articles:
        counts[article.status] = counts.get(article.status, 0) + 1
    logger.info("articles %s extracted: %s", article_ids, counts)
    return counts


@shared_task
def requeue_stale() -> int:
    return len(services.articles_requeue_stale())
