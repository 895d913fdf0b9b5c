"""HTML views: parse the request, call a selector or a service, render a template."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from entities import selectors, services
from entities.forms import ArticleUploadForm
from entities.models import Actor, Article

PAGE_SIZE = 25
STATEMENTS_SHOWN = 100  # on an actor page, per column; the heading gives the full count


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
        "can_reprocess": request.user.has_perm("entities.change_article"),
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
            messages.add_message(request, *_upload_message(article, created))
            return redirect(article)
    return render(request, "entities/article_upload.html", {"form": form})


def _upload_message(article: Article, created: bool) -> tuple[int, str]:
    if not created:
        return messages.INFO, "This article was already uploaded; here it is."
    status, sent = selectors.article_progress(article_id=article.pk)
    if status == Article.Status.DONE:
        return messages.SUCCESS, "Article saved and extracted."
    if status == Article.Status.FAILED:
        return messages.ERROR, "Article saved, but its extraction failed; the reason is below."
    if status == Article.Status.QUEUED and not sent:
        return messages.WARNING, (
            "Article saved. The extraction workers cannot be reached right now; it is queued "
            "and will be processed as soon as they are back. Nothing is lost."
        )
    return messages.SUCCESS, "Article saved; its extraction is queued."


@require_POST
@permission_required("entities.change_article", raise_exception=True)
def article_reprocess(request: HttpRequest, pk: int) -> HttpResponse:
    """Queue one article for extraction again (editors)."""
    if not services.articles_reprocess(ids=[pk]):
        raise Http404("No such article.")
    messages.success(request, "The article is queued for extraction again.")
    return redirect("entities:article_detail", pk=pk)


@staff_member_required
def ingest_status(request: HttpRequest) -> HttpResponse:
    """Templates: entities/ingest_status.html. Context: stats, queue_depth (operators)."""
    context = {"stats": selectors.ingest_stats(), "queue_depth": services.queue_depth()}
    return render(request, "entities/ingest_status.html", context)


@require_POST
@staff_member_required
def ingest_retry_failed(request: HttpRequest) -> HttpResponse:
    """Queue every failed article again (operators)."""
    queued = services.articles_reprocess(failed=True)
    messages.success(request, f"{len(queued)} failed articles queued for extraction again.")
    return redirect("entities:ingest_status")


@require_POST
@staff_member_required
def ingest_requeue_stale(request: HttpRequest) -> HttpResponse:
    """Run the sweeper now (operators)."""
    sent = services.articles_requeue_stale()
    messages.success(request, f"{len(sent)} stale articles sent to the workers again.")
    return redirect("entities:ingest_status")


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
    said = selectors.statement_list_by(actor=actor)
    about = selectors.statement_list_about(actor=actor)
    context = {
        "actor": actor,
        "aliases": selectors.actor_aliases(actor=actor),
        "said": said[:STATEMENTS_SHOWN],
        "about": about[:STATEMENTS_SHOWN],
        "said_count": said.count(),
        "about_count": about.count(),
    }
    return render(request, "entities/actor_detail.html", context)
