"""FilterSets of the API: they validate the query string (bad values answer 400 naming the
parameter) and turn the cleaned values into the keyword arguments of the view's selector. The
view calls the selector, which owns the query; the FilterSets filter nothing themselves, and
the views name them (filterset_class) for the schema's parameters too."""

from __future__ import annotations

from typing import Any

import django_filters as filters
from django import forms

from entities import selectors
from entities.models import Actor, Article, Statement, StatementTarget
from entities.validators import validate_date_range

QUERY_MAX_LENGTH = 300  # as the search forms of the pages; longer is a 400, not a huge query


class ActorSlugFilter(filters.CharFilter):
    """An actor by slug (a merged actor's slug means its survivor); unknown slugs are a 400."""

    field_class = forms.SlugField

    def filter(self, qs, value):
        return qs  # the FilterSet hands the actor to its selector


class CountryFilter(filters.CharFilter):
    """A country by slug or name (a merged country means its survivor); else a 400."""

    def filter(self, qs, value):
        return qs  # the FilterSet hands the country to its selector


def _resolve_countries(filterset, names: tuple[str, ...], data: dict) -> dict:
    for name in names:
        value = data.get(name)
        data[name] = None
        if value:
            country = selectors.country_resolve(value=value)
            if country is None:
                # the value as a parameter: a "%" in it is no format directive
                error = forms.ValidationError(
                    "No country with the name or slug %(value)s.", params={"value": repr(value)}
                )
                filterset.form.add_error(name, error)
            data[name] = country
    return data


def _resolve_actors(filterset, names: tuple[str, ...]) -> dict:
    data = dict(getattr(filterset.form, "cleaned_data", {}))
    for name in names:
        slug = data.get(name)
        data[name] = None
        if slug:
            actor = selectors.actor_resolve(slug=slug)
            if actor is None:
                filterset.form.add_error(name, f"No actor with the slug {slug!r}.")
            data[name] = actor
    return data


class SelectorFilterSet(filters.FilterSet):
    """A FilterSet that validates a query string for one selector: `arguments()` after
    `is_valid()`."""

    actor_params: tuple[str, ...] = ()
    country_params: tuple[str, ...] = ()

    def is_valid(self):
        valid = super().is_valid()
        # unknown slugs and a reversed date range are reported with the other bad parameters
        self._values = _resolve_actors(self, self.actor_params)
        self._values = _resolve_countries(self, self.country_params, self._values)
        try:
            validate_date_range(self._values.get("date_from"), self._values.get("date_to"))
        except forms.ValidationError as error:
            self.form.add_error("date_to", error)
        return valid and not self.form.errors

    def filter_queryset(self, queryset):
        raise NotImplementedError("the view calls its selector with arguments()")

    def arguments(self) -> dict[str, Any]:
        """The selector's keyword arguments from the cleaned values."""
        return self.select_arguments(**self._values)

    def select_arguments(self, **values: Any) -> dict[str, Any]:
        raise NotImplementedError


class ArticleFilter(SelectorFilterSet):
    status = filters.ChoiceFilter(choices=Article.Status.choices)
    publisher = filters.CharFilter(help_text="Part of the publisher's name (case-insensitive).")
    date_from = filters.DateFilter(help_text="Published on or after (YYYY-MM-DD).")
    date_to = filters.DateFilter(help_text="Published on or before (YYYY-MM-DD).")
    q = filters.CharFilter(
        max_length=QUERY_MAX_LENGTH,
        help_text="Words in the title or the publisher, accents and case aside.",
    )

    class Meta:
        model = Article
        fields = ["status", "publisher", "date_from", "date_to", "q"]

    def select_arguments(self, *, status, publisher, date_from, date_to, q) -> dict[str, Any]:
        return {
            "status": status or "",
            "query": q or "",
            "publisher": publisher or "",
            "date_from": date_from,
            "date_to": date_to,
        }


ACTOR_ORDERINGS = [(name, name) for name in selectors.ACTOR_ORDERINGS]


