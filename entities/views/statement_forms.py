"""The editors' forms attached to each statement of a page (the article page; the review queue
can call attach_statement_forms too), and the failed form kept across the redirect that follows
a failed statement correction."""

from __future__ import annotations

from collections.abc import Iterable

from django.forms import Form
from django.http import HttpRequest

from entities.forms import (
    SpeakerActorForm,
    StatementEditForm,
    StatementSpeakerForm,
    StatementTargetsForm,
)
from entities.models import Actor, Statement

STATEMENT_FORMS: dict[str, type[Form]] = {
    "speaker": StatementSpeakerForm,
    "targets": StatementTargetsForm,
    "edit": StatementEditForm,
    "speaker_actor": SpeakerActorForm,
    "drop": Form,  # a button: nothing to fill in
}
_SESSION_KEY = "statement_form_failed"


def focus_error(form: Form) -> None:
    """Autofocus the first field with an error (or the first field, for a form-wide error), so
    the page opens at the form instead of its top."""
    names = [name for name in form.fields if name in form.errors] or list(form.fields)[:1]
    if names:
        form.fields[names[0]].widget.attrs["autofocus"] = True


def failed_remember(request: HttpRequest, *, statement: int, name: str, form: Form) -> None:
    """Keep what the editor typed and what was wrong for the page the failure redirects to."""
    request.session[_SESSION_KEY] = {
        "statement": statement,
        "name": name,
        "data": {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"},
        "errors": {field: list(errors) for field, errors in form.errors.items()},
    }


def failed_recall(request: HttpRequest) -> dict[tuple[str, int], Form]:
    """The form a failed correction left in the session (read once), bound to what the editor
    typed and carrying its errors, as {(name, statement id): form}."""
    failed = request.session.pop(_SESSION_KEY, None)
    if not failed or failed.get("name") not in STATEMENT_FORMS:
        return {}
    name, pk = failed["name"], int(failed["statement"])
    form = STATEMENT_FORMS[name](failed.get("data") or {}, auto_id=f"s{pk}-{name}-%s")
    form.full_clean()
    form.errors.clear()  # in favour of the errors the view found, services' included
    for field, errors in (failed.get("errors") or {}).items():
        form.add_error(field if field in form.fields else None, errors)
    focus_error(form)
    return {(name, pk): form}


def attach_statement_forms(
    statements: Iterable[Statement], bound: dict[tuple[str, int], Form] | None = None
) -> None:
    """Give each statement its editors' forms (statement.forms[name]); form_open says one of
    them failed. Templates: includes/statement_curation.html."""
    bound = bound or {}
    for s in statements:
        initial: dict[str, dict[str, object]] = {
            "speaker": {"speaker": s.speaker.slug if s.speaker else ""},
            "targets": {"targets": ", ".join(t.actor.slug for t in s.targets.all())},
            "edit": {"start": s.content_start, "end": s.content_end, "kind": s.kind},
            "speaker_actor": {"name": s.speaker_text, "kind": Actor.Kind.GROUP},
        }
        forms = {
            name: bound.get((name, s.pk))
            or form_class(initial=initial.get(name), auto_id=f"s{s.pk}-{name}-%s")
            for name, form_class in STATEMENT_FORMS.items()
        }
        if s.speaker_id:
            del forms["speaker_actor"]
        # attributes for the templates, not fields: the model's type cannot declare them
        s.forms = forms  # type: ignore[attr-defined]
        # the templates of before read these two
        s.speaker_form = forms["speaker"]  # type: ignore[attr-defined]
        s.targets_form = forms["targets"]  # type: ignore[attr-defined]
        s.form_open = any(key[1] == s.pk for key in bound)  # type: ignore[attr-defined]
        s.form_failed = next((name for name, pk in bound if pk == s.pk), "")  # type: ignore[attr-defined]
