from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

from entities.folding import fold


def _sqlite_functions(sender, connection, **kwargs) -> None:
    """SQLite searches statements folded as names are (entities.selectors.statements)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("newsapp_fold", 1, _fold_or_null, deterministic=True)


def _fold_or_null(text: str | None) -> str | None:
    return None if text is None else fold(text)


class EntitiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "entities"
    verbose_name = _("News entities")

    def ready(self) -> None:
        # checks registers the system checks; tasks registers the Celery tasks, which
        # services.queue sends by name (services never import tasks)
        from entities import checks, summary_signals, tasks  # noqa: F401

        summary_signals.connect()

        connection_created.connect(_sqlite_functions, dispatch_uid="entities_sqlite_functions")
