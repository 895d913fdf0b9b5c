"""Articles, the actors found in them, their mentions and their statements."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime
from typing import cast

from django.conf import settings
from django.db import connection, models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from entities.folding import fold


def fit_field(model: type[models.Model], field: str, value: str) -> str:
    """`value` cut to the `max_length` of `model.field`: extracted or typed text longer than the
    column holds is shortened rather than refused by the database."""
    column = cast(models.Field, model._meta.get_field(field))  # a column, not a relation
    return value[: column.max_length]


# Statement.sort_at of an undated article's statements: earlier than any publication date
# (from 1900, entities.validators), so that they come last newest first, as the lists always
# showed them, while the column stays NOT NULL for the index and the API's cursor
UNDATED = datetime(1800, 1, 1, tzinfo=UTC)


def sort_at_of(published_at: datetime | None) -> datetime:
    """What Statement.sort_at holds for statements of an article published then."""
    return published_at or UNDATED


class Folded(models.Func):
    """SQLite only: the text folded as entities.folding.fold folds it, by a function each
    SQLite connection registers (entities.apps)."""

    function = "newsapp_fold"
    output_field = models.TextField()


class Unaccented(models.Func):
    """PostgreSQL only: lower case without accents (migration 0013's newsapp_unaccent, which
    the trigram indexes on article titles and publishers are built on)."""

    function = "newsapp_unaccent"
    output_field = models.TextField()


class ArticleQuerySet(models.QuerySet):
    def search(self, query: str) -> ArticleQuerySet:
        """Articles whose title or publisher contains the words, accents and case aside
        (PostgreSQL: unaccent; SQLite: folded, punctuation aside too)."""
        if connection.vendor == "postgresql":
            # a constant pattern (folded at planning), matched through the trigram indexes
            pattern = Unaccented(Value(query))
            return self.alias(
                unaccented_title=Unaccented("title"), unaccented_publisher=Unaccented("publisher")
            ).filter(
                Q(unaccented_title__contains=pattern) | Q(unaccented_publisher__contains=pattern)
            )
        folded = fold(query)
        if not folded:
            return self.none()
        return self.alias(
            folded_title=Folded("title"), folded_publisher=Folded("publisher")
        ).filter(Q(folded_title__contains=folded) | Q(folded_publisher__contains=folded))


class Article(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        PROCESSING = "processing", _("processing")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    # waiting for a worker or on one: pages keep polling while an article is in these
    IN_PROGRESS = (Status.QUEUED, Status.PROCESSING)
    # what a status read shows of an article (never its body or raw input)
    PROGRESS_FIELDS = (
        "status",
        "error",
        "attempts",
        "pipeline_version",
        "model_name",
        "queued_at",
        "started_at",
        "finished_at",
    )

    class Format(models.TextChoices):
        TEXT = "text", _("plain text")
        HTML = "html", _("HTML")

    title = models.CharField(_("title"), max_length=500, blank=True)
    body = models.TextField(
        _("body"), blank=True, help_text=_("Clean text; every stored offset points into it.")
    )
    raw = models.TextField(_("raw input"), help_text=_("The input exactly as uploaded."))
    raw_format = models.CharField(
        _("raw format"), max_length=10, choices=Format.choices, default=Format.TEXT
    )
    url = models.URLField(_("URL"), max_length=2000, null=True, blank=True, unique=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    authors = models.JSONField(_("authors"), default=list, blank=True)
    content_hash = models.CharField(
        _("content hash"),
        max_length=64,
        unique=True,
        help_text=_("SHA-256 of the normalised body: the same article uploaded twice is one."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    error = models.TextField(_("error"), blank=True, help_text=_("Why extraction failed."))
    attempts = models.PositiveIntegerField(
        _("extraction attempts"),
        default=0,
        help_text=_("Starts since the last successful extraction; bounded by the settings."),
    )
    pipeline_version = models.CharField(_("pipeline version"), max_length=20, blank=True)
    model_name = models.CharField(_("spaCy model"), max_length=100, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    enqueued_at = models.DateTimeField(
        _("sent to the workers at"),
        null=True,
        blank=True,
        help_text=_("Empty while the broker has not accepted the task: the sweeper sends it."),
    )
    started_at = models.DateTimeField(_("processing started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(fields=["-created_at"]),
            models.Index(fields=["published_at"]),
            # the search form's publishers, one index probe each (selectors.statement_publishers)
            models.Index(fields=["publisher"], name="entities_article_publisher"),
            # the article list's order (selectors.ARTICLES_NEWEST): newest first, undated last
            models.Index(
                Coalesce("published_at", Value(UNDATED)).desc(),
                F("created_at").desc(),
                F("id").desc(),
                name="entities_article_newest",
            ),
            # the API's cursor: publication date, else upload time (selectors.article_list_keyed)
            models.Index(
                Coalesce("published_at", "created_at").desc(),
                F("id").desc(),
                name="entities_article_sort_key",
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"Article {self.pk}"

    def save(self, *args, **kwargs) -> None:
        """Saved; a changed publication date is copied onto the article's statements
        (Statement.sort_at), whichever way it was changed (the edit service, the admin)."""
        adding = self._state.adding
        super().save(*args, **kwargs)
        fields = kwargs.get("update_fields")
        if not adding and (fields is None or "published_at" in fields):
            sort_at = sort_at_of(self.published_at)
            self.statements.exclude(sort_at=sort_at).update(sort_at=sort_at)

    def get_absolute_url(self) -> str:
        return reverse("entities:article_detail", args=[self.pk])


class Actor(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", _("person")
        ORGANIZATION = "organization", _("organisation")
        COUNTRY = "country", _("country")
        GROUP = "group", _("group")

    name = models.CharField(_("name"), max_length=300, help_text=_("e.g. Vladimir Putin"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    country = models.ForeignKey(
        "self",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": "country"},
    )
    role = models.CharField(
        _("role or title"), max_length=300, blank=True, help_text=_("e.g. Russian President")
    )
    slug = models.SlugField(_("slug"), max_length=320, unique=True)
    wikidata_id = models.CharField(_("Wikidata id"), max_length=20, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
    )
    name_key = models.CharField(
        _("spelling key"),
        max_length=300,
        blank=True,
        db_index=True,
        help_text=_(
            "A person's name reduced to its consonants, word order aside ('Sergei Lavrov' and "
            "'Sergey Lavrov' share one): actors that share it are offered to editors as "
            "possible duplicates."
        ),
    )
    rejected = models.BooleanField(
        _("rejected"),
        default=False,
        help_text=_("Not a real actor (an extraction error): its mentions are not kept."),
    )
    folded = models.CharField(
        _("name as searched"),
        max_length=300,
        blank=True,
        editable=False,
        help_text=_("The name folded for search ('Kim Jong-un' -> 'kim jong un'), set on save."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "kind"], name="actor_name_kind")]
        permissions = [("curate", _("Can curate actors and statements (editor)"))]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.folded = search_key(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "folded"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("entities:actor_detail", args=[self.slug])

    def survivor(self) -> Actor:
        """The actor this one was merged into, through chains of merges; itself if it was not
        merged. A cycle (which actor_merge never makes) stops where it would repeat."""
        actor, seen = self, set()
        while actor.merged_into_id and actor.pk not in seen:
            seen.add(actor.pk)
            actor = actor.merged_into
        return actor


def normalise_name(name: str) -> str:
    """See ActorAlias.normalise (a function, so that migrations can call it)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'").strip()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"\b(\w)\.(?=\w\b|\w\.)", r"\1", text)  # "c.i.a." -> "cia."
    return re.sub(r"\s+", " ", text).strip(" .,'")


