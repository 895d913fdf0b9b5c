from django.urls import path

from entities import views

app_name = "entities"

urlpatterns = [
    path("", views.article_list, name="article_list"),
    path("articles/new/", views.article_upload, name="article_upload"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
    path("articles/<int:pk>/reprocess/", views.article_reprocess, name="article_reprocess"),
    path("status/", views.ingest_status, name="ingest_status"),
    path("status/retry-failed/", views.ingest_retry_failed, name="ingest_retry_failed"),
    path("status/requeue-stale/", views.ingest_requeue_stale, name="ingest_requeue_stale"),
    path("actors/", views.actor_list, name="actor_list"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor_detail"),
]
