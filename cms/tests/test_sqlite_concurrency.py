"""On `make run`'s SQLite, editors writing at once neither fail with "database is locked" nor
leave half a save behind (cms/tests/sqlite_editors.py, on a real SQLite file in its own process).
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

ROUNDS = 8


def run(args: list[str], database: str, timeout: int) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    return subprocess.run(  # noqa: S603 (our own code)
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="module")
def sqlite_site(tmp_path_factory) -> str:
    database = str(tmp_path_factory.mktemp("sqlite") / "db.sqlite3")
    result = run(["manage.py", "migrate", "--no-input", "-v", "0"], database, timeout=900)
    assert result.returncode == 0, result.stderr
    return database


def test_the_embedded_database_takes_concurrent_admin_writes(sqlite_site):
    result = run(["-m", "cms.tests.sqlite_editors", str(ROUNDS)], sqlite_site, timeout=900)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["failures"] == []
    assert report["half_saved"] == []
    assert len(report["published"]["anna"]) == ROUNDS
    assert len(report["published"]["bo"]) == ROUNDS


def test_sqlite_is_set_up_for_concurrent_writers(sqlite_site):
    result = run(
        [
            "-c",
            "import django; django.setup(); from django.db import connection; "
            "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]); "
            "c.execute('PRAGMA busy_timeout'); print(c.fetchone()[0])",
        ],
        sqlite_site,
        timeout=120,
    )
    assert result.stdout.split() == ["wal", "10000"], result.stderr
