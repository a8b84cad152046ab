"""Backup and restore: content made here, backed up, restored into a new PostgreSQL database and
media folder by another process, and found identical, table by table and file by file."""

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail_factories import DocumentFactory, ImageFactory

CONTENT_TABLES = [
    "wagtailcore_page",
    "wagtailcore_revision",
    "promises_promise",
    "promises_promisefollowup",
    "wagtailimages_image",
    "wagtailimages_rendition",
    "wagtaildocs_document",
]
TABLES = """
    SELECT tablename FROM pg_tables
    WHERE schemaname = 'public' AND tablename <> 'pagecache_tag' ORDER BY tablename
"""
# Each table's row count and a checksum of its rows, in a stable order. Names from the catalogue.
CHECKSUM = """
    SELECT count(*), md5(coalesce(string_agg(t::text, chr(10) ORDER BY t::text), ''))
    FROM "{table}" t
"""
# The page cache's generation and tag versions are no content: a restore moves them on, on
# purpose (checked apart).
SEQUENCES = """
    SELECT sequencename, last_value FROM pg_sequences
    WHERE schemaname = 'public' AND sequencename <> 'pagecache_generation'
    ORDER BY sequencename
"""
GENERATION = "SELECT last_value FROM pagecache_generation"


def snapshot(cursor) -> dict:
    """Every table's row count and a checksum of all its rows, and every sequence's value."""
    cursor.execute(TABLES)
    tables = [row[0] for row in cursor.fetchall()]
    state = {}
    for table in tables:
        cursor.execute(CHECKSUM.format(table=table))
        state[table] = cursor.fetchone()
    cursor.execute(SEQUENCES)
    state["sequences"] = cursor.fetchall()
    return state


def connect(name: str, dbname: str | None = None) -> psycopg.Connection:
    database = connection.settings_dict
    return psycopg.connect(
        dbname=dbname or name,
        user=database["USER"],
        password=database["PASSWORD"],
        host=database["HOST"],
        port=database["PORT"] or None,
        autocommit=True,
    )


@pytest.fixture
def new_database():
    """A freshly created, empty database beside the test database; dropped afterwards."""
    name = connection.settings_dict["NAME"] + "_restored"
    with connect(name, "postgres") as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connect(name, "postgres") as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def database_url(name: str) -> str:
    database = connection.settings_dict
    return (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
        f"{database['PORT'] or 5432}/{name}"
    )


def files(root: Path) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restores_into_a_new_database_identically(world, tmp_path, new_database):
    image = ImageFactory(title="Trygghetsvandring", file__width=64, file__height=48)
    image.get_rendition("fill-32x32")
    DocumentFactory(title="Protokoll", file__data=b"%PDF-1.4 protokoll\n")
    world.walks.title = "Två trygghetsvandringar, nytt utkast"
    world.walks.save_revision()

    call_command("backup", output_dir=tmp_path / "backups")
    [archive] = (tmp_path / "backups").glob("nytorget-*.tar.gz")

    restored_media = tmp_path / "restored-media"
    result = manage(
        "restore",
        str(archive),
        DATABASE_URL=database_url(new_database),
        TEST_MEDIA_ROOT=str(restored_media),
    )
    assert result.returncode == 0, result.stderr
    assert "The page cache is empty." in result.stdout
    assert "Restore complete." in result.stdout

    with connection.cursor() as cursor:
        original = snapshot(cursor)
        cursor.execute(GENERATION)
        generation = cursor.fetchone()[0]
    with connect(new_database) as restored, restored.cursor() as cursor:
        assert snapshot(cursor) == original
        # Retired on restore: no page cached before it can be served after it.
        cursor.execute(GENERATION)
        assert cursor.fetchone()[0] > generation
    for table in CONTENT_TABLES:  # the comparison covered real content
        assert original[table][0] > 0, table

    media = Path(settings.MEDIA_ROOT)
    assert files(restored_media) == files(media)
    for name in files(media):
        assert filecmp.cmp(media / name, restored_media / name, shallow=False), name
    assert any(name.startswith("original_images/") for name in files(restored_media))
    assert any(name.startswith("documents/") for name in files(restored_media))


@pytest.mark.django_db
def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    archive = tmp_path / "nytorget-2026-01-01-000000.tar.gz"
    archive.write_bytes(b"")
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(archive))


def test_on_sqlite_backup_says_what_to_do(tmp_path):
    result = manage("backup", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert result.returncode != 0
    assert "copy db.sqlite3 and the media folder" in result.stderr
