"""The operators' ingestion status page and its two actions (staff only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from entities import selectors, services
from entities.models import Article
from entities.views.common import staff_required


@staff_required
def ingest_status(request: HttpRequest) -> HttpResponse:
    """Templates: entities/ingest_status.html. Context: stats, queue_depth (operators)."""
    context = {"stats": selectors.ingest_stats(), "queue_depth": services.queue_depth()}
    return render(request, "entities/ingest_status.html", context)


@require_POST
@staff_required
@permission_required("entities.change_article", raise_exception=True)
def ingest_retry_failed(request: HttpRequest) -> HttpResponse:
    """Queue every failed article again (operators who may reprocess: the same permission as
    an article's Reprocess, entities.change_article)."""
    queued = services.articles_reprocess(failed=True)
    counts = selectors.article_status_counts(article_ids=queued)
    waiting = sum(counts.get(status, 0) for status in Article.IN_PROGRESS)
    if queued and not waiting:  # no broker: they were extracted again in this process
        messages.success(
            request,
            f"{len(queued)} failed articles reprocessed: {counts.get('done', 0)} done, "
            f"{counts.get('failed', 0)} failed again.",
        )
    else:
        messages.success(request, f"{len(queued)} failed articles queued for reprocessing.")
    return redirect("entities:ingest_status")


@require_POST
@staff_required
def ingest_requeue_stale(request: HttpRequest) -> HttpResponse:
    """Run the sweeper now (operators)."""
    sent = services.articles_requeue_stale()
    messages.success(request, f"{len(sent)} stale articles sent to the workers again.")
    return redirect("entities:ingest_status")
