"""Cache tags and their versions: what a change retires, and how every process learns it.

Each cached response (and each memoized fragment) records the *tags* of what it rendered or
listed (pagecache/tags.py): `page:<id>` for every page it read, `list` when it lists pages, and
always `all`. It is stored with the *marker* it was rendered under. A change bumps the tags it
touches (pagecache/signals.py): publishing a story bumps `page:<id>` of the story and its
translations, and `list`; a change whose reach cannot be known (site settings, a snippet, a
move, `clear_page_cache`) bumps `all`. An entry is valid while none of its tags has a version
newer than its marker. So one publish retires that story's page and the listings, feeds and API
answers, not the 10,000 other stories.

Where the versions live: in the database, which every process of every server shares (migration
0002): table `pagecache_tag` (tag, version, changed_at), versions drawn from the sequence
`pagecache_generation` (the *marker*; a one-row table on SQLite). Not only in Redis, where a
bump lost while Redis was unreachable would let Redis come back serving old pages: an entry
from before an outage still names its tags and marker, and the database says they moved on.

How a process learns them without a query per hit: it keeps the versions in memory and reads
what changed at most every PAGE_CACHE_CHECK_INTERVAL seconds (0.25 by default; 0 reads on every
request, for servers behind Varnish, which forward only misses). So a change shows on every
server within that interval, in the process that made it at once, and a hit in between runs no
query. The read takes the rows changed since the previous read minus PAGE_CACHE_CHECK_OVERLAP
seconds, so a bump whose transaction committed late is still seen.

Why this is correct:
- A bump happens at once in the changing process (its own next request sees it), and again
  after the transaction commits, in the database, where other processes read it. An entry
  rendered before that commit has a smaller marker than the bump, so it is retired.
- A process stamps an entry with the marker it knows, which is never newer than the database's:
  at worst an entry is retired once too often, never kept too long.
- `clear_page_cache` (and so `manage.py restore`) jumps the sequence to the clock and bumps
  `all`: after a database restore, entries rendered from the newer data are all retired.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from hashlib import blake2b
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection, transaction
from django.http import HttpRequest

from . import tags as cache_tags

T = TypeVar("T")
# Paths that are never cached: the admin, previews (served under /admin/), private documents.
DEFAULT_EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/bench/")

# PostgreSQL draws versions from a sequence, which takes no lock. The tag rows are written after
# the change commits, in their own short transaction, in a fixed order: no editor waits on
# another's transaction. `changed_at` is the database's clock, so every server reads alike.
POSTGRESQL_SQL = {
    "next": "SELECT nextval('pagecache_generation')",
    "jump": "SELECT setval('pagecache_generation',"
    " GREATEST(nextval('pagecache_generation'), %(now)s))",
    "write": """
        INSERT INTO pagecache_tag (tag, version, changed_at)
        SELECT tag, nextval('pagecache_generation'), clock_timestamp()
        FROM unnest(%(tags)s::text[]) AS tag ORDER BY tag
        ON CONFLICT (tag) DO UPDATE SET
            version = GREATEST(pagecache_tag.version, EXCLUDED.version),
            changed_at = clock_timestamp()
        RETURNING tag, version
    """,
    "set": """
        INSERT INTO pagecache_tag (tag, version, changed_at)
        VALUES (%(tag)s, %(version)s, clock_timestamp())
        ON CONFLICT (tag) DO UPDATE SET
            version = GREATEST(pagecache_tag.version, EXCLUDED.version),
            changed_at = clock_timestamp()
    """,
    "read": """
        SELECT tag, version, NULL FROM pagecache_tag
        WHERE changed_at > to_timestamp(%(since)s)
        UNION ALL
        SELECT NULL, last_value, extract(epoch FROM clock_timestamp())::float8
        FROM pagecache_generation
    """,
}


@dataclass
class Versions:
    """This process's copy of the tag versions and the marker."""

    marker: int = 0
    tags: dict[str, int] = field(default_factory=dict)
    read_at: float = float("-inf")  # time.monotonic() of the last read
    since: float = float("-inf")  # the database's clock at the last read, for the next one
    lock: threading.Lock = field(default_factory=threading.Lock)

    def merge(self, changed: Iterable[tuple[str, int]], marker: int = 0) -> None:
        for tag, version in changed:
            if version > self.tags.get(tag, 0):
                self.tags[tag] = version
            self.marker = max(self.marker, version)
        self.marker = max(self.marker, marker)

    def newest(self, tags: Iterable[str]) -> int:
        get = self.tags.get
        return max((get(tag, 0) for tag in tags), default=0)


