"""API views, one module per resource."""

from entities.api.views.actors import ActorViewSet
from entities.api.views.articles import ArticleViewSet
from entities.api.views.graph import GraphExportView, GraphView
from entities.api.views.relations import RelationViewSet
from entities.api.views.review import ReviewViewSet
from entities.api.views.root import ApiRootView
from entities.api.views.statements import StatementViewSet

__all__ = [
    "ActorViewSet",
    "ApiRootView",
    "ArticleViewSet",
    "GraphExportView",
    "GraphView",
    "RelationViewSet",
    "ReviewViewSet",
    "StatementViewSet",
]
