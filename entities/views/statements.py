"""Statement search with highlighted snippets, its CSV and JSON exports, and a permalink that
opens a statement at its place in the article."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from entities import exports, selectors
from entities.forms import StatementSearchForm
from entities.models import Statement
from entities.views.common import PAGE_SIZE, read_access, without_position

EXPORT_LIMIT = 5000  # rows in one export; the response says when the result was cut


def _search(request: HttpRequest) -> tuple[StatementSearchForm, object]:
    form = StatementSearchForm(request.GET or None)
    if request.GET and not form.is_valid():
        return form, None
    kwargs = form.search_kwargs() if request.GET else {}
    return form, selectors.statement_search(**kwargs)


@read_access
def statement_search(request: HttpRequest) -> HttpResponse:
    """Templates: entities/statement_search.html. Context: form, page (a keyset page:
    newer and older links carry a cursor, ?cursor=), count (selectors.ResultCount: exact
    when small, else about), ranked (most relevant first), previous_label, next_label, query
    (the statement_snippet tag marks its words), querystring (the filters, no cursor),
    relevance_pool, publishers, and when words found nothing, suggestion
    (selectors.Suggestion) and suggestion_url."""
    form = StatementSearchForm(request.GET or None)
    page = count = None
    ranked = False
    query = ""
    suggestion, suggestion_url = None, ""
    if not request.GET or form.is_valid():
        kwargs = form.search_kwargs() if form.is_bound else {}
        results = selectors.statement_search_page(
            cursor=request.GET.get("cursor", ""), size=PAGE_SIZE, **kwargs
        )
        page, count, ranked = results.page, results.count, results.ranked
        query = kwargs.get("query", "")
        if query and not count:
            suggestion = selectors.statement_suggest(query=query)
            suggestion_url = _with_query(request, suggestion.query)
    context = {
        "suggestion": suggestion,
        "suggestion_url": suggestion_url,
        "form": form,
        "page": page,
        "count": count,
        "query": query,
        "querystring": without_position(request),
        "ranked": ranked,
        "relevance_pool": selectors.RELEVANCE_POOL,
        # a ranked list goes from the most relevant to the least, not from new to old
        "previous_label": "Previous" if ranked else "Newer",
        "next_label": "Next" if ranked else "Older",
        "publishers": selectors.statement_publishers(),
    }
    return render(request, "entities/statement_search.html", context)


def _with_query(request: HttpRequest, query: str | None) -> str:
    """This search (its filters kept, first page) with other words."""
    if not query:
        return ""
    params = request.GET.copy()
    params["q"] = query
    params.pop("page", None)
    params.pop("cursor", None)
    return f"{request.path}?{params.urlencode()}"


def _export_rows(request: HttpRequest):
    """(rows, truncated, form): an iterator over at most EXPORT_LIMIT + 1 rows of the search,
    fetched a chunk at a time; rows is None when a filter is wrong."""
    form, statements = _search(request)
    if statements is None:
        return None, False, form
    truncated = statements[EXPORT_LIMIT : EXPORT_LIMIT + 1].exists()
    return exports.export_rows(statements, limit=EXPORT_LIMIT), truncated, form


def _attachment(form: StatementSearchForm, extension: str) -> str:
    filters = form.search_kwargs() if form.is_bound else {}
    name = exports.export_filename(filters, extension=extension, today=timezone.localdate())
    return f'attachment; filename="{name}"'


def _bad_filters(form: StatementSearchForm) -> JsonResponse:
    return JsonResponse({"errors": form.errors.get_json_data()}, status=400)


@read_access
def statement_export_csv(request: HttpRequest) -> HttpResponse:
    """The current search result as CSV, streamed (at most EXPORT_LIMIT rows; the X-Truncated
    header says if the result was cut). Columns: entities.exports.COLUMNS."""
    rows, truncated, form = _export_rows(request)
    if rows is None:
        return _bad_filters(form)
    response = StreamingHttpResponse(
        exports.csv_lines(request, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = _attachment(form, "csv")
    response["X-Truncated"] = "true" if truncated else "false"
    return response


@read_access
def statement_export_json(request: HttpRequest) -> HttpResponse:
    """The current search result as JSON, streamed: {results, count, truncated} (at most
    EXPORT_LIMIT results, each an entities.exports record)."""
    rows, truncated, form = _export_rows(request)
    if rows is None:
        return _bad_filters(form)
    lines = exports.json_document_lines(request, rows, truncated=truncated)
    response = StreamingHttpResponse(lines, content_type="application/json")
    response["Content-Disposition"] = _attachment(form, "json")
    response["X-Truncated"] = "true" if truncated else "false"
    return response


@read_access
def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A statement's permalink (Statement.get_absolute_url): its article, opened at it. A
    statement that reprocessing no longer found answers 410 with a page that says so and links
    its article (templates: entities/statement_retired.html; context: retired, near), and so
    does one an editor marked as not a statement (entities/statement_dropped.html; context:
    correction, article)."""
    article_id = selectors.statement_article_id(statement_id=pk)
    if article_id is not None:
        return redirect(Statement(pk=pk, article_id=article_id).get_article_url())
    retired = selectors.statement_retired_get(statement_id=pk)
    if retired is None:
        dropped = selectors.correction_dropped_for(statement_id=pk)
        if dropped is None or dropped.article is None:
            raise Http404("No such statement.")
        context = {"correction": dropped, "article": dropped.article}
        return render(request, "entities/statement_dropped.html", context, status=410)
    context = {"retired": retired, "near": selectors.statement_list_near(retired=retired)}
    return render(request, "entities/statement_retired.html", context, status=410)
