"""Trigram indexes for the site search's compound-word match, on PostgreSQL only.

Swedish stemming cannot split compounds ("vandringar" in "trygghetsvandring"), so the search also
looks for each long stem inside titles and leads (`icontains`, i.e. `UPPER(col) LIKE '%STEM%'`).
Without these indexes that reads every row; pg_trgm (a trusted extension, which the database's
owner may create) lets PostgreSQL find the rows instead. SQLite needs nothing.
"""

from django.db import migrations

INDEXES = {
    "news_lead_upper_trgm": "news_newsarticlepage (UPPER(lead::text) gin_trgm_ops)",
    "page_title_upper_trgm": "wagtailcore_page (UPPER(title::text) gin_trgm_ops)",
    "page_search_description_upper_trgm": (
        "wagtailcore_page (UPPER(search_description::text) gin_trgm_ops)"
    ),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, target in INDEXES.items():
        table, expression = target.split(" ", 1)
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING GIN {expression}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("news", "0003_search_title_body_gin_index")]

    operations = [migrations.RunPython(create, drop)]
