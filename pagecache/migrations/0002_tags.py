"""The versions of the page cache's tags (pagecache/generation.py), drawn from its generation.

Read by every process of every server, by the time each row last changed.
"""

from django.db import migrations


def create_tags(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE TABLE pagecache_tag (tag text PRIMARY KEY, version bigint NOT NULL,"
            " changed_at timestamptz NOT NULL DEFAULT clock_timestamp())"
        )
        schema_editor.execute("CREATE INDEX pagecache_tag_changed_at ON pagecache_tag (changed_at)")
    else:
        schema_editor.execute(
            "CREATE TABLE pagecache_tag (tag text PRIMARY KEY, version bigint NOT NULL,"
            " changed_at real NOT NULL)"
        )
        schema_editor.execute("CREATE INDEX pagecache_tag_changed_at ON pagecache_tag (changed_at)")


def drop_tags(apps, schema_editor):
    schema_editor.execute("DROP TABLE pagecache_tag")


class Migration(migrations.Migration):
    dependencies = [("pagecache", "0001_generation")]
    operations = [migrations.RunPython(create_tags, drop_tags)]
