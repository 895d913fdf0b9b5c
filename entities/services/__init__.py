"""Writes: every change to articles, actors and extracted rows goes through these functions."""

from entities import nlp
from entities.services.actors import actors_resolve, normalise_alias
from entities.services.articles import (
    ARTICLE_EMPTY,
    ARTICLE_NO_TEXT,
    ARTICLE_TOO_LONG,
    article_create,
    article_enqueue_extraction,
    articles_enqueue,
    articles_reprocess,
    articles_requeue_stale,
    content_hash,
    queue_depth,
)
from entities.services.extraction import (
    article_extract,
    article_store_extraction,
    articles_extract,
    nlp_model_problem,
)

__all__ = [
    "ARTICLE_EMPTY",
    "ARTICLE_NO_TEXT",
    "ARTICLE_TOO_LONG",
    "actors_resolve",
    "article_create",
    "article_enqueue_extraction",
    "article_extract",
    "article_store_extraction",
    "articles_enqueue",
    "articles_extract",
    "articles_reprocess",
    "articles_requeue_stale",
    "content_hash",
    "nlp",
    "nlp_model_problem",
    "normalise_alias",
    "queue_depth",
]
