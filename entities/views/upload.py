"""Upload: pasted text, one or many files, or a URL to fetch; then the live status of what
was sent, polled by htmx until the workers are done."""

from __future__ import annotations

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
from entities.views.common import as_id, is_htmx, read_access

MAX_STATUS_IDS = 200


@login_required
def article_upload(request: HttpRequest) -> HttpResponse:
    """Templates: entities/article_upload.html. Context: form.

    One article (text, one file, a URL) -> its page, which shows the live status; many files
    -> the upload status page listing each of them."""
    form = ArticleUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        created = _create(request, form)
        if created is not None:
            if len(created) == 1:
                article, was_new = created[0]
                messages.add_message(request, *_upload_message(article, was_new))
                return redirect(article)
            ids = ",".join(str(a.pk) for a, _ in created)
            return redirect(f"{reverse('entities:upload_status')}?ids={ids}")
    return render(request, "entities/article_upload.html", {"form": form})


def _create(request: HttpRequest, form: ArticleUploadForm) -> list[tuple[Article, bool]] | None:
    """Create the articles the form describes; None when nothing could be created (the reasons
    are then on the form, next to their fields)."""
    data = form.cleaned_data
    meta = {
        "title": data["title"],
        "url": data["url"],
        "publisher": data["publisher"],
        "published_at": data["published_at"],
        "uploaded_by": request.user,
    }
    try:
        if form.mode == "text":
            return [services.article_create(raw=data["text"], **meta)]
        if form.mode == "url":
            return [services.article_create(raw=services.article_fetch(url=data["url"]), **meta)]
    except ValidationError as exc:
        _errors_to_form(form, exc, default="url" if form.mode == "url" else "text")
        return None
    files = data["file"]
    # many files: each has its own title and address
    meta_one = meta if len(files) == 1 else {**meta, "title": "", "url": ""}
    created, refused = [], []
    limit = settings.NEWSAPP_MAX_UPLOAD_BYTES
    for upload in files:
        if upload.size > limit:  # refused before it is read into memory
            refused.append(
                f"{upload.name} is {upload.size:,} bytes; files up to {limit:,} bytes are accepted."
            )
            continue
        try:
            raw = services.article_text_from_upload(name=upload.name, data=upload.read())
            created.append(services.article_create(raw=raw, **meta_one))
        except ValidationError as exc:
            refused.append(_message(exc))
    if not created:
        for reason in refused:
            form.add_error("file", reason)
        return None
    for reason in refused:
        messages.error(request, f"Not imported: {reason}")
    return created


def _message(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return " ".join(m for ms in exc.message_dict.values() for m in ms)
    return " ".join(exc.messages)


def _errors_to_form(form: ArticleUploadForm, exc: ValidationError, *, default: str) -> None:
    if not hasattr(exc, "message_dict"):
        form.add_error(default, exc.messages)
        return
    for field, errors in exc.message_dict.items():
        # the services name "text" for what may have come from a URL
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
    Context: articles, running, counts."""
    ids = [i for i in map(as_id, request.GET.get("ids", "").split(",")) if i is not None]
    articles = selectors.article_uploads(ids=ids[:MAX_STATUS_IDS])
    counts: dict[str, int] = {}
    for article in articles:
        counts[article.status] = counts.get(article.status, 0) + 1
    context = {
        "articles": articles,
        "running": any(a.status in Article.IN_PROGRESS for a in articles),
        "counts": counts,
    }
    template = "includes/upload_rows.html" if is_htmx(request) else "entities/upload_status.html"
    return render(request, template, context)