def search_key(name: str) -> str:
    """A name as search compares it: normalised as an alias ('The U.S.' -> 'us'), then
    folded ('Kim Jong-un' -> 'kim jong un', "Trump's" -> 'trump')."""
    return fold(normalise_name(name))[:300]


# words that do not tell one person from another in a spelling key
_KEY_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "von", "van", "der", "den", "de", "da",
                  "di", "du", "dos", "das", "del", "la", "le"}  # fmt: skip


def name_key(name: str, kind: str) -> str:
    """A person's name reduced to the first letter and the consonants of each word (h, w and
    y count as vowels, doubled letters as one), words sorted: 'Sergei Lavrov' and 'Sergey
    Lavrov' -> 'lvrv srg', 'Abdallah Hamdok' and 'Abdalla Hamdok' alike. '' for names of one
    word and for other kinds: too short a key says nothing."""
    if kind != Actor.Kind.PERSON:
        return ""
    words = [w for w in re.findall(r"[a-z]+", normalise_name(name)) if w not in _KEY_PARTICLES]
    if len(words) < 2:
        return ""
    keys = []
    for word in words:
        kept = word[0] + re.sub(r"[aeiouyhw]", "", word[1:])
        keys.append(re.sub(r"(.)\1+", r"\1", kept))
    return fit_field(Actor, "name_key", " ".join(sorted(keys)))


