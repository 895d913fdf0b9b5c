"""Output serializers (what the API answers) and input serializers (what it accepts). They
shape data only: reads come from selectors, writes go through services."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from entities import selectors
from entities.models import Actor, Article, Mention, Statement, StatementTarget
from entities.validators import is_storable, validate_publication_date


def statement_permalink(request, statement: Statement) -> str:
    """The statement's permalink (Statement.get_absolute_url), absolute: it opens the article at
    the statement and stays valid across reprocessing (410 once the statement is gone)."""
    url = statement.get_absolute_url()
    return request.build_absolute_uri(url) if request is not None else url


# --- actors -----------------------------------------------------------------------------------


class ActorRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Actor
        fields = ["id", "slug", "name", "kind"]


class ActorSerializer(serializers.ModelSerializer):
    country = ActorRefSerializer(read_only=True, allow_null=True)
    statements_by = serializers.IntegerField(read_only=True)
    statements_about = serializers.IntegerField(read_only=True)
    mention_count = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Actor
        fields = [
            "id",
            "slug",
            "name",
            "kind",
            "role",
            "country",
            "wikidata_id",
            "statements_by",
            "statements_about",
            "mention_count",
            "url",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, actor: Actor) -> str:
        request = self.context.get("request")
        path = reverse("api:actor-detail", args=[actor.slug])
        return request.build_absolute_uri(path) if request is not None else path


class RankedActorSerializer(serializers.Serializer):
    actor = ActorRefSerializer()
    count = serializers.IntegerField()


class ActorDetailSerializer(ActorSerializer):
    aliases = serializers.ListField(source="alias_names", child=serializers.CharField())
    top_targets = RankedActorSerializer(many=True, help_text="Whom the actor talks about.")
    top_speakers = RankedActorSerializer(many=True, help_text="Who talks about the actor.")

    class Meta(ActorSerializer.Meta):
        fields = [*ActorSerializer.Meta.fields, "aliases", "top_targets", "top_speakers"]


# --- statements -------------------------------------------------------------------------------


class ArticleRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title", "publisher", "published_at"]


class TargetSerializer(serializers.ModelSerializer):
    actor = ActorRefSerializer()

    class Meta:
        model = StatementTarget
        fields = ["actor", "start", "end", "stance"]


class StatementSerializer(serializers.ModelSerializer):
    """A statement with every span as [start, end) character offsets into its article's body."""

    article = ArticleRefSerializer()
    speaker = ActorRefSerializer(allow_null=True)
    targets = TargetSerializer(many=True)
    permalink = serializers.SerializerMethodField(
        help_text=(
            "The statement's permalink: it opens the article at the statement and stays valid "
            "when the article is reprocessed (410 Gone once the statement no longer exists)."
        )
    )
    fragments = serializers.ListField(
        child=serializers.ListField(child=serializers.IntegerField(), min_length=2, max_length=2),
        read_only=True,
        help_text=(
            "[[start, end], ...] offsets of the speaker's words when the attribution interrupts "
            "them; empty when the content is one piece. `content` joins them with ' … '."
        ),
    )

    class Meta:
        model = Statement
        fields = [
            "id",
            "article",
            "speaker",
            "speaker_text",
            "speaker_start",
            "speaker_end",
            "cue",
            "cue_lemma",
            "cue_class",
            "cue_start",
            "cue_end",
            "content",
            "content_start",
            "content_end",
            "in_title",
            "fragments",
            "kind",
            "confidence",
            "confidence_word",
            "reviewed_at",
            "targets",
            "permalink",
        ]

    confidence_word = serializers.CharField(
        read_only=True, help_text="The confidence in words: high (0.8 and above), medium, low."
    )

    @extend_schema_field(OpenApiTypes.URI)
    def get_permalink(self, statement: Statement) -> str:
        return statement_permalink(self.context.get("request"), statement)


class ReviewReasonSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=[r.code for r in selectors.REASONS])
    label = serializers.CharField()


class ReviewItemSerializer(StatementSerializer):
    """A statement of the review queue: why it is there and how urgent it is."""

    priority = serializers.FloatField(read_only=True, help_text=selectors.PRIORITY_HELP)
    reasons = serializers.SerializerMethodField()

    class Meta(StatementSerializer.Meta):
        fields = [*StatementSerializer.Meta.fields, "priority", "reasons"]

    @extend_schema_field(ReviewReasonSerializer(many=True))
    def get_reasons(self, statement: Statement) -> list[dict]:
        return [{"code": r.code, "label": r.label} for r in selectors.review_reasons(statement)]


class ReviewSerializer(serializers.Serializer):
    reviewed = serializers.BooleanField(
        default=True, help_text="true: mark reviewed (the default); false: back in the queue."
    )


class ArticleStatementSerializer(StatementSerializer):
    """A statement inside its article: the article itself is not repeated."""

    class Meta(StatementSerializer.Meta):
        fields = [f for f in StatementSerializer.Meta.fields if f != "article"]


# --- articles ---------------------------------------------------------------------------------


