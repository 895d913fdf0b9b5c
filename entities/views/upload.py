"""Upload: pasted text, one or many files, or a URL to fetch; then the live status of what
was sent, polled by htmx until the workers are done."""

from __future__ import annotations

import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from entities import selectors, services
from entities.forms import ArticleUploadForm
from entities.models import Article
from entities.views.common import as_id, can_edit_article, is_htmx, read_access

MAX_STATUS_IDS = 200


@login_required
def article_upload(request: HttpRequest) -> HttpResponse:
    """Templates: entities/article_upload.html. Context: form.

    One article (text, one file, a URL) -> its page, which shows the live status; many files
    -> the upload status page listing what became of each of them."""
    form = ArticleUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if form.mode == "files" and len(form.cleaned_data["file"]) > 1:
            response = _create_many(request, form)
            if response is not None:
                return response
        else:
            created = _create_one(request, form)
            if created is not None:
                article, was_new = created
                messages.add_message(request, *_upload_message(article, was_new))
                return redirect(article)
    return render(request, "entities/article_upload.html", {"form": form})


def _create_one(request: HttpRequest, form: ArticleUploadForm) -> tuple[Article, bool] | None:
    """The article of pasted text, one file or a URL; None when it could not be created (the
    reasons are then on the form, next to their fields). What the user typed (title, date)
    wins over what the document says of itself."""
    data = form.cleaned_data
    mode = form.mode
    try:
        if mode == "text":
            given = services.ArticleInput(raw=data["text"])
        elif mode == "url":
            given = services.article_fetch(url=data["url"])
        else:
            upload = data["file"][0]
            limit = settings.NEWSAPP_MAX_UPLOAD_BYTES
            if (upload.size or 0) > limit:  # refused before it is read into memory
                form.add_error(
                    "file",
                    f"{upload.name} is {upload.size:,} bytes; files up to {limit:,} bytes are "
                    "accepted.",
                )
                return None
            given = services.article_text_from_upload(name=upload.name, data=upload.read())
        return services.article_create(
            raw=given.raw,
            title=data["title"] or given.title,
            url=data["url"],
            publisher=data["publisher"],
            published_at=data["published_at"] or given.published,
            uploaded_by=request.user,
        )
    except ValidationError as exc:
        default = {"text": "text", "url": "url"}.get(mode, "file")
        _errors_to_form(form, exc, default=default)
        return None


def _create_many(request: HttpRequest, form: ArticleUploadForm) -> HttpResponse | None:
    """Each file on its own: the good ones are kept, each bad one is named with its reason on
    the status page. None when not one file could be read (the reasons are then on the form)."""
    data = form.cleaned_data
    outcomes = services.uploads_create(
        files=data["file"],
        publisher=data["publisher"],
        published_at=data["published_at"],
        uploaded_by=request.user,
    )
    ids = list(dict.fromkeys(o.article_id for o in outcomes if o.article_id is not None))
    if not ids:
        for outcome in outcomes:
            form.add_error("file", outcome.error)
        return None
    ignored = [label for field, label in (("title", "title"), ("url", "URL")) if data[field]]
    if ignored:
        messages.info(
            request,
            f"The {' and '.join(ignored)} you gave {'was' if len(ignored) == 1 else 'were'} not "
            "used: with several files each article takes its own. Set them with “Edit details” "
            "below.",
        )
    refused = sum(1 for o in outcomes if o.error)
    if refused:
        messages.error(
            request,
            f"{refused} of {len(outcomes)} files could not be imported; the reasons are below. "
            "The others are saved: upload only the refused files again once fixed.",
        )
    token = _remember(request, outcomes)
    query = urlencode({"ids": ",".join(map(str, ids)), "batch": token})
    return redirect(f"{reverse('entities:upload_status')}?{query}")


MAX_BATCHES = 20  # uploads whose per-file outcome a session keeps


def _remember(request: HttpRequest, outcomes: list[services.UploadOutcome]) -> str:
    """Keep a batch's per-file outcomes in the session, for its status page."""
    token = secrets.token_urlsafe(6)
    batches = dict(request.session.get("upload_batches", {}))
    batches[token] = [o.as_dict() for o in outcomes]
    request.session["upload_batches"] = dict(list(batches.items())[-MAX_BATCHES:])
    return token


def _errors_to_form(form: ArticleUploadForm, exc: ValidationError, *, default: str) -> None:
    if not hasattr(exc, "message_dict"):
        form.add_error(default, exc.messages)
        return
    for field, errors in exc.message_dict.items():
        # the services name "text" for what may have come from a URL or a file
        form.add_error(field if field in form.fields and field != "text" else default, errors)


def _upload_message(article: Article, created: bool) -> tuple[int, str]:
    if not created:
        return messages.INFO, "This article was already uploaded; here it is."
    warning = selectors.article_upload_warning(article_id=article.pk)
    if warning:
        return messages.WARNING, f"Article saved. {warning}"
    status, _ = selectors.article_progress(article_id=article.pk)
    if status == Article.Status.DONE:
        return messages.SUCCESS, "Article saved and extracted."
    if status == Article.Status.FAILED:
        return messages.ERROR, "Article saved, but its extraction failed; the reason is below."
    return messages.SUCCESS, "Article saved; its extraction is queued."


@read_access
def upload_status(request: HttpRequest) -> HttpResponse:
    """The articles of one upload (?ids=1,2,3) with their statuses; htmx polls the list part
    every two seconds until none is queued or processing.
    Templates: entities/upload_status.html, includes/upload_rows.html (htmx).
    Context: articles, files (per file of the batch), editable, running, counts."""
    ids = [i for i in map(as_id, request.GET.get("ids", "").split(",")) if i is not None]
    articles = selectors.article_uploads(ids=ids[:MAX_STATUS_IDS])
    counts: dict[str, int] = {}
    for article in articles:
        counts[article.status] = counts.get(article.status, 0) + 1
    context = {
        "articles": articles,
        # the articles whose title and date this user may set (editors, the uploader)
        "editable": {a.pk for a in articles if can_edit_article(request.user, a)},
        "files": _batch_rows(request, articles),
        "running": any(a.status in Article.IN_PROGRESS for a in articles),
        "counts": counts,
    }
    template = "includes/upload_rows.html" if is_htmx(request) else "entities/upload_status.html"
    return render(request, template, context)


def _batch_rows(request: HttpRequest, articles: list[Article]) -> list[dict]:
    """One row per file of the batch (?batch= names it in this session): its article, or the
    article it repeats, or the reason it was refused. Empty without a known batch: the page
    then lists the articles alone."""
    outcomes = request.session.get("upload_batches", {}).get(request.GET.get("batch", ""))
    if not outcomes:
        return []
    by_id = {a.pk: a for a in articles}
    first_file: dict[int, str] = {}
    rows = []
    for outcome in outcomes:
        pk = outcome["article_id"]
        row = {**outcome, "article": by_id.get(pk) if pk is not None else None}
        if pk is not None and not outcome["created"]:
            row["duplicate"] = "same text as" if outcome["same"] == "text" else "same address as"
            row["earlier_file"] = first_file.get(pk, "")
        if pk is not None:
            first_file.setdefault(pk, outcome["name"])
        rows.append(row)
    return rows