class PossibleDuplicate(models.Model):
    """Two actors that may be one, found when extraction was unsure (a short name shared by
    several actors, or a spelling variant): an editor merges them or leaves them apart."""

    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="+"
    )
    other = models.ForeignKey(
        Actor, verbose_name=_("other actor"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("why"), max_length=300)
    dismissed = models.BooleanField(
        _("dismissed"),
        default=False,
        help_text=_("An editor decided they are two actors; the pair is not offered again."),
    )
    created_at = models.DateTimeField(_("found at"), auto_now_add=True)

    class Meta:
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "other"], name="duplicate_pair"),
            models.CheckConstraint(
                condition=models.Q(actor__lt=models.F("other")), name="duplicate_pair_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor} / {self.other}"


class ActorAlias(models.Model):
    alias = models.CharField(
        _("alias"), max_length=300, db_index=True, help_text=_("Normalised: 'vladimir putin'.")
    )
    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="aliases"
    )
    folded = models.CharField(
        _("alias as searched"),
        max_length=300,
        blank=True,
        editable=False,
        help_text=_("The alias folded for search, set on save and by ActorAlias.make."),
    )

    class Meta:
        verbose_name = _("actor alias")
        verbose_name_plural = _("actor aliases")
        ordering = ["alias"]
        constraints = [models.UniqueConstraint(fields=["alias", "actor"], name="alias_actor")]

    def __str__(self) -> str:
        return f"{self.alias} -> {self.actor}"

    def save(self, *args, **kwargs) -> None:
        self.folded = search_key(self.alias)
        if kwargs.get("update_fields") is not None and "alias" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "folded"}
        super().save(*args, **kwargs)

    @classmethod
    def make(cls, *, actor_id: int, alias: str) -> ActorAlias:
        """An unsaved alias with its folded form, for bulk_create (which calls no save())."""
        return cls(actor_id=actor_id, alias=alias, folded=search_key(alias))

    @staticmethod
    def normalise(name: str) -> str:
        """The stored form of a name: 'The  U.S. ' -> 'us', 'C.I.A.' -> 'cia', 'Orbán' ->
        'orban' (accents written or not are one name), curly apostrophes straightened."""
        return normalise_name(name)


class Mention(models.Model):
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="mentions"
    )
    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="mentions"
    )
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    text = models.CharField(_("text"), max_length=300)
    label = models.CharField(_("label"), max_length=20)

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        ordering = ["article", "start"]
        indexes = [models.Index(fields=["article", "start"])]

    def __str__(self) -> str:
        return f"{self.text} [{self.start}:{self.end}]"