class ArticleLinksSerializer(serializers.Serializer):
    api = serializers.URLField()
    status = serializers.URLField()
    html = serializers.URLField()


def article_links(request, article: Article) -> dict[str, str]:
    paths = {
        "api": reverse("api:article-detail", args=[article.pk]),
        "status": reverse("api:article-status", args=[article.pk]),
        "html": reverse("entities:article_detail", args=[article.pk]),
    }
    if request is None:
        return paths
    return {k: request.build_absolute_uri(v) for k, v in paths.items()}


class ArticleSerializer(serializers.ModelSerializer):
    statement_count = serializers.IntegerField(read_only=True)
    links = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "url",
            "publisher",
            "published_at",
            "status",
            "statement_count",
            "created_at",
            "links",
        ]

    @extend_schema_field(ArticleLinksSerializer)
    def get_links(self, article: Article) -> dict[str, str]:
        return article_links(self.context.get("request"), article)


class MentionSerializer(serializers.ModelSerializer):
    actor = ActorRefSerializer()

    class Meta:
        model = Mention
        fields = ["id", "actor", "start", "end", "text", "label"]


class ArticleDetailLinksSerializer(ArticleLinksSerializer):
    statements = serializers.URLField(help_text="Every statement, a page at a time.")
    mentions = serializers.URLField(help_text="Every mention, a page at a time.")


class ArticleDetailSerializer(ArticleSerializer):
    """The article with its first mentions and statements (the view bounds them); the counts
    say how many there are, the links page through all of them."""

    mention_count = serializers.IntegerField(read_only=True)
    mentions = MentionSerializer(many=True, source="mentions_shown")
    statements = ArticleStatementSerializer(many=True, source="statements_shown")

    @extend_schema_field(ArticleDetailLinksSerializer)
    def get_links(self, article: Article) -> dict[str, str]:
        links = article_links(self.context.get("request"), article)
        request = self.context.get("request")
        for name in ("statements", "mentions"):
            path = reverse(f"api:article-{name}", args=[article.pk])
            links[name] = request.build_absolute_uri(path) if request is not None else path
        return links

    class Meta(ArticleSerializer.Meta):
        fields = [
            "id",
            "title",
            "url",
            "publisher",
            "published_at",
            "status",
            "created_at",
            "links",
            "authors",
            "body",
            "error",
            "pipeline_version",
            "model_name",
            "finished_at",
            "statement_count",
            "mention_count",
            "mentions",
            "statements",
        ]


class ArticleStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", *Article.PROGRESS_FIELDS]


class ArticleCreatedSerializer(ArticleStatusSerializer):
    created = serializers.BooleanField(
        help_text="False when the same article (same URL or same text) was already there."
    )
    title = serializers.CharField()
    warning = serializers.CharField(
        help_text="Empty, or why extraction has not started (the workers cannot be reached: "
        "the article stays queued and is processed once they are back)."
    )
    links = serializers.SerializerMethodField()

    class Meta(ArticleStatusSerializer.Meta):
        fields = ["id", "created", "title", "status", "error", "warning", "finished_at", "links"]

    @extend_schema_field(ArticleLinksSerializer)
    def get_links(self, article: Article) -> dict[str, str]:
        return article_links(self.context.get("request"), article)


class ReprocessSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
    links = ArticleLinksSerializer()


# --- inputs -----------------------------------------------------------------------------------


class _ArticleMetaInput(serializers.Serializer):
    title = serializers.CharField(required=False, allow_blank=True, max_length=500)
    date = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="Publication date, YYYY-MM-DD (from 1900 to tomorrow).",
        validators=[validate_publication_date],
    )
    publisher = serializers.CharField(required=False, allow_blank=True, max_length=200)


class ArticleCreateSerializer(_ArticleMetaInput):
    """Exactly one of text, html or url."""

    text = serializers.CharField(required=False, trim_whitespace=False, help_text="Plain text.")
    html = serializers.CharField(
        required=False, trim_whitespace=False, help_text="An HTML page; its main text is kept."
    )
    url = serializers.URLField(
        required=False, max_length=2000, help_text="A page to fetch (public addresses only)."
    )

    def validate(self, attrs):
        given = [name for name in ("text", "html", "url") if attrs.get(name)]
        if len(given) != 1:
            raise serializers.ValidationError(
                {"text": ["Give exactly one of text, html or url."]}, code="required"
            )
        return attrs


class ArticleUploadSerializer(_ArticleMetaInput):
    file = serializers.FileField(
        help_text="A .txt, .html/.htm or .pdf file (size limit: NEWSAPP_MAX_UPLOAD_BYTES)."
    )


