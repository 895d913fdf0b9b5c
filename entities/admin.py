from django.contrib import admin

from entities.models import (
    Actor,
    ActorAlias,
    Article,
    Correction,
    Mention,
    PossibleDuplicate,
    RetiredStatement,
    Statement,
    StatementTarget,
)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "publisher",
        "published_at",
        "status",
        "pipeline_version",
        "created_at",
    ]
    list_filter = ["status", "raw_format", "pipeline_version"]
    search_fields = ["title", "url", "publisher", "content_hash"]
    readonly_fields = ["content_hash", "created_at", "updated_at", "queued_at", "started_at",
                       "finished_at", "attempts"]  # fmt: skip
    date_hierarchy = "created_at"


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 0


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "role", "country", "merged_into", "rejected"]
    list_filter = ["kind", "rejected"]
    search_fields = ["name", "role", "aliases__alias"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["country"]
    # merging and rejecting move rows and are stored as corrections: the curation pages and API
    # do it (entities.services.actor_merge / actor_reject), not a field edited here
    readonly_fields = ["merged_into", "rejected"]
    inlines = [ActorAliasInline]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["text", "actor", "label", "article", "start", "end"]
    list_filter = ["label"]
    search_fields = ["text", "actor__name"]
    raw_id_fields = ["article", "actor"]
    list_select_related = ["actor", "article"]


class StatementTargetInline(admin.TabularInline):
    model = StatementTarget
    extra = 0
    raw_id_fields = ["actor"]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["speaker", "speaker_text", "cue", "cue_class", "kind", "content", "article"]
    list_filter = ["kind", "cue_class", ("reviewed_at", admin.EmptyFieldListFilter)]
    search_fields = ["content", "speaker__name", "speaker_text"]
    raw_id_fields = ["article", "speaker", "reviewed_by"]
    list_select_related = ["speaker", "article"]
    inlines = [StatementTargetInline]


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    """Read-only: corrections are made through the curation pages and API, which keep the rows
    they change consistent; deleting one here stops it being applied on re-extraction."""

    list_display = ["kind", "actor", "other", "article", "created_by", "created_at"]
    list_filter = ["kind"]
    search_fields = ["actor__name", "other__name"]
    list_select_related = ["actor", "other", "article", "created_by"]
    readonly_fields = [f.name for f in Correction._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(RetiredStatement)
class RetiredStatementAdmin(admin.ModelAdmin):
    """Read-only: statements that reprocessing no longer found, whose old links answer 410."""

    list_display = ["id", "article", "speaker", "retired_at"]
    search_fields = ["content", "speaker"]
    list_select_related = ["article"]
    readonly_fields = [f.name for f in RetiredStatement._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PossibleDuplicate)
class PossibleDuplicateAdmin(admin.ModelAdmin):
    """Pairs extraction was unsure about. Merge from an actor's page (which keeps every row
    consistent); deleting a pair here dismisses it."""

    list_display = ["actor", "other", "reason", "created_at"]
    search_fields = ["actor__name", "other__name"]
    list_select_related = ["actor", "other"]
    readonly_fields = ["actor", "other", "reason", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False
