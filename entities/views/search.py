"""The global search box: actors first (the way into an actor's statements), then statements
and articles containing the words."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from entities import selectors
from entities.views.common import read_access

SHOWN = 10


@read_access
def search(request: HttpRequest) -> HttpResponse:
    """Templates: entities/search.html. Context: global_query, actors, statements and
    articles (the first SHOWN of each), statement_count and article_count
    (selectors.ResultCount), more_* (there are more), suggestion and suggestion_url when no
    statement contains the words."""
    query = request.GET.get("q", "").strip()[:300]
    if not query:
        return redirect("entities:home")
    actors = list(selectors.actor_list(query=query)[: SHOWN + 1])
    found = selectors.statement_search_page(query=query, size=SHOWN)
    titled = selectors.article_list_page(query=query, size=SHOWN)
    statements, articles = found.page.object_list, titled.page.object_list
    suggestion = None if statements else selectors.statement_suggest(query=query)
    context = {
        "suggestion": suggestion,
        "suggestion_url": (
            f"{reverse('entities:search')}?{urlencode({'q': suggestion.query})}"
            if suggestion and suggestion.query
            else ""
        ),
        "global_query": query,
        "actors": actors[:SHOWN],
        "more_actors": len(actors) > SHOWN,
        "statements": statements,
        "statement_count": found.count,
        "more_statements": found.page.has_next,
        "articles": articles,
        "article_count": titled.count,
        "more_articles": titled.page.has_next,
        "statements_url": f"{reverse('entities:statement_search')}?{urlencode({'q': query})}",
    }
    return render(request, "entities/search.html", context)
