"""Reads that only the REST API needs: its lists carry a `sort_key` for cursor pagination, and
actor slugs given in URLs and filters resolve to the actor that survives merges."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from django.db.models.functions import Coalesce

from entities.models import Actor, Article, Statement
from entities.selectors.actors import actor_get, actor_list
from entities.selectors.articles import article_list
from entities.selectors.statements import statement_pair, statement_rows, statement_search


def api_actor_resolve(*, slug: str) -> Actor | None:
    """The live actor a slug names: a merged actor's survivor (followed through chains of
    merges); None for an unknown slug or a rejected actor."""
    actor = actor_get(slug=slug)
    if actor is not None and actor.merged_into_id:
        actor = actor_get(slug=actor.survivor().slug)  # with its country, as actor_get gives
    if actor is None or actor.rejected:
        return None
    return actor


def api_actor_detail(*, actor: Actor) -> Actor | None:
    """The actor with the counts the actor list shows (statements by, about, mentions)."""
    return actor_list().filter(pk=actor.pk).first()


def api_article_list(
    *,
    status: str = "",
    query: str = "",
    publisher: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[Article]:
    return article_list(
        status=status, query=query, publisher=publisher, date_from=date_from, date_to=date_to
    ).annotate(sort_key=Coalesce("published_at", "created_at"))


def api_statements(qs: QuerySet[Statement]) -> QuerySet[Statement]:
    """Any statement listing, with the key its cursor pagination orders by."""
    return qs.annotate(sort_key=Coalesce("article__published_at", "article__created_at"))


def api_statement_search(**filters) -> QuerySet[Statement]:
    return api_statements(statement_search(**filters))


def api_article_status(*, article_id: int) -> Article | None:
    """An article's progress fields only (not its body)."""
    return (
        Article.objects.only(
            "title",
            "status",
            "error",
            "attempts",
            "pipeline_version",
            "model_name",
            "queued_at",
            "started_at",
            "finished_at",
        )
        .filter(pk=article_id)
        .first()
    )


def api_statement_get(*, statement_id: int) -> Statement | None:
    return statement_rows().filter(pk=statement_id).first()


def api_statements_on(*, a: Actor, b: Actor, both: bool = False) -> QuerySet[Statement]:
    """What A said about B (and, with both, what B said about A), newest first."""
    qs = statement_pair(a=a, b=b)
    if not both:
        qs = qs.filter(speaker=a)
    return api_statements(qs)
