from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EntitiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "entities"
    verbose_name = _("News entities")

    def ready(self) -> None:
        from entities import checks  # noqa: F401 - registers the system checks
