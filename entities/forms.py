"""The upload form: pasted text or a .txt / .html file, with optional metadata."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

ALLOWED_SUFFIXES = {".txt", ".html", ".htm"}


class ArticleUploadForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=500,
        required=False,
        help_text=_("Leave empty to take the first line of the text, or the page title."),
    )
    text = forms.CharField(
        label=_("Article text"),
        widget=forms.Textarea(attrs={"rows": 14}),
        required=False,
        help_text=_("Paste the article, or choose a file below."),
    )
    file = forms.FileField(
        label=_("File"), required=False, help_text=_("A .txt or .html file, UTF-8.")
    )
    url = forms.URLField(label=_("URL"), max_length=2000, required=False, assume_scheme="https")
    publisher = forms.CharField(label=_("Publisher"), max_length=200, required=False)
    published_at = forms.DateField(
        label=_("Publication date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        suffix = Path(upload.name).suffix.lower()
        if suffix not in ALLOWED_SUFFIXES:
            raise forms.ValidationError(
                _("%(name)s is not a .txt or .html file."), params={"name": upload.name}
            )
        if upload.size > settings.NEWSAPP_MAX_ARTICLE_CHARS * 4:
            raise forms.ValidationError(_("This file is too large for a news article."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(
                _("%(name)s is not UTF-8 text."), params={"name": upload.name}
            ) from exc

    def clean(self):
        data = super().clean()
        if "file" in self.errors:
            return data  # the file was refused: that error says it all
        if not (data.get("text") or "").strip() and not data.get("file"):
            self.add_error("text", _("Paste the article text or choose a file."))
        elif (data.get("text") or "").strip() and data.get("file"):
            self.add_error("file", _("Paste text or choose a file, not both."))
        return data

    @property
    def raw(self) -> str:
        return self.cleaned_data.get("file") or self.cleaned_data.get("text") or ""
