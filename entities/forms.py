"""Forms of the browsing pages: upload, statement search, network filters and curation."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from entities import selectors
from entities.models import Actor, Article, Statement, StatementTarget
from entities.services.inputs import UPLOAD_SUFFIXES
from entities.validators import validate_date_range, validate_publication_date

CUE_CLASSES = [
    "say",
    "claim",
    "deny",
    "warn",
    "pledge",
    "accuse",
    "praise",
    "urge",
    "propose",
    "agree",
    "believe",
    "report",
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Zero, one or many files: cleaned to a list of uploaded files. Each file is checked by
    the upload service on its own (an empty one, a wrong type): one bad file must not refuse
    the others, and its error names it."""

    def __init__(self, *args, **kwargs):
        # one definition of what is accepted: the upload service's list
        accept = ",".join(UPLOAD_SUFFIXES)
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": accept}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        files = [f for f in files if f]
        if self.required and not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        for upload in files:
            if not hasattr(upload, "name") or not hasattr(upload, "size"):
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return files


class ArticleUploadForm(forms.Form):
    """Pasted text, one or many files, or a URL to fetch; the metadata applies to one article."""

    text = forms.CharField(
        label=_("Article text"),
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        help_text=_("Paste the article here, or choose files, or give its URL below."),
    )
    file = MultipleFileField(
        label=_("Files"),
        required=False,
        help_text=_(
            "One or many .txt, .html or .pdf files; each becomes an article. A bad file is "
            "named with its reason; the others are kept."
        ),
    )
    url = forms.URLField(
        label=_("URL"),
        max_length=2000,
        required=False,
        assume_scheme="https",
        help_text=_("The article's address. With no text and no file, the page is fetched."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=500,
        required=False,
        help_text=_("Leave empty to take the first line of the text, or the page title."),
    )
    publisher = forms.CharField(label=_("Publisher"), max_length=200, required=False)
    published_at = forms.DateField(
        label=_("Publication date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[validate_publication_date],
    )

    def clean(self):
        data = super().clean()
        if "file" in self.errors:
            return data
        text = (data.get("text") or "").strip()
        files = data.get("file") or []
        if not text and not files and not data.get("url"):
            if "url" not in self.errors:
                self.add_error("text", _("Paste the article text, choose a file or give a URL."))
        elif text and files:
            self.add_error("file", _("Paste text or choose files, not both."))
        return data

    @property
    def mode(self) -> str:
        """What the user sent: "text", "files" or "url"."""
        if (self.cleaned_data.get("text") or "").strip():
            return "text"
        if self.cleaned_data.get("file"):
            return "files"
        return "url"


class ActorField(forms.CharField):
    """An actor named by its name, an alias ("Peskov"), its slug or its page's URL; a merged
    actor means its survivor. A name several actors share means the one far more prominent
    than the others (twice the statements and mentions), else it is an error that lists them."""

    def __init__(self, *args, follow_merge: bool = True, **kwargs):
        self.follow_merge = follow_merge
        self.exclude: Actor | None = None  # an actor never meant (the one being merged)
        kwargs.setdefault("max_length", 320)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        slug = value.strip().rstrip("/").rsplit("/", 1)[-1]
        actor = selectors.actor_get(slug=slug) if "/" in value or " " not in value else None
        if actor is None:
            found = selectors.actor_named(name=value)
            if self.exclude is not None:
                found = [a for a in found if a.pk != self.exclude.pk]
            if len(found) > 1 and found[0].prominence >= 2 * max(found[1].prominence, 1):
                found = found[:1]  # "Obama": Barack Obama, far ahead of Michelle Obama
            if len(found) > 1:
                raise forms.ValidationError(
                    _("“%(name)s” may be %(actors)s: write the full name."),
                    params={
                        "name": value,
                        "actors": "; ".join(f"{a.name} ({a.slug})" for a in found),
                    },
                )
            actor = found[0] if found else None
        if actor is None:
            raise forms.ValidationError(
                _("No actor is called “%(name)s”."), params={"name": value.strip()}
            )
        return actor.survivor() if self.follow_merge else actor


class CountryField(forms.CharField):
    """A country named by its slug, name or an alias ("united-states", "United States",
    "US"); a merged country means its survivor. Anything else is an error that says so."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 320)
        kwargs.setdefault("widget", forms.TextInput(attrs={"placeholder": "e.g. Russia"}))
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        country = selectors.country_resolve(value=value)
        if country is None:
            raise forms.ValidationError(
                _("No country is called “%(name)s” (a country's name or slug, e.g. russia)."),
                params={"name": value.strip()},
            )
        return country


def _slug_input(example: str) -> forms.TextInput:
    return forms.TextInput(attrs={"placeholder": f"name or alias, e.g. {example}"})


class _DateRangeForm(forms.Form):
    """A 'from' and a 'to' date, either may be empty; an end before the start is an error."""

    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        try:
            validate_date_range(data.get("date_from"), data.get("date_to"))
        except forms.ValidationError as error:
            self.add_error("date_to", error)
        return data


class StatementSearchForm(_DateRangeForm):
    field_order = [
        "q", "speaker", "target", "stance", "kind", "cue_class", "date_from", "date_to",
        "publisher", "speaker_country", "target_country", "order",
    ]  # fmt: skip
    q = forms.CharField(label=_("Words"), required=False, max_length=300)
    speaker = ActorField(label=_("Speaker"), required=False, widget=_slug_input("Peskov"))
    target = ActorField(label=_("About"), required=False, widget=_slug_input("North Korea"))
    stance = forms.ChoiceField(
        label=_("Stance toward it"),
        required=False,
        choices=[("", _("any")), *StatementTarget.Stance.choices],
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("any")), *Statement.Kind.choices]
    )
    cue_class = forms.ChoiceField(
        label=_("Verb class"),
        required=False,
        choices=[("", _("any"))] + [(c, c) for c in CUE_CLASSES],
    )
    publisher = forms.CharField(label=_("Publisher"), required=False, max_length=200)
    speaker_country = CountryField(label=_("Speaker's country"), required=False)
    target_country = CountryField(label=_("About someone of"), required=False)
    order = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("date", _("date, newest first")), ("relevance", _("relevance"))],
    )

    def search_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "query": data.get("q") or "",
            "speaker": data.get("speaker"),
            "target": data.get("target"),
            "kind": data.get("kind") or "",
            "cue_class": data.get("cue_class") or "",
            "stance": data.get("stance") or "",
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
            "publisher": (data.get("publisher") or "").strip(),
            "order": data.get("order") or "date",
            "speaker_country": data.get("speaker_country"),
            "target_country": data.get("target_country"),
        }


class RelationForm(_DateRangeForm):
    """The relations pages' filters: the statement search's dates, publisher and kind."""

    field_order = ["date_from", "date_to", "publisher", "kind"]
    publisher = StatementSearchForm.base_fields["publisher"]
    kind = StatementSearchForm.base_fields["kind"]

    def filters(self) -> selectors.RelationFilters:
        data = self.cleaned_data if self.is_bound else {}
        return selectors.RelationFilters(
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            publisher=(data.get("publisher") or "").strip(),
            kind=data.get("kind") or "",
        )


class ArticleFilterForm(_DateRangeForm):
    field_order = ["q", "status", "publisher", "date_from", "date_to"]
    q = forms.CharField(label=_("Title or publisher"), required=False, max_length=300)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("any")), *Article.Status.choices]
    )
    publisher = forms.CharField(label=_("Publisher"), required=False, max_length=200)

    def list_kwargs(self) -> dict:
        data = self.cleaned_data if self.is_bound else {}
        return {
            "query": (data.get("q") or "").strip(),
            "status": data.get("status") or "",
            "publisher": (data.get("publisher") or "").strip(),
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
        }


class NetworkForm(_DateRangeForm):
    """The network page's filters; graph_kwargs() are selectors.graph_edges' arguments."""

    field_order = [
        "level", "actor", "date_from", "date_to", "kind", "stance", "actor_kind", "min_weight",
    ]  # fmt: skip
    level = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("actor", _("actors")), ("country", _("countries"))],
        initial="actor",
        widget=forms.RadioSelect,
    )
    actor = ActorField(label=_("Around actor"), required=False, widget=_slug_input("North Korea"))
    kind = StatementSearchForm.base_fields["kind"]
    stance = forms.ChoiceField(
        label=_("Stance"),
        required=False,
        choices=[("", _("any")), *StatementTarget.Stance.choices],
    )
    actor_kind = forms.MultipleChoiceField(
        label=_("Actor types"),
        required=False,
        choices=Actor.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Speakers and targets of these types only; none ticked: all."),
    )
    min_weight = forms.IntegerField(
        label=_("At least this many statements"),
        required=False,
        min_value=1,
        max_value=10**6,
        widget=forms.NumberInput(attrs={"min": 1}),
    )

    def graph_kwargs(self) -> dict:
        data = self.cleaned_data if self.is_bound else {}
        return {
            "level": data.get("level") or "actor",
            "actor": data.get("actor"),
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
            "kind": data.get("kind") or "",
            "stance": data.get("stance") or "",
            "actor_kind": tuple(data.get("actor_kind") or ()),
            "min_weight": data.get("min_weight") or 1,
        }


# -- curation (editors) -------------------------------------------------------------------


class ActorMergeForm(forms.Form):
    into = ActorField(
        label=_("Merge into"),
        help_text=_(
            "The actor that stays, by name, alias or slug; this page will then redirect to it."
        ),
    )

    def __init__(self, *args, source: Actor | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].exclude = source  # type: ignore[attr-defined]


class ActorRenameForm(forms.Form):
    name = forms.CharField(label=_("New name"), max_length=300)


class ActorAliasForm(forms.Form):
    alias = forms.CharField(label=_("Alias"), max_length=300)


class ActorUpdateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Actor.Kind.choices)
    country = ActorField(
        label=_("Country"),
        required=False,
        help_text=_("a country, by name or slug; empty for none"),
    )
    role = forms.CharField(label=_("Role or title"), max_length=300, required=False)

    def clean_country(self):
        country = self.cleaned_data.get("country")
        if country is not None and country.kind != Actor.Kind.COUNTRY:
            raise forms.ValidationError(_("%(name)s is not a country."), params={"name": country})
        return country


class ActorRejectForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, this is not a real actor: drop its mentions and statements' links to it.")
    )


class StatementSpeakerForm(forms.Form):
    speaker = ActorField(
        label=_("Speaker"),
        required=False,
        help_text=_("an actor, by name, alias or slug; empty for unknown"),
    )


class StatementTargetsForm(forms.Form):
    targets = forms.CharField(
        label=_("About"),
        required=False,
        max_length=2000,
        help_text=_("actors by name, alias or slug, separated by commas; empty for none"),
    )

    def clean_targets(self) -> list[Actor]:
        field = ActorField(required=True)
        actors: list[Actor] = []
        errors = []
        for slug in filter(None, (s.strip() for s in self.cleaned_data["targets"].split(","))):
            try:
                actor = field.clean(slug)
            except forms.ValidationError as exc:
                errors.extend(exc.messages)
                continue
            if actor not in actors:
                actors.append(actor)
        if errors:
            raise forms.ValidationError(errors)
        return actors


class ReviewFilterForm(forms.Form):
    """The review queue's filters: one article (by its id, as in /articles/<id>/), one reason."""

    article = forms.IntegerField(
        label=_("Article id"), required=False, min_value=1, max_value=10**18 - 1
    )
    reason = forms.ChoiceField(
        label=_("Reason"),
        required=False,
        choices=[("", _("any reason")), *((r.code, r.label) for r in selectors.REASONS)],
    )

    def clean_article(self) -> Article | None:
        pk = self.cleaned_data.get("article")
        if pk is None:
            return None
        article = selectors.article_get(article_id=pk)
        if article is None:
            raise forms.ValidationError(_("No article has the id %(id)s."), params={"id": pk})
        return article

    def queue_kwargs(self) -> dict:
        data = self.cleaned_data if self.is_bound else {}
        return {"article": data.get("article"), "reason": data.get("reason") or ""}


class StatementEditForm(forms.Form):
    """The statement's content span (offsets into the body, or the title for a statement made
    in the headline; the article page fills them from a selection) and its kind."""

    start = forms.IntegerField(label=_("Start"), min_value=0)
    end = forms.IntegerField(label=_("End"), min_value=0)
    kind = forms.ChoiceField(label=_("Kind"), choices=Statement.Kind.choices)


class SpeakerActorForm(forms.Form):
    """A new actor for an unresolved speaker ("Cyber security experts")."""

    name = forms.CharField(label=_("Name"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=Actor.Kind.choices)
    country = ActorField(
        label=_("Country"),
        required=False,
        help_text=_("a country, by name or slug; empty for none"),
    )

    def clean_country(self):
        country = self.cleaned_data.get("country")
        if country is not None and country.kind != Actor.Kind.COUNTRY:
            raise forms.ValidationError(_("%(name)s is not a country."), params={"name": country})
        return country


class ArticleDetailsForm(forms.Form):
    """An article's details, editable after upload (editors and its uploader)."""

    title = forms.CharField(label=_("Title"), max_length=500)
    publisher = forms.CharField(label=_("Publisher"), max_length=200, required=False)
    published_at = forms.DateField(
        label=_("Publication date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[validate_publication_date],
        help_text=_("Undated articles are left out of timelines and date filters."),
    )
    url = forms.URLField(label=_("URL"), max_length=2000, required=False, assume_scheme="https")
    authors = forms.CharField(
        label=_("Authors"),
        max_length=1000,
        required=False,
        help_text=_("separated by commas"),
    )

    def clean_authors(self) -> list[str]:
        return [a.strip() for a in self.cleaned_data["authors"].split(",") if a.strip()]
