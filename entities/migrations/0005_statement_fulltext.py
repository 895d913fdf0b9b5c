"""A GIN index for statement search on PostgreSQL (SQLite searches without one).

The indexed expression is the one entities.selectors.statements builds, so the planner uses it.
"""

from django.db import migrations

INDEX = "entities_statement_content_fts"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON entities_statement "
        "USING gin (to_tsvector('english'::regconfig, content))"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("entities", "0004_corrections")]
    operations = [migrations.RunPython(create, drop)]