class Statement(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", _("direct quote")
        MIXED = "mixed", _("mixed")
        INDIRECT = "indirect", _("reported speech")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="statements"
    )
    speaker = models.ForeignKey(
        Actor,
        verbose_name=_("speaker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
    )
    speaker_text = models.CharField(_("speaker as written"), max_length=500, blank=True)
    speaker_start = models.PositiveIntegerField(_("speaker start"))
    speaker_end = models.PositiveIntegerField(_("speaker end"))
    cue = models.CharField(_("cue"), max_length=100, blank=True)
    cue_lemma = models.CharField(_("cue lemma"), max_length=100, blank=True)
    cue_class = models.CharField(_("cue class"), max_length=20, blank=True, db_index=True)
    cue_start = models.PositiveIntegerField(_("cue start"))
    cue_end = models.PositiveIntegerField(_("cue end"))
    content = models.TextField(_("content"))
    content_start = models.PositiveIntegerField(_("content start"))
    content_end = models.PositiveIntegerField(_("content end"))
    fragments = models.JSONField(
        _("fragments"),
        default=list,
        blank=True,
        help_text=_(
            "[[start, end], ...]: the speaker's words when the attribution interrupts them "
            '(\'"A," she said. "B."\'); empty when the content is one piece.'
        ),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, db_index=True)
    confidence = models.FloatField(_("confidence"))
    in_title = models.BooleanField(
        _("said in the headline"),
        default=False,
        help_text=_("Every offset of the statement is into the article's title, not its body."),
    )
    reviewed_at = models.DateTimeField(
        _("reviewed at"),
        null=True,
        blank=True,
        help_text=_(
            "When an editor confirmed the statement as it stands; reprocessing leaves a reviewed "
            "statement exactly as it is."
        ),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sort_at = models.DateTimeField(
        _("sorted as published at"),
        editable=False,
        help_text=_(
            "The article's publication date (UNDATED when it has none), copied here so that "
            "lists of statements are ordered and filtered by date through an index instead of "
            "sorting every statement joined to its article. Set on save and by Article.save."
        ),
    )

    # what the page says of a confidence: (lowest value, word), highest first
    CONFIDENCE_WORDS = ((0.8, _("high")), (0.6, _("medium")), (0.0, _("low")))

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["article", "content_start"]
        indexes = [
            # newest first (selectors.statements.newest_first), date ranges, the API's cursor
            models.Index(
                fields=["-sort_at", "-article", "content_start", "id"],
                name="entities_statement_newest",
            ),
        ]

    def __str__(self) -> str:
        who = self.speaker.name if self.speaker_id else (self.speaker_text or "?")
        return f"{who}: {self.content[:60]}"

    def save(self, *args, **kwargs) -> None:
        if self.sort_at is None:
            self.sort_at = sort_at_of(self._article_published_at())
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The permalink: it stays valid across reprocessing (a statement the new extraction
        no longer finds answers 410 there) and opens the article at the statement."""
        return reverse("entities:statement_detail", args=[self.pk])

    def get_article_url(self) -> str:
        """The article page at this statement: ?s= opens the page of a long article's list that
        holds it and highlights its sentence; #statement-<id> is its entry in the list."""
        url = reverse("entities:article_detail", args=[self.article_id])
        return f"{url}?s={self.pk}#{statement_anchor(self.pk)}"

    @property
    def confidence_word(self) -> str:
        """'high' (0.8 and above), 'medium' (0.6 and above) or 'low'."""
        return str(next(word for low, word in self.CONFIDENCE_WORDS if self.confidence >= low))

    def content_spans(self) -> list[tuple[int, int]]:
        """The pieces of the body that are the speaker's words, in order."""
        if self.fragments:
            return [(int(a), int(b)) for a, b in self.fragments]
        return [(self.content_start, self.content_end)]

    def _article_published_at(self) -> datetime | None:
        if Statement.article.is_cached(self):  # type: ignore[attr-defined]
            return self.article.published_at
        return (
            Article.objects.filter(pk=self.article_id).values_list("published_at", flat=True).get()
        )


def statement_anchor(statement_id: int) -> str:
    """The one anchor of a statement on its article page: the id of its entry in the list."""
    return f"statement-{statement_id}"


class RetiredStatement(models.Model):
    """A statement that reprocessing no longer found: its old id answers 410 with a page that
    says so and links the article. Statement ids are never reused (PostgreSQL sequences and
    SQLite AUTOINCREMENT tables never hand out a deleted id again), so an old link never leads
    to another statement."""

    id = models.BigIntegerField(_("statement id"), primary_key=True)
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )
    in_title = models.BooleanField(_("said in the headline"), default=False)
    content_start = models.PositiveIntegerField(_("content start"))
    content_end = models.PositiveIntegerField(_("content end"))
    content = models.TextField(_("content"), help_text=_("The words it quoted, as they were."))
    speaker = models.CharField(_("speaker"), max_length=500, blank=True)
    retired_at = models.DateTimeField(_("retired at"), help_text=_("When it was reprocessed."))

    class Meta:
        verbose_name = _("retired statement")
        verbose_name_plural = _("retired statements")
        ordering = ["-retired_at", "-id"]

    def __str__(self) -> str:
        return f"statement {self.pk} (retired {self.retired_at:%Y-%m-%d})"


class StatementTarget(models.Model):
    statement = models.ForeignKey(
        Statement, verbose_name=_("statement"), on_delete=models.CASCADE, related_name="targets"
    )
    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="targeted_by"
    )

    class Stance(models.TextChoices):
        NEGATIVE = "negative", _("negative")
        POSITIVE = "positive", _("positive")
        NEUTRAL = "neutral", _("neutral")

    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    stance = models.CharField(
        _("stance"),
        max_length=8,
        choices=Stance.choices,
        default=Stance.NEUTRAL,
        help_text=_("The speaker's attitude toward this actor in the statement."),
    )

    class Meta:
        verbose_name = _("statement target")
        verbose_name_plural = _("statement targets")
        ordering = ["statement", "start"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "actor"], name="target_statement_actor")
        ]

    def __str__(self) -> str:
        return f"{self.statement_id} -> {self.actor}"


