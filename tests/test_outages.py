"""One failing part never takes the site down: Redis stopped, PostgreSQL restarted, several servers.

Real servers on loopback (tests/servers.py): our own PostgreSQL cluster, migrated once for this
module, our own Redis, and gunicorn with the production settings (tests/server_settings.py).
Run with `-s` to see the figures of the restart under load (docs/operations.md records them).
"""

from __future__ import annotations

import shutil
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.servers import (
    Answer,
    AppServer,
    PostgresCluster,
    RedisServer,
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
        "PUBLIC_BASE_URL": "http://127.0.0.1",
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


def is_stale(answer: Answer) -> bool:
    return answer.status == 200 and cache_state(answer) == "stale"


def warm(server: AppServer, path: str = "/sv/") -> None:
    """Until a request is a hit (the very first one also creates the site settings: a change)."""
    wait_for(lambda: cache_state(server.get(path)) == "hit", f"a cache hit on {path}")


# Other machines: the generation is where every process sees it.


def test_a_change_shows_at_once_on_servers_with_their_own_temporary_directories(
    start_server, publish
):
    """Two servers (and an editor's process), each with its own TMPDIR, sharing only PostgreSQL.

    As two machines, containers or systemd units with PrivateTmp would be. With the generation
    in a stamp file under TMPDIR, both kept serving the old page for PAGE_CACHE_TIMEOUT. Each
    server reads the tag versions every PAGE_CACHE_CHECK_INTERVAL (0.25 s): the change shows
    within a second.
    """
    servers = [start_server("first"), start_server("second")]
    for server in servers:
        warm(server)
    title = f"Välkommen {time.time_ns()}"
    publish(title)
    for server in servers:
        answer = wait_for(
            lambda server=server: (a := server.get("/sv/")).status == 200 and title in a.text,
            "the change on every server",
            timeout=1.0,
        )
        assert answer, "a server kept serving the page from before the change"


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


def test_redis_back_with_its_old_copies_serves_none_older_than_a_change_made_meanwhile(
    start_server, publish, tmp_path
):
    """A Redis that saves its data comes back with the copies from before the change; the tag
    versions are in the database, so none of them is served."""
    directory = tmp_path / "redis"
    directory.mkdir()
    redis_server = RedisServer(directory, "--save", "3600 1")
    redis_server.start()
    try:
        server = start_server("app", REDIS_URL=redis_server.url)
        warm(server)
        redis_server.stop()  # saves its data
        title = f"Publicerad medan Redis var borta {time.time_ns()}"
        publish(title, REDIS_URL=redis_server.url)
        redis_server.start()
        assert redis_server.client().dbsize() > 0, "Redis came back without its old copies"
        answers = [server.get("/sv/") for _ in range(10)]
        assert all(title in answer.text for answer in answers)
        wait_for(lambda: cache_state(server.get("/sv/")) == "hit", "the cache to serve again")
        assert title in server.get("/sv/").text
    finally:
        redis_server.stop()


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


# PostgreSQL: a restart under load gives no 500; readers get a cached page or a 503.


class Load:
    """Threads that request a cached and a never-cached page in turn, keeping every answer."""

    LIMIT = 50_000  # answers in all: the loop is bounded even if nobody stops it

    def __init__(self, server: AppServer, threads: int = 4) -> None:
        self.server = server
        self.answers: list[Answer] = []
        self.stopping = threading.Event()
        self.threads = [
            threading.Thread(target=self.run, args=(n,), daemon=True) for n in range(threads)
        ]

    def run(self, thread: int) -> None:
        n = 0
        while not self.stopping.is_set() and len(self.answers) < self.LIMIT:
            n += 1
            path = "/sv/" if n % 2 else f"/sv/?thread={thread}&n={n}"
            self.answers.append(self.server.get(path))

    def __enter__(self) -> Load:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def since(self, moment: float) -> list[Answer]:
        return [answer for answer in list(self.answers) if answer.started > moment]


def summary(answers: list[Answer]) -> str:
    kinds = Counter(
        f"200 {cache_state(answer) or 'rendered'}" if answer.status == 200 else str(answer.status)
        for answer in answers
    )
    return ", ".join(f"{kind}: {count}" for kind, count in sorted(kinds.items()))


def test_a_database_restart_under_load_gives_no_500(cluster, start_server):
    """Two gunicorn workers with kept connections and four clients, through three restarts:

    - "quiet restart": `pg_ctl restart` while no request runs, so that every kept connection
      is dead when the next requests come (no request may fail on one: health checks);
    - "pg_ctl restart": the same under load;
    - "stopped": a stop long enough to see what readers get while the database is down, then
      a start.

    While it is down a reader gets the last cached copy of a page ("stale") or a 503 with
    Retry-After; from the moment it is back every answer is a 200.
    """
    server = start_server("app", WEB_CONCURRENCY="2")
    with Load(server) as warming:
        wait_for(lambda: len(warming.since(0)) >= 40, "the load to warm the cache")
    began = time.monotonic()
    cluster.restart()
    outages = [(began, time.monotonic())]
    with Load(server) as load:
        wait_for(lambda: len(load.since(0)) >= 100, "answers after the quiet restart")

        began = time.monotonic()
        cluster.restart()
        outages.append((began, time.monotonic()))
        wait_for(lambda: len(load.since(outages[-1][1])) >= 100, "answers after the restart")

        began = time.monotonic()
        cluster.stop()
        try:
            # Past the tag check interval (0.25 s) too: until then hits need no database and
            # are plain hits, not the stale copies this phase is about.
            wait_for(
                lambda: len(load.since(began)) >= 40 and time.monotonic() - began > 1,
                "answers while the database is down",
            )
        finally:
            cluster.start()
        outages.append((began, time.monotonic()))
        wait_for(lambda: len(load.since(outages[-1][1])) >= 100, "answers after the start")
    answers = warming.answers + load.answers

    def during(answer: Answer, outage: tuple[float, float]) -> bool:
        return answer.started <= outage[1] and answer.ended >= outage[0]

    def between(first: float, then: float) -> list[Answer]:
        return [a for a in answers if first < a.started and a.ended < then]

    phases = {
        "before": between(0, outages[0][0]),
        "quiet restart": between(outages[0][1], outages[1][0]),
        "pg_ctl restart": [a for a in answers if during(a, outages[1])],
        "between": between(outages[1][1], outages[2][0]),
        "stopped": [a for a in answers if during(a, outages[2])],
        "after": between(outages[2][1], time.monotonic()),
    }
    for name, phase in phases.items():
        print(f"{name:>15}: {len(phase):5} answers: {summary(phase)}")  # noqa: T201
    print(f"restarts took (s): {[round(end - start, 2) for start, end in outages]}")  # noqa: T201

    assert {a.status for a in answers} <= {200, 503}, summary(answers)
    for answer in answers:
        if answer.status == 503:
            assert any(during(answer, outage) for outage in outages)
            assert answer.headers["retry-after"] == "30"
            assert answer.headers["cache-control"] == "no-store"
            assert '<html lang="sv"' in answer.text
    for name in ("before", "quiet restart", "between", "after"):  # the database is up
        served = phases[name]
        assert {a.status for a in served} == {200}, (name, summary(served))
        assert not any(is_stale(a) for a in served), (name, summary(served))
    stale = [a for a in phases["stopped"] if is_stale(a)]
    assert stale and all("<h1>" in a.text for a in stale)
    assert any(a.status == 503 for a in phases["stopped"])
