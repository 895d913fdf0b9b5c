"""Writes: every change to articles, actors and extracted rows goes through these functions."""

from entities.services.actors import actors_resolve, normalise_alias
from entities.services.article_edits import article_details_update
from entities.services.articles import (
    ARTICLE_EMPTY,
    ARTICLE_NO_TEXT,
    ARTICLE_TOO_LONG,
    ARTICLE_TOO_SHORT,
    ArticleSaved,
    article_create,
    article_enqueue_extraction,
    article_save,
    articles_enqueue,
    articles_reprocess,
    articles_requeue_stale,
    content_hash,
)
from entities.services.corrections import corrections_apply
from entities.services.curation import (
    actor_alias_add,
    actor_alias_remove,
    actor_merge,
    actor_reject,
    actor_rename,
    actor_update,
    possible_duplicate_dismiss,
)
from entities.services.duplicates import names_alike, possible_duplicates_find
from entities.services.extraction import (
    article_extract,
    article_store_extraction,
    articles_extract,
    nlp_model_problem,
)
from entities.services.inputs import (
    IMPORT_SUFFIXES,
    UPLOAD_SUFFIXES,
    ArticleInput,
    article_fetch,
    article_text_from_upload,
)
from entities.services.queue import queue_depth, queue_is_eager
from entities.services.review import statement_mark_reviewed, statement_unmark_reviewed
from entities.services.statement_actors import statement_speaker_set, statement_targets_set
from entities.services.statement_edits import (
    span_validate,
    statement_drop,
    statement_edit,
    statement_kind_set,
    statement_restore,
    statement_span_set,
    statement_speaker_actor_create,
    statement_text,
)
from entities.services.summaries import (
    summaries_differences,
    summaries_kept,
    summaries_rebuild,
)
from entities.services.uploads import UploadOutcome, uploads_create, validation_message

__all__ = [
    "ARTICLE_EMPTY",
    "ARTICLE_NO_TEXT",
    "ARTICLE_TOO_LONG",
    "ARTICLE_TOO_SHORT",
    "IMPORT_SUFFIXES",
    "UPLOAD_SUFFIXES",
    "ArticleInput",
    "ArticleSaved",
    "UploadOutcome",
    "actor_alias_add",
    "actor_alias_remove",
    "actor_merge",
    "actor_reject",
    "actor_rename",
    "actor_update",
    "actors_resolve",
    "article_create",
    "article_details_update",
    "article_enqueue_extraction",
    "article_extract",
    "article_fetch",
    "article_save",
    "article_store_extraction",
    "article_text_from_upload",
    "articles_enqueue",
    "articles_extract",
    "articles_reprocess",
    "articles_requeue_stale",
    "content_hash",
    "corrections_apply",
    "names_alike",
    "nlp_model_problem",
    "normalise_alias",
    "possible_duplicate_dismiss",
    "possible_duplicates_find",
    "queue_depth",
    "queue_is_eager",
    "span_validate",
    "statement_drop",
    "statement_edit",
    "statement_kind_set",
    "statement_mark_reviewed",
    "statement_restore",
    "statement_span_set",
    "statement_speaker_actor_create",
    "statement_speaker_set",
    "statement_targets_set",
    "statement_text",
    "statement_unmark_reviewed",
    "summaries_differences",
    "summaries_kept",
    "summaries_rebuild",
    "uploads_create",
    "validation_message",
]