class ActorFilter(SelectorFilterSet):
    q = filters.CharFilter(
        max_length=QUERY_MAX_LENGTH,
        help_text="A name as people type it: accents, case, punctuation and possessives aside "
        "(`erdogan`, `kim jong un`, `trump's`), close spellings too (`Putn` finds Vladimir "
        "Putin; PostgreSQL: pg_trgm word similarity). The best matches first: the name, an "
        "alias (`UN`), whole words (`Xi`), the start of the name, the start of a later word or "
        "a close spelling, a part of a word; equals in `ordering`.",
    )
    kind = filters.ChoiceFilter(choices=Actor.Kind.choices)
    country = ActorSlugFilter(help_text="Slug of the actor's country.")
    ordering = filters.ChoiceFilter(
        choices=ACTOR_ORDERINGS,
        help_text="Counts descending (mentions, statements_by, statements_about) or name "
        "ascending; default mentions.",
    )
    actor_params = ("country",)

    class Meta:
        model = Actor
        fields = ["q", "kind", "country", "ordering"]

    def select_arguments(self, *, q, kind, country, ordering) -> dict[str, Any]:
        return {
            "query": q or "",
            "kind": kind or "",
            "country": country,
            "ordering": ordering or "mentions",
        }


class StatementFilter(SelectorFilterSet):
    q = filters.CharFilter(
        max_length=QUERY_MAX_LENGTH,
        help_text="Web-search syntax, accents and case aside: words (all must appear; "
        'PostgreSQL stems them, "hacked" finds "hack"), `"an exact phrase"`, `OR` between '
        "alternatives (`hacked OR hack`; as PostgreSQL's websearch_to_tsquery, `a b OR c` is "
        '(a and b) or c), `-word` or `-"a phrase"` to exclude.',
    )
    speaker = ActorSlugFilter(help_text="Slug of the speaker.")
    target = ActorSlugFilter(help_text="Slug of an actor the statement is about.")
    stance = filters.ChoiceFilter(
        choices=StatementTarget.Stance.choices,
        help_text="The speaker's stance toward `target` (toward any target without one).",
    )
    kind = filters.ChoiceFilter(choices=Statement.Kind.choices)
    cue_class = filters.CharFilter(help_text="say, claim, deny, warn, pledge, accuse, report...")
    date_from = filters.DateFilter(help_text="Article published on or after (YYYY-MM-DD).")
    date_to = filters.DateFilter(help_text="Article published on or before (YYYY-MM-DD).")
    publisher = filters.CharFilter(help_text="Part of the publisher's name (case-insensitive).")
    speaker_country = CountryFilter(
        max_length=QUERY_MAX_LENGTH,
        help_text="The speaker counts for this country (slug or name): the country itself, "
        "or a person or body of it.",
    )
    target_country = CountryFilter(
        max_length=QUERY_MAX_LENGTH,
        help_text="A target counts for this country (slug or name); `stance` then applies "
        "to those targets.",
    )
    order = filters.ChoiceFilter(
        choices=[("date", "date"), ("relevance", "relevance")],
        help_text="date: newest article first (default); relevance: best full-text match "
        "first on PostgreSQL with q, else as date.",
    )
    actor_params = ("speaker", "target")
    country_params = ("speaker_country", "target_country")

    class Meta:
        model = Statement
        fields = [
            "q",
            "speaker",
            "target",
            "stance",
            "kind",
            "cue_class",
            "date_from",
            "date_to",
            "publisher",
            "speaker_country",
            "target_country",
            "order",
        ]

    def select_arguments(
        self, *, q, order, cue_class, publisher, kind, stance, **rest
    ) -> dict[str, Any]:
        return {
            "query": q or "",
            "order": order or "date",
            "cue_class": cue_class or "",
            "publisher": publisher or "",
            "kind": kind or "",
            "stance": stance or "",
            **rest,
        }


