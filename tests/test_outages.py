"""One failing part never takes the site down: Redis stopped, several servers.

Real servers on loopback (tests/servers.py): our own PostgreSQL cluster, migrated once for this
module, our own Redis, and gunicorn with the production settings (tests/server_settings.py).
"""

from __future__ import annotations

import shutil
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.servers import (
    Answer,
    AppServer,
    PostgresCluster,
    manage,
    postgres_bindir,
    private_directory,
    wait_for,
)

PUBLISH_TITLE = """
from home.models import HomePage
page = HomePage.objects.get(locale__language_code="sv")
page.title = {title!r}
page.save_revision().publish()
"""


def server_env(cluster: PostgresCluster, tmpdir: Path, **extra: str) -> dict[str, str]:
    """Production settings on our cluster; TMPDIR is the process's own temporary directory."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(tmpdir),
        "TMPDIR": str(tmpdir),
        "DJANGO_SETTINGS_MODULE": "tests.server_settings",
        "DATABASE_URL": cluster.url(),
        "SECRET_KEY": "outage-tests-only",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "WEB_CONCURRENCY": "1",
        "RELEASE": "outage-tests",
    }
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def cluster():
    if postgres_bindir() is None:
        pytest.skip("PostgreSQL's initdb and pg_ctl are not installed (Debian: postgresql)")
    directory = private_directory("nytorget-pg-")
    cluster = PostgresCluster(directory)
    cluster.create()
    cluster.start()
    try:
        cluster.create_database("nytorget")
        migrated = manage(server_env(cluster, directory), "migrate", "--no-input", "-v", "0")
        assert migrated.returncode == 0, migrated.stderr
        yield cluster
    finally:
        if cluster.running():
            cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def start_server(cluster, tmp_path):
    """Start gunicorn servers on our cluster, each with its own TMPDIR; stopped after the test."""
    servers: list[AppServer] = []

    def start(name: str, **env: str) -> AppServer:
        directory = tmp_path / name
        directory.mkdir()
        server = AppServer(server_env(cluster, directory, **env), directory)
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def publish(cluster, tmp_path):
    """Publish a new title for the Swedish home page from a process of its own (an editor)."""

    def publish(title: str, **env: str) -> None:
        directory = tmp_path / f"editor-{time.monotonic_ns()}"
        directory.mkdir()
        script = PUBLISH_TITLE.format(title=title)
        done = manage(server_env(cluster, directory, **env), "shell", "-c", script)
        assert done.returncode == 0, done.stderr

    return publish


def cache_state(answer: Answer) -> str | None:
    return answer.headers.get("x-page-cache")


def warm(server: AppServer, path: str = "/sv/") -> None:
    """Until a request is a hit (the very first one also creates the site settings: a change)."""
    wait_for(lambda: cache_state(server.get(path)) == "hit", f"a cache hit on {path}")


# Other machines: the generation is where every process sees it.


def test_a_change_shows_at_once_on_servers_with_their_own_temporary_directories(
    start_server, publish
):
    """Two servers (and an editor's process), each with its own TMPDIR, sharing only PostgreSQL.

    As two machines, containers or systemd units with PrivateTmp would be. With the generation
    in a stamp file under TMPDIR, both kept serving the old page for PAGE_CACHE_TIMEOUT.
    """
    servers = [start_server("first"), start_server("second")]
    for server in servers:
        warm(server)
    title = f"Välkommen {time.time_ns()}"
    publish(title)
    for server in servers:
        answer = server.get("/sv/")
        assert answer.status == 200
        assert title in answer.text, "a server kept serving the page from before the change"


# Redis: a cache failure is a cache miss.


def test_with_redis_stopped_pages_render_uncached_and_publishing_works(
    start_server, publish, redis_server
):
    server = start_server("app", REDIS_URL=redis_server.url)
    warm(server)
    redis_server.stop()

    paths = [path for n in range(20) for path in ("/sv/", f"/sv/?n={n}", "/feeds/sv/news/rss/")]
    answers = [server.get(path) for path in paths]
    assert Counter(answer.status for answer in answers) == {200: len(paths)}
    assert not any(cache_state(answer) == "hit" for answer in answers)

    title = f"Publicerad utan Redis {time.time_ns()}"
    publish(title, REDIS_URL=redis_server.url)
    assert title in server.get("/sv/").text
    assert server.log().count("Redis is unreachable") == 1, server.log()

    redis_server.start()
    wait_for(lambda: cache_state(server.get("/sv/")) == "hit", "the cache to serve again")
    assert server.log().count("Redis is back") == 1


def test_no_redis_key_outlives_the_page_cache_timeout(start_server, redis_server):
    """800 distinct feed URLs made 1,604 keys that lived 30 days; now each lives at most
    PAGE_CACHE_TIMEOUT, whoever wrote it (our page cache, Last-Modified dates, the error
    pages' footer, Wagtail's site root paths)."""
    server = start_server("app", REDIS_URL=redis_server.url, PAGE_CACHE_TIMEOUT="120")
    paths = ["/sv/", "/sitemap.xml", "/robots.txt", "/api/v3/pages/", "/sv/finns-inte/"]
    paths += [f"/feeds/sv/news/rss/?n={n}" for n in range(200)]
    for path in paths:
        assert server.get(path).status in (200, 404), path
    client = redis_server.client()
    lifetimes = {key: client.ttl(key) for key in client.scan_iter(count=1000)}
    assert len(lifetimes) > len(paths)
    too_long = {key: ttl for key, ttl in lifetimes.items() if not 0 < ttl <= 120}
    assert not too_long
