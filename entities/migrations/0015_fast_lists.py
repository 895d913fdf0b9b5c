"""Fast lists at a million statements (issue 16).

`Statement.sort_at`: the article's publication date (UNDATED, an instant before any real one,
when the article has none) copied onto each statement, with an index in the lists' order
(newest first, then the article, then text order). Ordering by the article's date sorted every
matching statement joined to its article (with wide rows) before showing 25; with the column
the database walks the index and stops after a page, and a date range is a range of it.
Article.save and Statement.save keep the copy in step.
"""

from datetime import UTC, datetime

from django.db import migrations, models
from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

UNDATED = datetime(1800, 1, 1, tzinfo=UTC)  # entities.models.UNDATED when this was written


def copy_dates(apps, schema_editor):
    Article = apps.get_model("entities", "Article")
    Statement = apps.get_model("entities", "Statement")
    published = Article.objects.filter(pk=OuterRef("article_id")).values("published_at")[:1]
    Statement.objects.update(
        sort_at=Coalesce(Subquery(published), Value(UNDATED), output_field=models.DateTimeField())
    )


class Migration(migrations.Migration):
    dependencies = [("entities", "0014_summaries")]

    operations = [
        migrations.AddField(
            model_name="statement",
            name="sort_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="sorted as published at"),
        ),
        migrations.RunPython(copy_dates, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="statement",
            name="sort_at",
            field=models.DateTimeField(
                editable=False,
                help_text="The article's publication date (UNDATED when it has none), copied "
                "here so that lists of statements are ordered and filtered by date through an "
                "index instead of sorting every statement joined to its article. Set on save "
                "and by Article.save.",
                verbose_name="sorted as published at",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["publisher"], name="entities_article_publisher"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                Coalesce("published_at", Value(UNDATED)).desc(),
                F("created_at").desc(),
                F("id").desc(),
                name="entities_article_newest",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                Coalesce("published_at", "created_at").desc(),
                F("id").desc(),
                name="entities_article_sort_key",
            ),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(
                fields=["-sort_at", "-article", "content_start", "id"],
                name="entities_statement_newest",
            ),
        ),
    ]
