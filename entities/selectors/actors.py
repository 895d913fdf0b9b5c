"""Reads on actors: lists, pages, what they said and what was said about them."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from entities.models import Actor, ActorAlias, Mention, Statement, StatementTarget
from entities.selectors.statements import statement_rows


def actor_list(*, query: str = "", kind: str = "") -> QuerySet[Actor]:
    # one subquery per count: counting three joins at once would multiply their rows
    qs = Actor.objects.filter(merged_into__isnull=True).annotate(
        statements_by=_count(Statement.objects.filter(speaker=OuterRef("pk")), "speaker"),
        statements_about=_count(StatementTarget.objects.filter(actor=OuterRef("pk")), "actor"),
        mention_count=_count(Mention.objects.filter(actor=OuterRef("pk")), "actor"),
    )
    if kind:
        qs = qs.filter(kind=kind)
    if query:
        aliased = ActorAlias.objects.filter(alias__icontains=query.lower()).values("actor_id")
        qs = qs.filter(Q(name__icontains=query) | Q(pk__in=aliased))
    return qs.order_by("-mention_count", "name", "pk")


def _count(rows: QuerySet, by: str) -> Coalesce:
    counted = rows.order_by().values(by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def actor_get(*, slug: str) -> Actor | None:
    return Actor.objects.select_related("country", "merged_into").filter(slug=slug).first()


def actor_aliases(*, actor: Actor) -> list[str]:
    return list(actor.aliases.values_list("alias", flat=True))


def statement_list_by(*, actor: Actor) -> QuerySet[Statement]:
    return statement_rows().filter(speaker=actor).order_by("-article__published_at", "-article_id")


def statement_list_about(*, actor: Actor) -> QuerySet[Statement]:
    ids = StatementTarget.objects.filter(actor=actor).values("statement_id")
    return statement_rows().filter(pk__in=ids).order_by("-article__published_at", "-article_id")
