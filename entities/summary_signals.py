"""Summaries kept in step with rows saved one at a time outside the services: the admin, the
shell, fixtures and tests save statements, targets, mentions, articles and actors through
Model.save() and delete articles through the admin. The services wrap their (bulk) writes in
entities.services.summaries.summaries_kept, whose articles these handlers then leave alone.

Only save signals, and delete signals of articles: a delete receiver on statements or mentions
would stop Django from deleting them in one statement (extraction replaces an article's mentions
with one DELETE)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from entities.models import Actor, Article, Mention, Statement, StatementTarget
from entities.services.summaries import (
    articles_naming,
    summaries_after,
    summaries_before,
    summaries_uncovered,
)

_ACTOR_FIELDS = ("kind", "country_id", "merged_into_id", "rejected")  # what rolls up
_PENDING = "_summaries_before"


def _article_of(instance: Any) -> int | None:
    if isinstance(instance, Article):
        return instance.pk
    if isinstance(instance, StatementTarget):
        cached = instance._state.fields_cache.get("statement")
        if cached is not None:
            return cached.article_id
        rows = Statement.objects.filter(pk=instance.statement_id)
        return rows.values_list("article_id", flat=True).first()
    return instance.article_id


def _articles(instance: Any, update_fields: Any) -> list[int]:
    """The articles whose counts saving `instance` may change."""
    if isinstance(instance, Actor):
        if instance.pk is None or (
            update_fields is not None
            and not {f.removesuffix("_id") for f in _ACTOR_FIELDS} & set(update_fields)
        ):
            return []
        stored = Actor.objects.filter(pk=instance.pk).values(*_ACTOR_FIELDS).first()
        if stored is None or all(stored[f] == getattr(instance, f) for f in _ACTOR_FIELDS):
            return []
        return articles_naming([instance.pk], members=True)
    if isinstance(instance, Article):
        # a new article has no statements yet; other fields count nothing
        dated = update_fields is None or "published_at" in update_fields
        return [instance.pk] if instance.pk is not None and dated else []
    article = _article_of(instance)
    return [article] if article is not None else []


def _before(sender: Any, instance: Any, update_fields: Any = None, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # loaddata: summaries_rebuild after it
    ids = summaries_uncovered(_articles(instance, update_fields))
    if ids:
        setattr(instance, _PENDING, summaries_before(ids))


def _after(sender: Any, instance: Any, **kwargs: Any) -> None:
    before = instance.__dict__.pop(_PENDING, None)
    if before is not None:
        summaries_after(before)


def connect() -> None:
    for model in (Statement, StatementTarget, Mention, Article, Actor):
        uid = f"summaries_{model.__name__}"
        pre_save.connect(_before, sender=model, dispatch_uid=f"{uid}_pre_save")
        post_save.connect(_after, sender=model, dispatch_uid=f"{uid}_post_save")
    pre_delete.connect(_before, sender=Article, dispatch_uid="summaries_article_pre_delete")
    post_delete.connect(_after, sender=Article, dispatch_uid="summaries_article_post_delete")
