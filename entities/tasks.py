"""Celery tasks: thin wrappers that take an id and call one service."""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError

from entities import services

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=5,
)
def extract_article(self, article_id: int) -> str | None:
    article = services.article_extract(article_id=article_id)
    if article is None:
        return None
    logger.info("article %s extracted: %s", article_id, article.status)
    return article.status
