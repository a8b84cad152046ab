"""The page cache's generation, in the database that every server shares (pagecache/generation.py).

PostgreSQL: a sequence, which any session bumps without a lock. Other databases (SQLite under
`make run`): a table with one row. It starts from the clock, so a generation that a cache still
holds from an earlier database can never come back.
"""

import time

from django.db import migrations


def create_generation(apps, schema_editor):
    start = time.time_ns()
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE SEQUENCE pagecache_generation START WITH {start}")
        schema_editor.execute("SELECT nextval('pagecache_generation')")
    else:
        schema_editor.execute(
            "CREATE TABLE pagecache_generation (id integer PRIMARY KEY, value bigint NOT NULL)"
        )
        schema_editor.execute(
            "INSERT INTO pagecache_generation (id, value) VALUES (1, %s)", [start]
        )


def drop_generation(apps, schema_editor):
    kind = "SEQUENCE" if schema_editor.connection.vendor == "postgresql" else "TABLE"
    schema_editor.execute(f"DROP {kind} pagecache_generation")


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.RunPython(create_generation, drop_generation)]
