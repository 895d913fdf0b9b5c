"""HTML views: parse the request, call a selector or a service, render a template."""

from entities.views.actors import actor_detail, actor_list, actor_pair
from entities.views.article_edit import article_edit
from entities.views.articles import (
    article_detail,
    article_list,
    article_progress,
    article_reprocess,
    home,
)
from entities.views.common import read_access
from entities.views.curation import (
    actor_alias_add,
    actor_alias_remove,
    actor_duplicate_dismiss,
    actor_merge,
    actor_reject,
    actor_rename,
    actor_update,
    statement_drop,
    statement_edit,
    statement_restore,
    statement_speaker,
    statement_speaker_actor,
    statement_targets,
)
from entities.views.ingest import ingest_requeue_stale, ingest_retry_failed, ingest_status
from entities.views.network import network, network_export
from entities.views.relations import relation_matrix, relation_pair
from entities.views.review import review_mark, review_queue, review_speaker, review_targets
from entities.views.search import search
from entities.views.statements import (
    statement_detail,
    statement_export_csv,
    statement_export_json,
    statement_search,
)
from entities.views.upload import article_upload, upload_status

__all__ = [
    "actor_alias_add",
    "actor_alias_remove",
    "actor_detail",
    "actor_duplicate_dismiss",
    "actor_list",
    "actor_merge",
    "actor_pair",
    "actor_reject",
    "actor_rename",
    "actor_update",
    "article_detail",
    "article_edit",
    "article_list",
    "article_progress",
    "article_reprocess",
    "article_upload",
    "home",
    "ingest_requeue_stale",
    "ingest_retry_failed",
    "ingest_status",
    "network",
    "network_export",
    "read_access",
    "relation_matrix",
    "relation_pair",
    "review_mark",
    "review_queue",
    "review_speaker",
    "review_targets",
    "search",
    "statement_detail",
    "statement_drop",
    "statement_edit",
    "statement_export_csv",
    "statement_export_json",
    "statement_restore",
    "statement_search",
    "statement_speaker",
    "statement_speaker_actor",
    "statement_targets",
    "upload_status",
]
