"""/api/v1/: the resources, the OpenAPI schema and its documentation pages (served locally)."""

from django.urls import path, re_path
from rest_framework.routers import DefaultRouter

from entities.api import views
from entities.api.docs import LocalRedocView, LocalSchemaView, LocalSwaggerView
from entities.api.views.base import api_not_found

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False  # views.ApiRootView lists the documentation as well
router.register("articles", views.ArticleViewSet, basename="article")
router.register("actors", views.ActorViewSet, basename="actor")
router.register("statements", views.StatementViewSet, basename="statement")
router.register("review", views.ReviewViewSet, basename="review")
router.register("relations", views.RelationViewSet, basename="relation")

urlpatterns = [
    path("", views.ApiRootView.as_view(), name="root"),
    path("schema/", LocalSchemaView.as_view(), name="schema"),
    path("docs/", LocalSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", LocalRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("graph/", views.GraphView.as_view(), name="graph"),
    path("graph/export/", views.GraphExportView.as_view(), name="graph_export"),
    *router.urls,
    re_path(r"^[\s\S]*$", api_not_found),  # anything else under /api/v1/, newlines too: a JSON 404
]
