from django.urls import path, re_path

from entities import views

app_name = "entities"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/new/", views.article_upload, name="article_upload"),
    path("articles/uploads/", views.upload_status, name="upload_status"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
    path("articles/<int:pk>/edit/", views.article_edit, name="article_edit"),
    path("articles/<int:pk>/progress/", views.article_progress, name="article_progress"),
    path("articles/<int:pk>/reprocess/", views.article_reprocess, name="article_reprocess"),
    path("status/", views.ingest_status, name="ingest_status"),
    path("status/retry-failed/", views.ingest_retry_failed, name="ingest_retry_failed"),
    path("status/requeue-stale/", views.ingest_requeue_stale, name="ingest_requeue_stale"),
    path("actors/", views.actor_list, name="actor_list"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor_detail"),
    path("actors/<slug:a>/on/<slug:b>/", views.actor_pair, name="actor_pair"),
    path("actors/<slug:slug>/merge/", views.actor_merge, name="actor_merge"),
    path(
        "actors/<slug:slug>/duplicates/<slug:other>/dismiss/",
        views.actor_duplicate_dismiss,
        name="actor_duplicate_dismiss",
    ),
    path("actors/<slug:slug>/rename/", views.actor_rename, name="actor_rename"),
    path("actors/<slug:slug>/aliases/add/", views.actor_alias_add, name="actor_alias_add"),
    path("actors/<slug:slug>/aliases/remove/", views.actor_alias_remove, name="actor_alias_remove"),
    path("actors/<slug:slug>/update/", views.actor_update, name="actor_update"),
    path("actors/<slug:slug>/reject/", views.actor_reject, name="actor_reject"),
    path("statements/", views.statement_search, name="statement_search"),
    path("statements/export.csv", views.statement_export_csv, name="statement_export_csv"),
    path("statements/export.json", views.statement_export_json, name="statement_export_json"),
    path("statements/<int:pk>/", views.statement_detail, name="statement_detail"),
    path("statements/<int:pk>/speaker/", views.statement_speaker, name="statement_speaker"),
    path("statements/<int:pk>/targets/", views.statement_targets, name="statement_targets"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/<int:pk>/speaker/", views.review_speaker, name="review_speaker"),
    path("review/<int:pk>/targets/", views.review_targets, name="review_targets"),
    path("review/<int:pk>/reviewed/", views.review_mark, name="review_mark"),
    path("statements/<int:pk>/edit/", views.statement_edit, name="statement_edit"),
    path(
        "statements/<int:pk>/speaker-actor/",
        views.statement_speaker_actor,
        name="statement_speaker_actor",
    ),
    path("statements/<int:pk>/not-a-statement/", views.statement_drop, name="statement_drop"),
    path("corrections/<int:pk>/undo/", views.statement_restore, name="statement_restore"),
    path("network/", views.network, name="network"),
    re_path(
        r"^network/export\.(?P<fmt>gexf|graphml)$", views.network_export, name="network_export"
    ),
    path("relations/", views.relation_matrix, name="relations"),
    path("relations/<slug:a>/<slug:b>/", views.relation_pair, name="relation_pair"),
]
