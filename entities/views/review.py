"""The review queue (editors, permission entities.curate): the statements most worth a look,
each correctable in place and marked reviewed.

With htmx each form posts in the background and its item is swapped for the answer (the item
re-rendered, or, once reviewed, a line with Undo); a failed correction answers 400 with the
item and the error next to its field (static/js/review.js lets htmx swap it). Without
JavaScript the same forms post normally and come back to the queue, at the item, with a
message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ParamSpec

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from entities import selectors, services
from entities.forms import ReviewFilterForm, StatementSpeakerForm, StatementTargetsForm
from entities.models import Statement
from entities.views.common import View, is_htmx, without_page

QUEUE_PAGE = 20

P = ParamSpec("P")


def editors(view: View[P]) -> View[P]:
    """An anonymous visitor is sent to log in; a user who is not an editor gets 403."""
    return login_required(permission_required("entities.curate", raise_exception=True)(view))


def _forms(statement: Statement, bound: dict[str, Form] | None = None) -> None:
    bound = bound or {}
    speaker = statement.speaker
    # attributes for the template, not fields: the model's type cannot declare them
    statement.speaker_form = bound.get("speaker") or StatementSpeakerForm(  # type: ignore[attr-defined]
        initial={"speaker": speaker.slug if speaker is not None else ""},
        auto_id=f"r{statement.pk}-speaker-%s",
    )
    statement.targets_form = bound.get("targets") or StatementTargetsForm(  # type: ignore[attr-defined]
        initial={"targets": ", ".join(t.actor.slug for t in statement.targets.all())},
        auto_id=f"r{statement.pk}-targets-%s",
    )
    statement.reasons = selectors.review_reasons(statement)  # type: ignore[attr-defined]


@editors
def review_queue(request: HttpRequest) -> HttpResponse:
    """Templates: entities/review_queue.html. Context: form, page (statements of the queue,
    each with its reasons and correction forms), querystring, help (the priority formula),
    next (this page's address, where the forms come back to without JavaScript)."""
    form = ReviewFilterForm(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        queue = selectors.review_queue(**form.queue_kwargs())
        page = Paginator(queue, QUEUE_PAGE).get_page(request.GET.get("page"))
        for statement in page.object_list:
            _forms(statement)
    context = {
        "form": form,
        "page": page,
        "querystring": without_page(request),
        "help": selectors.PRIORITY_HELP,
        "next": request.get_full_path(),
    }
    return render(request, "entities/review_queue.html", context)


def _next(request: HttpRequest) -> str:
    """Where a form posted without JavaScript comes back to: the queue page it was on."""
    given = request.POST.get("next", "")
    queue = reverse("entities:review_queue")
    safe = url_has_allowed_host_and_scheme(given, allowed_hosts={request.get_host()})
    return given if safe and given.startswith(queue) else queue


def _item(
    request: HttpRequest, pk: int, *, status: int = 200, bound: dict[str, Form] | None = None
) -> HttpResponse:
    statement = selectors.review_item_get(statement_id=pk)
    if statement is None:
        raise Http404("No such statement.")
    _forms(statement, bound)
    context = {"statement": statement, "next": _next(request), "help": selectors.PRIORITY_HELP}
    return render(request, "includes/review_item.html", context, status=status)


def _statement(pk: int) -> Statement:
    statement = selectors.statement_get(statement_id=pk)
    if statement is None:
        raise Http404("No such statement.")
    return statement


def _correct(
    request: HttpRequest,
    pk: int,
    name: str,
    form_class: type[Form],
    act: Callable[[Statement, dict[str, Any]], str],
) -> HttpResponse:
    statement = _statement(pk)
    form = form_class(request.POST, auto_id=f"r{pk}-{name}-%s")
    if form.is_valid():
        try:
            message = act(statement, form.cleaned_data)
        except ValidationError as exc:
            for field, errors in getattr(exc, "message_dict", {None: exc.messages}).items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            if is_htmx(request):
                return _item(request, pk)
            messages.success(request, message)
            return redirect(f"{_next(request)}#review-{pk}")
    if is_htmx(request):
        return _item(request, pk, status=400, bound={name: form})
    problems = "; ".join(str(m) for errors in form.errors.values() for m in errors)
    messages.error(request, f"Statement {pk} was not changed: {problems}")
    return redirect(f"{_next(request)}#review-{pk}")


@require_POST
@editors
def review_speaker(request: HttpRequest, pk: int) -> HttpResponse:
    def act(statement: Statement, data: dict[str, Any]) -> str:
        services.statement_speaker_set(
            statement=statement, speaker=data["speaker"], user=request.user
        )
        who = data["speaker"].name if data["speaker"] else "an unknown speaker"
        return f"Statement {pk} is now credited to {who}."

    return _correct(request, pk, "speaker", StatementSpeakerForm, act)


@require_POST
@editors
def review_targets(request: HttpRequest, pk: int) -> HttpResponse:
    def act(statement: Statement, data: dict[str, Any]) -> str:
        services.statement_targets_set(
            statement=statement, targets=data["targets"], user=request.user
        )
        names = ", ".join(a.name for a in data["targets"]) or "nobody"
        return f"Statement {pk} is now about {names}."

    return _correct(request, pk, "targets", StatementTargetsForm, act)


@require_POST
@editors
def review_mark(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark reviewed (or, with reviewed=false, not reviewed: the Undo of the queue)."""
    statement = _statement(pk)
    reviewed = request.POST.get("reviewed", "true") != "false"
    mark = services.statement_mark_reviewed if reviewed else services.statement_unmark_reviewed
    try:
        mark(statement=statement, user=request.user)
    except ValidationError as exc:  # its article was reprocessed meanwhile and it is gone
        messages.error(request, " ".join(exc.messages))
        if is_htmx(request):  # the whole queue again, with the message: not inside the item
            gone = HttpResponse(status=204)
            gone["HX-Redirect"] = _next(request)
            return gone
        return redirect(_next(request))
    if is_htmx(request):
        return _item(request, pk)
    if reviewed:
        messages.success(request, f"Statement {pk} is reviewed and left the queue.")
    else:
        messages.success(request, f"Statement {pk} is back in the queue.")
    return redirect(_next(request) if reviewed else f"{_next(request)}#review-{pk}")