class ReviewFilter(SelectorFilterSet):
    article = filters.NumberFilter(
        min_value=1, max_value=10**18 - 1, help_text="Only the statements of this article (id)."
    )
    reason = filters.ChoiceFilter(
        choices=[(r.code, r.label) for r in selectors.REASONS],
        help_text="Only the statements in the queue for this reason.",
    )

    class Meta:
        model = Statement
        fields = ["article", "reason"]

    def is_valid(self):
        valid = super().is_valid()
        pk = self._values.get("article")
        self._values["article"] = None
        if pk is not None:  # reported with the other bad parameters
            article = selectors.article_get(article_id=int(pk))
            if article is None:
                self.form.add_error("article", f"No article has the id {int(pk)}.")
                return False
            self._values["article"] = article
        return valid

    def select_arguments(self, *, article, reason) -> dict[str, Any]:
        return {"article": article, "reason": reason or ""}


class GraphFilter(SelectorFilterSet):
    level = filters.ChoiceFilter(
        choices=[(level, level) for level in selectors.GRAPH_LEVELS],
        help_text="actor (default): an edge per speaker and target; country: the statements "
        "rolled up to the speakers' and targets' countries, as in /relations/.",
    )
    date_from = filters.DateFilter(help_text="Article published on or after (YYYY-MM-DD).")
    date_to = filters.DateFilter(help_text="Article published on or before (YYYY-MM-DD).")
    actor = ActorSlugFilter(
        help_text="Only the edges that touch this actor (slug); at country level, its country."
    )
    kind = filters.ChoiceFilter(choices=Statement.Kind.choices)
    stance = filters.ChoiceFilter(
        choices=StatementTarget.Stance.choices,
        help_text="Only statements of this stance toward the target: each edge's weight "
        "counts them alone.",
    )
    actor_kind = filters.MultipleChoiceFilter(
        choices=Actor.Kind.choices,
        help_text="Only speakers and targets of these kinds (repeat the parameter for more "
        "than one); at country level, the people and bodies rolled up.",
    )
    min_weight = filters.NumberFilter(
        min_value=1, max_value=10**6, help_text="Only edges of at least this many statements (1)."
    )
    limit = filters.NumberFilter(
        min_value=1, max_value=1000, help_text="At most this many edges, heaviest first (300)."
    )
    actor_params = ("actor",)

    class Meta:
        model = Statement
        fields = [
            "level",
            "date_from",
            "date_to",
            "actor",
            "kind",
            "stance",
            "actor_kind",
            "min_weight",
            "limit",
        ]

    def select_arguments(
        self, *, level, kind, stance, actor_kind, min_weight, limit, **rest
    ) -> dict[str, Any]:
        return {
            "level": level or "actor",
            "kind": kind or "",
            "stance": stance or "",
            "actor_kind": tuple(actor_kind or ()),
            "min_weight": int(min_weight or 1),
            "limit": min(int(limit or 300), 1000),
            **rest,
        }


class RelationFilter(SelectorFilterSet):
    date_from = filters.DateFilter(help_text="Article published on or after (YYYY-MM-DD).")
    date_to = filters.DateFilter(help_text="Article published on or before (YYYY-MM-DD).")
    publisher = filters.CharFilter(
        max_length=200, help_text="Part of the publisher's name (case-insensitive)."
    )
    kind = filters.ChoiceFilter(choices=Statement.Kind.choices)
    speaker_country = CountryFilter(
        max_length=QUERY_MAX_LENGTH, help_text="Only pairs where this country speaks."
    )
    target_country = CountryFilter(
        max_length=QUERY_MAX_LENGTH, help_text="Only pairs where this country is spoken about."
    )
    by_month = filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        help_text="true: each pair also gets its counts per month of publication.",
    )
    country_params = ("speaker_country", "target_country")

    class Meta:
        model = Statement
        fields = [
            "date_from",
            "date_to",
            "publisher",
            "kind",
            "speaker_country",
            "target_country",
            "by_month",
        ]

    def select_arguments(
        self, *, date_from, date_to, publisher, kind, by_month, **rest
    ) -> dict[str, Any]:
        return {
            "filters": selectors.RelationFilters(
                date_from=date_from,
                date_to=date_to,
                publisher=(publisher or "").strip(),
                kind=kind or "",
            ),
            "by_month": by_month == "true",
            **rest,
        }
