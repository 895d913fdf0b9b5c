"""Editing an article's details after upload (editors, and the article's uploader)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from entities import selectors, services
from entities.forms import ArticleDetailsForm
from entities.models import Article
from entities.views.common import can_edit_article

TITLE_KEPT = (
    "The headline is read when the article is extracted: statements found in the old title "
    "stay until it is reprocessed."
)


@login_required
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Templates: entities/article_edit.html. Context: article, form, next, history.

    ?next= (a path on this site) is where to go back to: the upload status page of a batch."""
    article = selectors.article_get(article_id=pk)
    if article is None:
        raise Http404("No such article.")
    if not can_edit_article(request.user, article):
        raise PermissionDenied("Only editors and the article's uploader can change its details.")
    back = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    form = ArticleDetailsForm(request.POST or None, initial=_initial(article))
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.article_details_update(
                article=article, user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _saved_message(article, changed))
            return redirect(back or article.get_absolute_url())
    context = {
        "article": article,
        "form": form,
        "next": back,
        "history": selectors.article_detail_edits(article_id=article.pk),
        "can_reprocess": request.user.has_perm("entities.change_article"),
    }
    return render(request, "entities/article_edit.html", context)


def _initial(article: Article) -> dict[str, object]:
    return {
        "title": article.title,
        "publisher": article.publisher,
        "published_at": timezone.localtime(article.published_at).date()
        if article.published_at
        else None,
        "url": article.url or "",
        "authors": ", ".join(article.authors or []),
    }


def _saved_message(article: Article, changed: list[str]) -> str:
    if not changed:
        return "Nothing changed."
    names = {"published_at": "publication date", "url": "URL"}
    said = ", ".join(names.get(f, f) for f in changed)
    message = f"Saved: {said} of “{article.title}”."
    if "title" in changed and article.status == Article.Status.DONE:
        message += " " + TITLE_KEPT
    return message
