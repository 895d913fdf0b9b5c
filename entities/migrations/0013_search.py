"""A forgiving search (issue 16).

Everywhere: actors and aliases keep their names folded for search (`folded`: no accents, no
case, no punctuation), computed in Python on save, so that both databases compare the same
strings.

PostgreSQL only (SQLite skips these steps): the `unaccent` and `pg_trgm` extensions; GIN
trigram indexes on the folded names and aliases (fuzzy matching: "Putn" -> "vladimir putin")
and on article titles and publishers unaccented (`newsapp_unaccent`, an indexable wrapper);
a text search configuration `english_unaccent` (english, accents folded); and a stored
generated tsvector column `entities_statement.content_search` with its GIN index, which
replaces the expression index of migration 0005: ranking and phrase search read the stored
vector instead of parsing every candidate row again. The column is not a model field, so no
listing ever fetches it (entities.selectors.statements reads it by name).
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations, models

from entities.models import search_key

CONFIG = "english_unaccent"


def fold_names(apps, schema_editor):
    for model, source in (("Actor", "name"), ("ActorAlias", "alias")):
        rows = apps.get_model("entities", model).objects.all()
        changed = []
        for row in rows.only("pk", source).iterator(chunk_size=2000):
            row.folded = search_key(getattr(row, source))
            changed.append(row)
        rows.model.objects.bulk_update(changed, ["folded"], batch_size=2000)


FORWARD = [
    f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = english)",
    f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR hword, hword_part, word "
    "WITH unaccent, english_stem",
    "ALTER TABLE entities_statement ADD COLUMN content_search tsvector GENERATED ALWAYS AS "
    f"(to_tsvector('{CONFIG}'::regconfig, content)) STORED",
    "CREATE INDEX entities_statement_search ON entities_statement USING gin (content_search)",
    # a finer list of frequent words: a word absent from it is then estimated rare (1 row
    # rather than ~300 of 200,000), so a search for it does not hash every article first
    "ALTER TABLE entities_statement ALTER COLUMN content_search SET STATISTICS 1000",
    "DROP INDEX IF EXISTS entities_statement_content_fts",
    "CREATE INDEX entities_actor_folded_trgm ON entities_actor USING gin (folded gin_trgm_ops)",
    "CREATE INDEX entities_actoralias_folded_trgm ON entities_actoralias "
    "USING gin (folded gin_trgm_ops)",
    # unaccent() is only STABLE (its dictionary could change): an IMMUTABLE wrapper with the
    # dictionary named can be indexed, and a constant pattern is folded at planning
    "CREATE FUNCTION newsapp_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
    "STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, lower($1)) $$",
    "CREATE INDEX entities_article_title_trgm ON entities_article "
    "USING gin (newsapp_unaccent(title) gin_trgm_ops)",
    "CREATE INDEX entities_article_publisher_trgm ON entities_article "
    "USING gin (newsapp_unaccent(publisher) gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS entities_article_publisher_trgm",
    "DROP INDEX IF EXISTS entities_article_title_trgm",
    "DROP FUNCTION IF EXISTS newsapp_unaccent(text)",
    "DROP INDEX IF EXISTS entities_actoralias_folded_trgm",
    "DROP INDEX IF EXISTS entities_actor_folded_trgm",
    "CREATE INDEX IF NOT EXISTS entities_statement_content_fts ON entities_statement "
    "USING gin (to_tsvector('english'::regconfig, content))",
    "ALTER TABLE entities_statement DROP COLUMN IF EXISTS content_search",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}",
]


class _PostgresOnly:
    """Django guards CreateExtension forwards by vendor but not backwards (it queries
    pg_extension on SQLite too)."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Unaccent(_PostgresOnly, UnaccentExtension):
    pass


class Trigram(_PostgresOnly, TrigramExtension):
    pass


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("entities", "0012_correction_article")]

    operations = [
        migrations.AddField(
            model_name="actor",
            name="folded",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text="The name folded for search ('Kim Jong-un' -> 'kim jong un'), set on "
                "save.",
                max_length=300,
                verbose_name="name as searched",
            ),
        ),
        migrations.AddField(
            model_name="actoralias",
            name="folded",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text="The alias folded for search, set on save and by ActorAlias.make.",
                max_length=300,
                verbose_name="alias as searched",
            ),
        ),
        migrations.RunPython(fold_names, migrations.RunPython.noop),
        # no-ops on SQLite
        Unaccent(),
        Trigram(),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]
