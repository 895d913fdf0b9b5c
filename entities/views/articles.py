"""Home, the article list, the article page with its live extraction status, reprocess."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from entities import selectors, services
from entities.forms import ArticleFilterForm
from entities.models import Article
from entities.views.common import (
    PAGE_SIZE,
    as_id,
    can_edit_article,
    read_access,
    without_position,
)
from entities.views.statement_forms import attach_statement_forms, failed_recall


@read_access
def home(request: HttpRequest) -> HttpResponse:
    """Templates: entities/home.html. Context: stats (selectors.home_stats)."""
    return render(request, "entities/home.html", {"stats": selectors.home_stats()})


@read_access
def article_list(request: HttpRequest) -> HttpResponse:
    """Templates: entities/article_list.html. Context: form, page (a keyset page, newer and
    older links carry ?cursor=; None when a filter is wrong: the form then says which), count
    (selectors.ResultCount), querystring (the filters, no cursor)."""
    form = ArticleFilterForm(request.GET or None)
    page = count = None
    if not form.is_bound or form.is_valid():
        results = selectors.article_list_page(
            cursor=request.GET.get("cursor", ""), size=PAGE_SIZE, **form.list_kwargs()
        )
        page, count = results.page, results.count
    context = {
        "form": form,
        "page": page,
        "count": count,
        "querystring": without_position(request),
    }
    return render(request, "entities/article_list.html", context)


def _selected(request: HttpRequest) -> int | None:
    return as_id(request.GET.get("s", ""))


def _statement_page(request: HttpRequest, article: Article, selected: int | None) -> int:
    """The page asked for (?page=), else the page that holds the statement opened (?s=)."""
    asked = as_id(request.GET.get("page", ""))
    if asked is not None:
        return asked
    if selected is not None:
        return selectors.article_statement_page_of(article=article, statement_id=selected) or 1
    return 1


def article_context(request: HttpRequest, article: Article, *, bound: dict | None = None) -> dict:
    """What the article page shows: one page of its statements (the text marks that page's
    statements), its first mentions, its actors. For editors each statement carries its
    correction forms (views.statement_forms), the one that failed bound as bound[(name, pk)],
    and the page lists the statements marked "not a statement" and the article's history."""
    selected = _selected(request)
    bound = bound or {}
    # a failed correction re-renders the page that holds its statement
    focus = next(iter(bound))[1] if bound else selected
    page = selectors.article_statements(
        article=article, page=_statement_page(request, article, focus)
    )
    statements = page.statements
    headline = selectors.article_headline_statements(article=article)
    mentions, mention_count = selectors.article_mentions(article=article)
    can_curate = request.user.has_perm("entities.curate")
    if can_curate:
        attach_statement_forms([*statements, *headline], bound)
    return {
        "article": article,
        "actors": selectors.article_actors(article=article),
        "statements": statements,
        "headline_statements": headline,
        "selected_in_title": selected if any(s.pk == selected for s in headline) else None,
        "statement_page": page,
        "mentions": mentions,
        "mention_count": mention_count,
        "selected": selected if any(s.pk == selected for s in statements) else None,
        "in_progress": article.status in Article.IN_PROGRESS,
        "progress": {"pk": article.pk, "status": article.status, "running": True}
        if article.status in Article.IN_PROGRESS
        else None,
        "can_reprocess": request.user.has_perm("entities.change_article"),
        "can_edit": can_edit_article(request.user, article),
        "can_curate": can_curate,
        "dropped": selectors.article_dropped_statements(article=article) if can_curate else [],
        "history": selectors.article_corrections(article=article) if can_curate else [],
    }


@read_access
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Templates: entities/article_detail.html. Context: article_context (one page of the
    statements, ?page= or the page of ?s=<id>, the statement opened from a link)."""
    article = selectors.article_get(article_id=pk)
    if article is None:
        raise Http404("No such article.")
    bound = failed_recall(request) if request.user.has_perm("entities.curate") else {}
    context = article_context(request, article, bound=bound)
    return render(request, "entities/article_detail.html", context)


@read_access
def article_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The live status line of one article, polled by htmx while its extraction runs.
    Templates: includes/article_progress.html. Context: progress."""
    progress = selectors.article_progress_counts(article_id=pk)
    if progress is None:
        raise Http404("No such article.")
    progress["running"] = progress["status"] in Article.IN_PROGRESS
    return render(request, "includes/article_progress.html", {"progress": progress})


@require_POST
@permission_required("entities.change_article", raise_exception=True)
def article_reprocess(request: HttpRequest, pk: int) -> HttpResponse:
    """Queue one article for extraction again (editors)."""
    if not services.articles_reprocess(ids=[pk]):
        raise Http404("No such article.")
    # without a broker the extraction has already run, in this process, by now
    status, _ = selectors.article_progress(article_id=pk)
    if status == Article.Status.DONE:
        messages.success(request, "Reprocessed: the article was extracted again.")
    elif status == Article.Status.FAILED:
        messages.error(request, "Reprocessed, but the extraction failed; the reason is below.")
    else:
        messages.success(request, "Queued for reprocessing: the workers will extract it again.")
    return redirect("entities:article_detail", pk=pk)
