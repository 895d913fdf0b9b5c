"""Who may do what through the API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS, BasePermission

if TYPE_CHECKING:  # rest_framework.views imports this module through the API settings
    from rest_framework.request import Request
    from rest_framework.views import APIView


class ReadPublicWriteAuthenticated(BasePermission):
    """Reading is public unless NEWSAPP_READ_REQUIRES_LOGIN; writing needs a user."""

    def has_permission(self, request: Request, view: APIView) -> bool:
        authenticated = bool(request.user and request.user.is_authenticated)
        if request.method in SAFE_METHODS:
            return authenticated or not settings.NEWSAPP_READ_REQUIRES_LOGIN
        return authenticated


class IsEditor(BasePermission):
    """Curation: users with the entities.curate permission."""

    message = "Curation needs the entities.curate permission (editors)."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return bool(request.user and request.user.has_perm("entities.curate"))


class CanReprocess(BasePermission):
    """Re-running extraction: users with the entities.change_article permission."""

    message = "Reprocessing needs the entities.change_article permission."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return bool(request.user and request.user.has_perm("entities.change_article"))