class ActorSlugField(serializers.SlugRelatedField):
    """An actor named by its slug; a merged actor's slug names its survivor."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="slug", queryset=Actor.objects.all(), **kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or not data or not is_storable(data):
            self.fail("invalid")
        actor = selectors.actor_resolve(slug=data)
        if actor is None:
            self.fail("does_not_exist", slug_name="slug", value=data)
        return actor


class ActorMergeSerializer(serializers.Serializer):
    into = ActorSlugField(help_text="Slug of the actor that survives the merge.")


class AliasSerializer(serializers.Serializer):
    alias = serializers.CharField(max_length=300)


class AliasesSerializer(serializers.Serializer):
    actor = ActorRefSerializer()
    aliases = serializers.ListField(child=serializers.CharField())


class SpeakerSerializer(serializers.Serializer):
    speaker = ActorSlugField(allow_null=True, help_text="Actor slug, or null for no speaker.")


class TargetsSerializer(serializers.Serializer):
    targets = serializers.ListField(
        child=ActorSlugField(), max_length=50, help_text="Actor slugs (may be empty)."
    )


class StatementEditSerializer(serializers.Serializer):
    """A statement's content span and kind; either or both (a span needs both offsets)."""

    content_start = serializers.IntegerField(
        required=False, help_text="Offset into the body (the title for a headline statement)."
    )
    content_end = serializers.IntegerField(required=False, help_text="End offset (exclusive).")
    kind = serializers.ChoiceField(choices=Statement.Kind.choices, required=False)

    def validate(self, attrs):
        given = [f for f in ("content_start", "content_end") if f in attrs]
        if len(given) == 1:
            missing = "content_end" if given == ["content_start"] else "content_start"
            raise serializers.ValidationError(
                {missing: ["A span needs both content_start and content_end."]}, code="required"
            )
        if not attrs:
            raise serializers.ValidationError(
                {"kind": ["Give content_start and content_end, kind, or both."]}, code="required"
            )
        return attrs


class SpeakerActorSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=300, help_text="The new actor's name.")
    kind = serializers.ChoiceField(choices=Actor.Kind.choices)
    country = ActorSlugField(
        required=False, allow_null=True, help_text="A country's slug, or null for none."
    )


class DroppedStatementSerializer(serializers.Serializer):
    """A statement marked "not a statement": gone from every list; DELETE on the same address
    puts it back."""

    statement_id = serializers.IntegerField()
    correction_id = serializers.IntegerField()
    content = serializers.CharField()


class DuplicateSerializer(serializers.Serializer):
    other = ActorRefSerializer()
    reason = serializers.CharField()


# --- graph ------------------------------------------------------------------------------------


class GraphEdgeSerializer(serializers.Serializer):
    speaker = ActorRefSerializer(help_text="The speaker (at country level, its country).")
    target = ActorRefSerializer()
    weight = serializers.IntegerField(help_text="Number of statements by speaker about target.")
    negative = serializers.IntegerField()
    positive = serializers.IntegerField()
    neutral = serializers.IntegerField()
    stance = serializers.CharField(
        help_text="The stance of most of its statements: negative, positive, neutral, or mixed "
        "when two tie."
    )


class GraphNodeSerializer(serializers.Serializer):
    """An actor of the graph (the fields of an actor reference) with its statements on the
    edges read."""

    id = serializers.IntegerField(source="actor.pk")
    slug = serializers.CharField(source="actor.slug")
    name = serializers.CharField(source="actor.name")
    kind = serializers.ChoiceField(source="actor.kind", choices=Actor.Kind.choices)
    statements = serializers.IntegerField(help_text="said + about.")
    said = serializers.IntegerField(help_text="Statements on the edges it speaks on.")
    about = serializers.IntegerField(help_text="Statements on the edges about it.")


class GraphSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=["actor", "country"])
    nodes = GraphNodeSerializer(many=True)
    edges = GraphEdgeSerializer(many=True)


# --- relations between countries --------------------------------------------------------------


class StanceMonthSerializer(serializers.Serializer):
    month = serializers.SerializerMethodField(help_text="YYYY-MM of publication.")
    total = serializers.IntegerField()
    negative = serializers.IntegerField()
    positive = serializers.IntegerField()
    neutral = serializers.IntegerField()

    def get_month(self, point) -> str:
        return point.month.strftime("%Y-%m")


class CountryPairSerializer(serializers.Serializer):
    speaker_country = ActorRefSerializer(source="speaker", help_text="Whose people spoke.")
    target_country = ActorRefSerializer(source="target", help_text="Whom they spoke about.")
    total = serializers.IntegerField(source="counts.total", help_text="Statements.")
    negative = serializers.IntegerField(source="counts.negative")
    positive = serializers.IntegerField(source="counts.positive")
    neutral = serializers.IntegerField(source="counts.neutral")
    net_stance = serializers.FloatField(
        source="net", help_text="(positive - negative) / total, from -1 to 1."
    )
    months = serializers.SerializerMethodField(
        help_text="With by_month=true: per month of publication, oldest first (undated "
        "articles count in the totals only); else null."
    )

    @extend_schema_field(StanceMonthSerializer(many=True, allow_null=True))
    def get_months(self, pair) -> list | None:
        if not self.context.get("by_month"):
            return None
        return StanceMonthSerializer(pair.months, many=True).data
