"""Statement search with highlighted snippets, its CSV and JSON exports, and a permalink that
opens a statement at its place in the article."""

from __future__ import annotations

import csv
import json

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from entities import selectors
from entities.forms import StatementSearchForm
from entities.models import Statement
from entities.spreadsheets import formula_safe
from entities.views.common import PAGE_SIZE, read_access, without_page

EXPORT_LIMIT = 5000  # rows in one export; the response says when the result was cut


def statement_url(statement: Statement) -> str:
    """The article page opened at the statement: highlighted (?s=) and scrolled to (#s-)."""
    url = reverse("entities:article_detail", args=[statement.article_id])
    return f"{url}?s={statement.pk}#s-{statement.pk}"


def _search(request: HttpRequest) -> tuple[StatementSearchForm, object]:
    form = StatementSearchForm(request.GET or None)
    if request.GET and not form.is_valid():
        return form, None
    kwargs = form.search_kwargs() if request.GET else {}
    return form, selectors.statement_search(**kwargs)


@read_access
def statement_search(request: HttpRequest) -> HttpResponse:
    """Templates: entities/statement_search.html. Context: form, page (statements with a
    .snippet), query, querystring, publishers."""
    form, statements = _search(request)
    page = None
    if statements is not None:
        page = Paginator(statements, PAGE_SIZE).get_page(request.GET.get("page"))
        query = form.cleaned_data.get("q", "") if form.is_bound else ""
        for statement in page.object_list:
            statement.snippet = selectors.statement_snippet(text=statement.content, query=query)
            statement.url = statement_url(statement)
    context = {
        "form": form,
        "page": page,
        "querystring": without_page(request),
        "publishers": selectors.statement_publishers(),
    }
    return render(request, "entities/statement_search.html", context)


def _export_rows(request: HttpRequest):
    form, statements = _search(request)
    if statements is None:
        return None, form
    rows = list(statements[: EXPORT_LIMIT + 1])
    return rows, form


def _record(request: HttpRequest, s: Statement) -> dict:
    article = s.article
    return {
        "id": s.pk,
        "speaker": s.speaker.name if s.speaker_id else None,
        "speaker_slug": s.speaker.slug if s.speaker_id else None,
        "speaker_as_written": s.speaker_text,
        "cue": s.cue,
        "cue_class": s.cue_class,
        "kind": s.kind,
        "content": s.content,
        "targets": [t.actor.name for t in s.targets.all()],
        "target_slugs": [t.actor.slug for t in s.targets.all()],
        "target_stances": [t.stance for t in s.targets.all()],
        "article_id": article.pk,
        "article_title": article.title,
        "publisher": article.publisher,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "source_url": article.url,
        "url": request.build_absolute_uri(statement_url(s)),
    }


def _bad_filters(form: StatementSearchForm) -> JsonResponse:
    return JsonResponse({"errors": form.errors.get_json_data()}, status=400)


@read_access
def statement_export_csv(request: HttpRequest) -> HttpResponse:
    """The current search result as CSV (at most EXPORT_LIMIT rows; a header says if cut)."""
    rows, form = _export_rows(request)
    if rows is None:
        return _bad_filters(form)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="statements.csv"'
    response["X-Truncated"] = "true" if len(rows) > EXPORT_LIMIT else "false"
    writer = csv.writer(response)
    columns = list(_record(request, rows[0]).keys()) if rows else ["id"]
    writer.writerow(columns)
    for s in rows[:EXPORT_LIMIT]:
        record = _record(request, s)
        record["targets"] = "; ".join(record["targets"])
        record["target_slugs"] = "; ".join(record["target_slugs"])
        record["target_stances"] = "; ".join(record["target_stances"])
        writer.writerow([formula_safe(record[c]) if record[c] is not None else "" for c in columns])
    return response


@read_access
def statement_export_json(request: HttpRequest) -> HttpResponse:
    """The current search result as JSON: {count, truncated, results} (at most EXPORT_LIMIT)."""
    rows, form = _export_rows(request)
    if rows is None:
        return _bad_filters(form)
    results = [_record(request, s) for s in rows[:EXPORT_LIMIT]]
    body = {"count": len(results), "truncated": len(rows) > EXPORT_LIMIT, "results": results}
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False, indent=1), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="statements.json"'
    return response


@read_access
def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A statement's permalink: its article, opened at it."""
    article_id = selectors.statement_article_id(statement_id=pk)
    if article_id is None:
        raise Http404("No such statement.")
    return redirect(statement_url(Statement(pk=pk, article_id=article_id)))
