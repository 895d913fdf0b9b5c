from django.contrib import admin

from entities.models import Actor, ActorAlias, Article, Mention, Statement, StatementTarget


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
    list_display = ["name", "kind", "role", "country", "merged_into"]
    list_filter = ["kind"]
    search_fields = ["name", "role", "aliases__alias"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["country", "merged_into"]
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
    list_filter = ["kind", "cue_class"]
    search_fields = ["content", "speaker__name", "speaker_text"]
    raw_id_fields = ["article", "speaker"]
    list_select_related = ["speaker", "article"]
    inlines = [StatementTargetInline]
