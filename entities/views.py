"""HTML views: parse the request, call a selector or a service, render a template."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from entities import selectors, services
from entities.forms import ArticleUploadForm
from entities.models import Actor, Article

PAGE_SIZE = 25


def article_list(request: HttpRequest) -> HttpResponse:
    """Templates: entities/article_list.html. Context: page, query, status."""
    query = request.GET.get("q", "").strip()
    status = request.GET.get("status", "")
    if status not in Article.Status.values:
        status = ""
    qs = selectors.article_list(query=query, status=status)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "query": query,
        "status": status,
        "statuses": Article.Status,
        "querystring": _without_page(request),
    }
    return render(request, "entities/article_list.html", context)


def _without_page(request: HttpRequest) -> str:
    """The current filters as a query string, for pagination links."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Templates: entities/article_detail.html. Context: article, actors, statements."""
    article = selectors.article_get(article_id=pk)
    if article is None:
        raise Http404("No such article.")
    context = {
        "article": article,
        "actors": selectors.article_actors(article=article),
        "statements": list(article.statements.all()),
        "mentions": list(article.mentions.all()),
        "in_progress": article.status in (Article.Status.QUEUED, Article.Status.PROCESSING),
    }
    return render(request, "entities/article_detail.html", context)


@login_required
def article_upload(request: HttpRequest) -> HttpResponse:
    """Templates: entities/article_upload.html. Context: form."""
    form = ArticleUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            article, created = services.article_create(
                raw=form.raw,
                title=data["title"],
                url=data["url"],
                publisher=data["publisher"],
                published_at=data["published_at"],
                uploaded_by=request.user,
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            if created:
                messages.success(request, "Article saved; its extraction is queued.")
            else:
                messages.info(request, "This article was already uploaded; here it is.")
            return redirect(article)
    return render(request, "entities/article_upload.html", {"form": form})


def actor_list(request: HttpRequest) -> HttpResponse:
    """Templates: entities/actor_list.html. Context: page, query, kind, kinds."""
    query = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    if kind not in Actor.Kind.values:
        kind = ""
    page = Paginator(selectors.actor_list(query=query, kind=kind), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "query": query,
        "kind": kind,
        "kinds": Actor.Kind,
        "querystring": _without_page(request),
    }
    return render(request, "entities/actor_list.html", context)


def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Templates: entities/actor_detail.html. Context: actor, aliases, said, about."""
    actor = selectors.actor_get(slug=slug)
    if actor is None:
        raise Http404("No such actor.")
    if actor.merged_into_id:
        return redirect(actor.merged_into, permanent=True)
    context = {
        "actor": actor,
        "aliases": selectors.actor_aliases(actor=actor),
        "said": selectors.statement_list_by(actor=actor)[:100],
        "about": selectors.statement_list_about(actor=actor)[:100],
    }
    return render(request, "entities/actor_detail.html", context)