_versions = Versions()


def setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


def page_cache():
    return caches[setting("PAGE_CACHE_ALIAS", "default")]


def _postgresql() -> bool:
    return connection.vendor == "postgresql"


def _read(full: bool = False) -> None:
    """Read the tags changed since the last read (all of them the first time)."""
    overlap = setting("PAGE_CACHE_CHECK_OVERLAP", 5.0)
    since = float("-inf") if full else _versions.since - overlap
    with connection.cursor() as cursor:
        if _postgresql():
            cursor.execute(POSTGRESQL_SQL["read"], {"since": max(since, 0.0)})
            rows = cursor.fetchall()
            changed = [(tag, version) for tag, version, _ in rows if tag is not None]
            marker, now = next((v, at) for tag, v, at in rows if tag is None)
        else:
            # SQLite (`make run`): one machine, so Python's clock serves as the database's.
            now = time.time()
            cursor.execute("SELECT tag, version FROM pagecache_tag WHERE changed_at > %s", [since])
            changed = cursor.fetchall()
            cursor.execute("SELECT value FROM pagecache_generation WHERE id = 1")
            marker = cursor.fetchone()[0]
    _versions.merge(changed, marker)
    _versions.since = now
    _versions.read_at = time.monotonic()


def current_versions(fresh: bool = False) -> Versions:
    """This process's versions, read again when older than PAGE_CACHE_CHECK_INTERVAL.

    Raises the database's error when a read is due and the database cannot be reached.
    """
    due = time.monotonic() - _versions.read_at >= setting("PAGE_CACHE_CHECK_INTERVAL", 0.25)
    if fresh or due:
        with _versions.lock:
            _read(full=_versions.since == float("-inf"))
    return _versions


def is_valid(rendered_at: int, tags: Iterable[str]) -> bool:
    """Whether an entry rendered under `rendered_at` and showing `tags` is still current."""
    return _versions.newest(tags) <= rendered_at and _versions.tags.get(cache_tags.ALL, 0) <= (
        rendered_at
    )


def bump_tags(tags: Iterable[str]) -> None:
    """Retire every cached response showing one of `tags`, on every server.

    At once in this process (and its open transaction), and in the database when the
    transaction commits: other processes read it there within PAGE_CACHE_CHECK_INTERVAL.
    """
    tags = sorted(set(tags))
    if not tags:
        return
    version = _next_version()
    _versions.merge((tag, version) for tag in tags)

    def write_tag_versions() -> None:
        _write(tags)

    transaction.on_commit(write_tag_versions)


def _next_version() -> int:
    with connection.cursor() as cursor:
        if _postgresql():
            cursor.execute(POSTGRESQL_SQL["next"])
            return cursor.fetchone()[0]
        cursor.execute("UPDATE pagecache_generation SET value = value + 1 WHERE id = 1")
        cursor.execute("SELECT value FROM pagecache_generation WHERE id = 1")
        return cursor.fetchone()[0]


def _write(tags: list[str]) -> None:
    """The bump that other processes see: after the change committed, in its own transaction."""
    with connection.cursor() as cursor:
        if _postgresql():
            cursor.execute(POSTGRESQL_SQL["write"], {"tags": tags})
            written = cursor.fetchall()
        else:
            version = _next_version()
            for tag in tags:
                cursor.execute(
                    "INSERT INTO pagecache_tag (tag, version, changed_at) VALUES (%s, %s, %s)"
                    " ON CONFLICT (tag) DO UPDATE SET version = excluded.version,"
                    " changed_at = excluded.changed_at",
                    [tag, version, time.time()],
                )
            written = [(tag, version) for tag in tags]
    _versions.merge(written)


