"""Backup and restore: the database and the media in one dated archive (docs/operations.md).

An archive is a .tar.gz holding `manifest.json`, `database.dump` (pg_dump's custom format) and
`media/` (the uploaded files, when they are on this machine's disk). PostgreSQL only: SQLite
(`make run`) is copied by hand, with the server stopped.
"""

import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

DUMP = "database.dump"
MANIFEST = "manifest.json"
MEDIA = "media"


def require_postgresql() -> None:
    if connection.vendor != "postgresql":
        raise CommandError(
            "Backup and restore work on PostgreSQL only. On SQLite (make run), stop the server "
            "and copy db.sqlite3 and the media folder."
        )


def postgres_env() -> dict[str, str]:
    """libpq's variables for the configured database: no password on a command line."""
    database = connection.settings_dict
    values = {
        "PGDATABASE": database["NAME"],
        "PGUSER": database["USER"],
        "PGPASSWORD": database["PASSWORD"],
        "PGHOST": database["HOST"],
        "PGPORT": str(database["PORT"] or ""),
    }
    return {**os.environ, **{key: value for key, value in values.items() if value}}


def run(command: list[str]) -> None:
    executable = shutil.which(command[0])
    if executable is None:
        raise CommandError(f"{command[0]} is missing: install PostgreSQL's client programs.")
    result = subprocess.run(  # noqa: S603 (fixed program, arguments are ours)
        [executable, *command[1:]], env=postgres_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise CommandError(f"{command[0]} failed: {result.stderr.strip()}")


def local_media_root() -> Path | None:
    """The media folder, or None when uploads live in object storage (back that up there)."""
    if isinstance(default_storage, FileSystemStorage):
        return Path(settings.MEDIA_ROOT)
    return None


def create_archive(directory: Path) -> Path:
    require_postgresql()
    directory.mkdir(parents=True, exist_ok=True)
    created = timezone.localtime()
    archive = directory / f"nytorget-{created:%Y-%m-%d-%H%M%S}.tar.gz"
    media_root = local_media_root()
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMP
        run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"])
        manifest = Path(work) / MANIFEST
        manifest.write_text(
            json.dumps(
                {
                    "created": created.isoformat(),
                    "release": settings.PAGE_CACHE_RELEASE,
                    "media": media_root is not None,
                }
            )
        )
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(manifest, MANIFEST)
            tar.add(dump, DUMP)
            if media_root is not None and media_root.exists():
                tar.add(media_root, MEDIA)
    return archive


def database_is_empty() -> bool:
    return not connection.introspection.table_names()


def restore_archive(archive: Path) -> dict:
    """Restores into the configured, empty database and media folder; returns the manifest."""
    require_postgresql()
    if not database_is_empty():
        raise CommandError(
            f"The database {connection.settings_dict['NAME']} is not empty. Restore into a new "
            "one: createdb --owner=<user> <name>, then point DATABASE_URL at it."
        )
    media_root = local_media_root()
    if media_root is not None and media_root.exists() and any(media_root.iterdir()):
        raise CommandError(f"The media folder {media_root} is not empty: move it away first.")
    with tarfile.open(archive, "r:gz") as tar, tempfile.TemporaryDirectory() as work:
        try:
            manifest = json.load(tar.extractfile(MANIFEST))
            tar.extract(DUMP, work, filter="data")
        except KeyError as error:
            raise CommandError(f"{archive} is not a Nytorget backup: {error}") from error
        run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
                str(Path(work) / DUMP),
            ]
        )
        if manifest["media"] and media_root is not None:
            members = [m for m in tar.getmembers() if m.name.startswith(MEDIA + "/")]
            for member in members:
                member.name = member.name[len(MEDIA) + 1 :]
            tar.extractall(media_root, members=members, filter="data")
    return manifest
