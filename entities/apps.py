from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EntitiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "entities"
    verbose_name = _("News entities")

    def ready(self) -> None:
        # checks registers the system checks; tasks registers the Celery tasks, which
        # services.queue sends by name (services never import tasks)
        from entities import checks, tasks  # noqa: F401