class Correction(models.Model):
    """A human decision about the extracted data, kept so that re-running extraction applies it
    again: merges, renames, aliases and rejections act on actors (and the resolver honours
    them); statement decisions (speaker, targets, span, kind, not a statement, review) name a
    statement by its article and content span, which follows the span an editor gives it."""

    class Kind(models.TextChoices):
        MERGE = "merge", _("merge actors")
        RENAME = "rename", _("rename actor")
        ALIAS_ADD = "alias_add", _("add alias")
        ALIAS_REMOVE = "alias_remove", _("remove alias")
        ACTOR_UPDATE = "actor_update", _("change kind or country")
        REJECT = "reject", _("reject actor")
        SPEAKER = "speaker", _("reassign speaker")
        TARGETS = "targets", _("reassign targets")
        REVIEW = "review", _("mark reviewed or not")
        NOT_STATEMENT = "not_statement", _("not a statement")
        SPAN = "span", _("change statement span")
        STATEMENT_KIND = "statement_kind", _("change statement kind")
        ACTOR_CREATE = "actor_create", _("create actor from speaker")
        ARTICLE = "article", _("edit article details")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    actor = models.ForeignKey(
        Actor,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="corrections",
        help_text=_("The actor decided on: the survivor of a merge, the new speaker, ..."),
    )
    other = models.ForeignKey(
        Actor,
        verbose_name=_("other actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The actor merged away."),
    )
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    content_start = models.PositiveIntegerField(_("statement content start"), null=True, blank=True)
    content_end = models.PositiveIntegerField(_("statement content end"), null=True, blank=True)
    in_title = models.BooleanField(
        _("statement in the headline"),
        default=False,
        help_text=_("The statement's content span is in the article's title."),
    )
    data = models.JSONField(
        _("details"), default=dict, blank=True, help_text=_("Old and new values.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["article", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"


# Summaries: counts kept in step with the rows above by entities.services.summaries (every write
# that changes statements, targets, mentions, an article's date or an actor's country passes
# through it), so that actor pages, pair pages, the relations matrix and the network read a few
# rows instead of aggregating millions. `summaries_rebuild` recomputes them from scratch.

UNDATED_MONTH = date(1, 1, 1)  # the `month` of statements whose article has no publication date


class ActorCounts(models.Model):
    """An actor's statements (as speaker), statements about it (as a target) and mentions."""

    actor = models.OneToOneField(
        Actor, on_delete=models.CASCADE, primary_key=True, related_name="counts"
    )
    said = models.IntegerField(default=0)
    about = models.IntegerField(default=0)
    mentions = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("actor counts")
        verbose_name_plural = _("actor counts")

    def __str__(self) -> str:
        return f"{self.actor_id}: {self.said} said, {self.about} about, {self.mentions} mentions"


class ActorMonth(models.Model):
    """An actor's statements and the statements about it in one month of publication
    (UNDATED_MONTH for articles without a date)."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()  # its first day
    said = models.IntegerField(default=0)
    about = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["actor", "month"], name="actor_month_key")]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.month:%Y-%m}: {self.said} said, {self.about} about"


class PairCounts(models.Model):
    """What one actor said about another: statements counted by the speaker's stance. A
    statement without a speaker, or about its own speaker, is in no pair."""

    speaker = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    n = models.IntegerField(default=0)
    negative = models.IntegerField(default=0)
    positive = models.IntegerField(default=0)
    neutral = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["speaker", "target"], name="pair_counts_key")
        ]
        indexes = [
            models.Index(fields=["-n"], name="pair_counts_n"),
            models.Index(fields=["speaker", "-n"], name="pair_counts_speaker_n"),
            models.Index(fields=["target", "-n"], name="pair_counts_target_n"),
        ]

    def __str__(self) -> str:
        return f"{self.speaker_id} -> {self.target_id}: {self.n}"


class PairMonth(models.Model):
    """PairCounts per month of publication (UNDATED_MONTH for undated articles), kind of statement
    and stance: what the dated and filtered reads of pairs of actors add up."""

    speaker = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    kind = models.CharField(max_length=10)
    stance = models.CharField(max_length=8)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["speaker", "target", "month", "kind", "stance"], name="pair_month_key"
            )
        ]
        indexes = [
            models.Index(fields=["target", "speaker"], name="pair_month_target"),
            models.Index(fields=["month"], name="pair_month_month"),
        ]

    def __str__(self) -> str:
        return f"{self.speaker_id} -> {self.target_id} {self.month:%Y-%m}: {self.n}"


class CountryPairCounts(models.Model):
    """CountryPairMonth summed over months and kinds: what the unfiltered relations matrix and
    list read."""

    speaker = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    n = models.IntegerField(default=0)
    negative = models.IntegerField(default=0)
    positive = models.IntegerField(default=0)
    neutral = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["speaker", "target"], name="country_pair_counts_key")
        ]
        indexes = [
            models.Index(fields=["-n"], name="country_pair_counts_n"),
            models.Index(fields=["target", "speaker"], name="country_pair_counts_target"),
        ]

    def __str__(self) -> str:
        return f"{self.speaker_id} -> {self.target_id}: {self.n}"


class CountrySpeakerCounts(models.Model):
    """Who of a country spoke about another country: statements per speaker and pair of
    countries (each statement once per pair, as in CountryPairMonth)."""

    speaker_country = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    speaker = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["speaker_country", "target", "speaker"], name="country_speaker_key"
            )
        ]
        indexes = [
            models.Index(fields=["speaker_country", "target", "-n"], name="country_speaker_n")
        ]

    def __str__(self) -> str:
        return f"{self.speaker_id} ({self.speaker_country_id}) on {self.target_id}: {self.n}"


class CountryCueCounts(models.Model):
    """The verb classes (say, warn, accuse...) of a country's statements about another."""

    speaker = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    cue_class = models.CharField(max_length=20)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["speaker", "target", "cue_class"], name="country_cue_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.speaker_id} on {self.target_id}, {self.cue_class}: {self.n}"


class CountryPairMonthStances(models.Model):
    """CountryPairMonth summed over kinds, its stances side by side: what the unfiltered
    by-month reads (the relations API's months, a pair's chart) add up."""

    speaker = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    negative = models.IntegerField(default=0)
    positive = models.IntegerField(default=0)
    neutral = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["speaker", "target", "month"], name="country_pair_month_stances_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.speaker_id} -> {self.target_id} {self.month:%Y-%m}"


class CountryPairMonth(models.Model):
    """Statements rolled up to countries (entities.selectors.countries: the speaker's country,
    each target's country; a statement counts once per pair of countries, with its most
    hostile stance toward that country's actors), per month, kind and stance."""

    speaker = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    kind = models.CharField(max_length=10)
    stance = models.CharField(max_length=8)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["speaker", "target", "month", "kind", "stance"],
                name="country_pair_month_key",
            )
        ]
        indexes = [
            models.Index(fields=["target", "speaker"], name="country_pair_month_target"),
            models.Index(fields=["month"], name="country_pair_month_month"),
        ]

    def __str__(self) -> str:
        return f"{self.speaker_id} -> {self.target_id} {self.month:%Y-%m}: {self.n}"
