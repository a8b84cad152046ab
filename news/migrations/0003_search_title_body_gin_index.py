"""A GIN index on the search index's `title || body` tsvector, on PostgreSQL only.

Wagtail's database search backend matches `(title || body) @@ query`, an expression that the
per-column GIN indexes cannot serve, so every search read the whole index table. This expression
index lets PostgreSQL find the matching entries directly (docs/performance.md). SQLite has its own
FTS5 table and needs nothing.
"""

from django.db import migrations

INDEX = "news_search_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING GIN ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