def bump_everything() -> None:
    """For a change whose reach cannot be known."""
    bump_tags([cache_tags.ALL])


_MISSING = object()


def memo_key(parts: tuple) -> str:
    """A cache key for `parts` (and the release); the entry holds its marker and tags."""
    raw = "|".join(str(part) for part in (setting("PAGE_CACHE_RELEASE", ""), *parts))
    return "memo:" + blake2b(raw.encode(), digest_size=20).hexdigest()


def memoize(
    parts: tuple, compute: Callable[[], T], timeout: int | None = None, tags: Iterable[str] = ()
) -> T:
    """`compute()`, kept in the cache until a tag of what it read changes (same rule as pages).

    For shared pieces that every page repeats (language links, the footer organisation): the
    key must hold everything the value depends on besides content, such as language and host.
    The pages it read are added to the tags of the response being rendered, hit or miss.
    A value that lists pages names what retires it in `tags` (`tags.LIST` for search hits or
    the latest stories, `tags.listing_tags(page)` for a page's fragment): a page it does not
    show yet is not among what it read. They are the response's tags too.
    """
    if not setting("FRAGMENT_CACHE_ENABLED", True):
        return compute()
    backend = page_cache()
    key = memo_key(parts)
    entry = backend.get(key, _MISSING)
    versions = current_versions()
    if isinstance(entry, tuple) and len(entry) == 3 and is_valid(entry[0], entry[1]):
        cache_tags.add(*entry[1])
        return entry[2]
    rendered_at = versions.marker
    with cache_tags.collecting() as collected:
        collected.tags.update(tags)
        value = compute()
    cache_tags.add(*collected.tags)
    backend.set(
        key,
        (rendered_at, frozenset(collected.tags), value),
        timeout or setting("PAGE_CACHE_TIMEOUT", 600),
    )
    return value


def is_anonymous_read(request: HttpRequest) -> bool:
    """A GET or HEAD of a public path with no session, messages or credentials."""
    if request.method not in ("GET", "HEAD"):
        return False
    path = request.path_info
    if path.startswith(setting("PAGE_CACHE_EXCLUDED_PREFIXES", DEFAULT_EXCLUDED_PREFIXES)):
        return False
    if path.startswith(settings.STATIC_URL) or path.startswith(settings.MEDIA_URL):
        return False
    # Logged-in users, editors and previews come with a session; API tokens see drafts.
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    if cookies:
        for name in (settings.SESSION_COOKIE_NAME, "messages", *_bypass_cookies()):
            if name in cookies:
                return False
    return True


def _bypass_cookies() -> tuple[str, ...]:
    return tuple(setting("PAGE_CACHE_BYPASS_COOKIES", ()))


def clear_page_cache() -> None:
    """Forget everything (tests, operators), on every server.

    The marker jumps to the clock, past any value it had before, and `all` takes it: after a
    database restore the marker would otherwise count up again through values that cached
    entries already hold.
    """
    with connection.cursor() as cursor:
        if _postgresql():
            cursor.execute(POSTGRESQL_SQL["jump"], {"now": time.time_ns()})
            version = cursor.fetchone()[0]
            cursor.execute(POSTGRESQL_SQL["set"], {"tag": cache_tags.ALL, "version": version})
        else:
            now = time.time_ns()
            cursor.execute(
                "UPDATE pagecache_generation SET value"
                " = CASE WHEN value + 1 > %s THEN value + 1 ELSE %s END WHERE id = 1",
                [now, now],
            )
            cursor.execute("SELECT value FROM pagecache_generation WHERE id = 1")
            version = cursor.fetchone()[0]
            cursor.execute(
                "INSERT INTO pagecache_tag (tag, version, changed_at) VALUES (%s, %s, %s)"
                " ON CONFLICT (tag) DO UPDATE SET version = excluded.version,"
                " changed_at = excluded.changed_at",
                [cache_tags.ALL, version, time.time()],
            )
    _versions.merge([(cache_tags.ALL, version)], version)
    backend = page_cache()
    if isinstance(backend, LocMemCache):
        backend.clear()  # this process's memory; a shared cache (Redis) may hold other data
