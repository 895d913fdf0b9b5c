"""The task queue as the services see it: whether tasks run in-process, how many wait in the
broker, and sending extraction. The one module of the app that imports the Celery app.

Tasks import services; services never import `entities.tasks`. They send the extraction tasks
through the Celery app's registry, by name: `EntitiesConfig.ready` imports the tasks, so every
process that has Django set up has them registered.
"""

from __future__ import annotations

import logging

from kombu.exceptions import ChannelError

from newsapp.celery import app

logger = logging.getLogger(__name__)

EXTRACT_ARTICLE = "entities.tasks.extract_article"
EXTRACT_ARTICLES = "entities.tasks.extract_articles"


def queue_is_eager() -> bool:
    """True when tasks run in-process as they are sent (no broker configured)."""
    return bool(app.conf.task_always_eager)


def queue_depth() -> int | None:
    """Tasks waiting in the broker's default queue; None when it cannot be known (no broker)."""
    if app.conf.task_always_eager:
        return None
    try:
        with app.connection_for_read() as conn:
            name = app.conf.task_default_queue
            try:
                return conn.default_channel.queue_declare(queue=name, passive=True).message_count
            except ChannelError:
                return 0  # Redis deletes an empty list: a queue that is not there is empty
    except Exception:
        logger.warning("could not read the queue depth from the broker", exc_info=True)
        return None


def extraction_send(*, article_ids: list[int]) -> None:
    """One task for one article, one batch task for several; raises what the broker raises."""
    if len(article_ids) == 1:
        app.tasks[EXTRACT_ARTICLE].delay(article_ids[0])
    else:
        app.tasks[EXTRACT_ARTICLES].delay(article_ids)
