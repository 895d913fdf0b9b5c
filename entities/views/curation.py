"""Editors' corrections (permission entities.curate): POST-only views that validate a form,
call one service and come back to the page with a message, or re-render the page with the
error next to its field.

Both ways land where the editor was: a success redirects to the actor page's #curation or the
article page's #statement-<id>. A failed actor correction re-renders the actor page with the
failed form open, its first erroring field `autofocus`ed (the browser scrolls to it), and the
form posts to an address ending in the form's own #anchor, so the re-rendered page opens at
the form even without focus handling. A failed statement correction redirects to the article
page at the form's anchor (views.statement_forms keeps the form in the session until then), so
the address bar shows the article, not the POST target."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ParamSpec

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from entities import selectors, services
from entities.forms import ActorMergeForm
from entities.models import Actor, Statement
from entities.views.actors import CURATION_FORMS, actor_context, live_actor
from entities.views.common import View
from entities.views.statement_forms import STATEMENT_FORMS, failed_remember, focus_error

P = ParamSpec("P")
# an actor correction: the actor (or the address) to go to, and the message to show
ActorAct = Callable[[Actor, dict[str, Any]], tuple[Actor | str, str]]
# a statement correction: the message to show
StatementAct = Callable[[Statement, dict[str, Any]], str]


def curate(view: View[P]) -> View[P]:
    return require_POST(permission_required("entities.curate", raise_exception=True)(view))


def _apply(form: Form, exc: ValidationError) -> None:
    """Put a service's errors next to the form's fields (others above the form)."""
    if not hasattr(exc, "message_dict"):
        form.add_error(None, exc.messages)
        return
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _actor_action(request: HttpRequest, slug: str, name: str, act: ActorAct) -> HttpResponse:
    actor = live_actor(slug)
    form: Form
    if name == "merge":  # "Obama" from Barack Obama's page does not mean Barack Obama
        form = ActorMergeForm(request.POST, auto_id=f"{name}-%s", source=actor)
    else:
        form = CURATION_FORMS[name](request.POST, auto_id=f"{name}-%s")
    if form.is_valid():
        try:
            target, message = act(actor, form.cleaned_data)
        except ValidationError as exc:
            _apply(form, exc)
        else:
            messages.success(request, message)
            if isinstance(target, str) or target.pk != actor.pk:
                return redirect(target)  # another page (the actor was rejected or merged)
            return redirect(f"{target.get_absolute_url()}#curation")
    focus_error(form)
    context = actor_context(request, actor, bound={name: form})
    return render(request, "entities/actor_detail.html", context, status=400)


@curate
def actor_merge(request: HttpRequest, slug: str) -> HttpResponse:
    def act(actor: Actor, data: dict[str, Any]) -> tuple[Actor | str, str]:
        survivor = services.actor_merge(source=actor, into=data["into"], user=request.user)
        return survivor, f"{actor.name} was merged into {survivor.name}; its page redirects here."

    return _actor_action(request, slug, "merge", act)


@curate
def actor_duplicate_dismiss(request: HttpRequest, slug: str, other: str) -> HttpResponse:
    """'Not the same': the pair of actors is no longer offered as possible duplicates."""
    actor, other_actor = live_actor(slug), live_actor(other)
    try:
        services.possible_duplicate_dismiss(actor=actor, other=other_actor, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, f"{other_actor.name} is no longer offered as a duplicate of {actor.name}."
        )
    return redirect(f"{actor.get_absolute_url()}#curation")


@curate
def actor_rename(request: HttpRequest, slug: str) -> HttpResponse:
    def act(actor: Actor, data: dict[str, Any]) -> tuple[Actor | str, str]:
        old = actor.name
        actor = services.actor_rename(actor=actor, name=data["name"], user=request.user)
        return actor, f"{old} is now called {actor.name}."

    return _actor_action(request, slug, "rename", act)


@curate
def actor_alias_add(request: HttpRequest, slug: str) -> HttpResponse:
    def act(actor: Actor, data: dict[str, Any]) -> tuple[Actor | str, str]:
        services.actor_alias_add(actor=actor, alias=data["alias"], user=request.user)
        return actor, f"Alias “{data['alias']}” added."

    return _actor_action(request, slug, "alias", act)


@curate
def actor_alias_remove(request: HttpRequest, slug: str) -> HttpResponse:
    def act(actor: Actor, data: dict[str, Any]) -> tuple[Actor | str, str]:
        services.actor_alias_remove(actor=actor, alias=data["alias"], user=request.user)
        return actor, f"Alias “{data['alias']}” removed."

    return _actor_action(request, slug, "alias", act)


@curate
def actor_update(request: HttpRequest, slug: str) -> HttpResponse:
    def act(actor: Actor, data: dict[str, Any]) -> tuple[Actor | str, str]:
        actor = services.actor_update(
            actor=actor,
            kind=data["kind"],
            country=data["country"],
            role=data["role"],
            user=request.user,
        )
        return actor, f"{actor.name} updated."

    return _actor_action(request, slug, "update", act)


@curate
def actor_reject(request: HttpRequest, slug: str) -> HttpResponse:
    def act(actor: Actor, data: dict[str, Any]) -> tuple[Actor | str, str]:
        services.actor_reject(actor=actor, user=request.user)
        return reverse("entities:actor_list"), (
            f"{actor.name} was rejected: its mentions are gone and will not come back."
        )

    return _actor_action(request, slug, "reject", act)


def _statement_action(request: HttpRequest, pk: int, name: str, act: StatementAct) -> HttpResponse:
    """A statement correction from the article page. Success and failure both redirect to the
    article page (?s= opens the page of the list that holds the statement): a failure keeps
    the form's data and errors in the session, and the article page shows the form open with
    them, so the address bar never shows the POST target (reloading it was a 405)."""
    statement = selectors.statement_get(statement_id=pk)
    if statement is None:
        raise Http404("No such statement.")
    form = STATEMENT_FORMS[name](request.POST, auto_id=f"s{pk}-{name}-%s")
    url = reverse("entities:article_detail", args=[statement.article_id])
    if form.is_valid():
        try:
            message = act(statement, form.cleaned_data)
        except ValidationError as exc:
            _apply(form, exc)
        else:
            messages.success(request, message)
            if name == "drop":
                return redirect(f"{url}#dropped")
            return redirect(statement.get_article_url())
    failed_remember(request, statement=pk, name=name, form=form)
    return redirect(f"{url}?s={pk}#s{pk}-{name}-form")


@curate
def statement_speaker(request: HttpRequest, pk: int) -> HttpResponse:
    def act(statement: Statement, data: dict[str, Any]) -> str:
        services.statement_speaker_set(
            statement=statement, speaker=data["speaker"], user=request.user
        )
        who = data["speaker"].name if data["speaker"] else "an unknown speaker"
        return f"The statement is now credited to {who}."

    return _statement_action(request, pk, "speaker", act)


@curate
def statement_targets(request: HttpRequest, pk: int) -> HttpResponse:
    def act(statement: Statement, data: dict[str, Any]) -> str:
        services.statement_targets_set(
            statement=statement, targets=data["targets"], user=request.user
        )
        names = ", ".join(a.name for a in data["targets"]) or "nobody"
        return f"The statement is now about {names}."

    return _statement_action(request, pk, "targets", act)


@curate
def statement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    def act(statement: Statement, data: dict[str, Any]) -> str:
        edited = services.statement_edit(
            statement=statement,
            start=data["start"],
            end=data["end"],
            kind=data["kind"],
            user=request.user,
        )
        return f"The statement now reads “{edited.content}” ({edited.get_kind_display()})."

    return _statement_action(request, pk, "edit", act)


@curate
def statement_speaker_actor(request: HttpRequest, pk: int) -> HttpResponse:
    def act(statement: Statement, data: dict[str, Any]) -> str:
        actor = services.statement_speaker_actor_create(
            statement=statement,
            name=data["name"],
            kind=data["kind"],
            country=data["country"],
            user=request.user,
        )
        return f"{actor.name} is a new actor ({actor.get_kind_display()}) and speaks here."

    return _statement_action(request, pk, "speaker_actor", act)


@curate
def statement_drop(request: HttpRequest, pk: int) -> HttpResponse:
    def act(statement: Statement, data: dict[str, Any]) -> str:
        services.statement_drop(statement=statement, user=request.user)
        return f"“{statement.content[:80]}” is no longer a statement; undo it below."

    return _statement_action(request, pk, "drop", act)


@curate
def statement_restore(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo "not a statement" (pk: the Correction that dropped it)."""
    correction = selectors.correction_dropped_get(correction_id=pk)
    if correction is None:
        raise Http404("No such decision.")
    statement = services.statement_restore(correction=correction, user=request.user)
    messages.success(request, "The statement is back.")
    url = reverse("entities:article_detail", args=[statement.article_id])
    return redirect(f"{url}?s={statement.pk}#statement-{statement.pk}")
