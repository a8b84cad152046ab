"""The anonymous page cache middleware (pages, feeds and API reads served whole from the cache),
and the route memo that the site's root page consults (`memoized_route`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from hashlib import blake2b

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import cc_delim_re, set_response_etag
from django.utils.translation import get_language_from_path, get_language_from_request
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from core.http import DATABASE_UNAVAILABLE

from . import tags as cache_tags
from .generation import (
    current_versions,
    is_anonymous_read,
    is_valid,
    memo_key,
    page_cache,
    setting,
)

HIT_HEADER = "X-Page-Cache"
# The tags of a response, for Varnish's xkey vmod (PAGE_CACHE_SURROGATE_KEYS; docs/operations.md).
XKEY_HEADER = "xkey"
# The API's detail of one page: it lists other pages only if the page does (pagecache/tags.py).
PAGE_DETAIL = re.compile(r"^/api/v3/pages/(\d+)/$")
# Vary headers the key already accounts for. Cookie is safe because requests that carry a session
# or messages cookie never reach the cache, and responses that set a cookie are never stored.
HANDLED_VARY = frozenset({"cookie", "accept-language"})


def request_is_cacheable(request: HttpRequest) -> bool:
    return setting("PAGE_CACHE_ENABLED", True) and is_anonymous_read(request)


def response_is_cacheable(response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    if response.has_header("Vary"):
        vary = {v.strip().lower() for v in cc_delim_re.split(response["Vary"]) if v.strip()}
        if not vary <= HANDLED_VARY:
            return False
    return True


def _cache_key(request: HttpRequest) -> str:
    """One key per URL and release; the entry holds its marker and tags (pagecache/generation.py).

    So a URL keeps its last copy when content changes (a miss overwrites it), which is what is
    served while the database is down, and retired copies leave nothing behind.
    """
    path = request.path_info
    language = get_language_from_path(path) or get_language_from_request(request)
    raw = "|".join(
        (
            setting("PAGE_CACHE_RELEASE", ""),
            request.get_host(),
            request.scheme,
            language or "",
            request.get_full_path(),
        )
    )
    return "pagecache:" + blake2b(raw.encode(), digest_size=20).hexdigest()


class AnonymousPageCacheMiddleware:
    """Serve anonymous GETs of pages, feeds and API reads from the cache.

    Place it high in MIDDLEWARE (after CORS, security, WhiteNoise and ConditionalGetMiddleware,
    which so still add their headers and 304s to hits): a hit skips the rest. A stored response
    keeps the headers the inner middleware set (X-Frame-Options, Vary, ETag...). Only 200s are
    stored, so never a 304. While the database is down, the last stored copy of a URL is served,
    whatever its generation ("stale"); without one, the outage's 503 goes out.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not request_is_cacheable(request):
            return self.get_response(request)
        backend = page_cache()
        key = _cache_key(request)
        entry = backend.get(key)
        if not (isinstance(entry, tuple) and len(entry) == 5):
            entry = None  # none, or stored by an earlier release of this code
        try:
            versions = current_versions()
        except DATABASE_UNAVAILABLE:
            if entry is None:
                raise  # the 500 handler answers with the 503 page
            return replay(entry, "stale")
        if entry is not None and is_valid(entry[0], entry[1]):
            return replay(entry, "hit")
        rendered_at = versions.marker
        with cache_tags.collecting() as collected:
            response = self.get_response(request)
        detail = PAGE_DETAIL.match(request.path_info)
        if detail and response.status_code == 200:
            cache_tags.serving_page_detail(collected, int(detail[1]))
        if response.status_code == 503 and entry is not None:
            return replay(entry, "stale")  # the database went away while rendering
        if request.method == "GET" and response_is_cacheable(response):
            if not response.has_header("ETag"):
                # Stored with the page, so ConditionalGetMiddleware need not hash every hit.
                set_response_etag(response)
            tags = cache_tags.response_tags(collected)
            if setting("PAGE_CACHE_SURROGATE_KEYS", False):
                response[XKEY_HEADER] = " ".join(sorted(tags))
            headers = [(k, v) for k, v in response.items() if k.lower() != HIT_HEADER.lower()]
            backend.set(
                key,
                (rendered_at, tags, response.status_code, headers, response.content),
                setting("PAGE_CACHE_TIMEOUT", 600),
            )
            response[HIT_HEADER] = "miss"
        return response


def replay(entry: tuple, kind: str) -> HttpResponse:
    """A stored answer; a stale one (the database is down) is for this reader only.

    A HEAD gets it too: MethodMiddleware (core/http.py) asks for a GET and drops the body.
    """
    _rendered_at, _tags, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response.headers[name] = value
    if kind == "stale":
        response["Cache-Control"] = "no-store"
    response[HIT_HEADER] = kind
    return response


def memoized_route(
    root: Page,
    request: HttpRequest,
    path_components: list[str],
    route: Callable[[HttpRequest, list[str]], RouteResult],
) -> RouteResult:
    """`route(request, path_components)` below `root`, kept until a page it found changes.

    Called from the site root page's public `route()`, which Wagtail calls for every page
    request. Finding the page costs one or two queries per URL segment and gives every anonymous
    reader the same answer, so that answer is kept under the tags of the pages it read (memoize's
    rule). View restrictions are not part of it: Wagtail checks them on every request with its
    own queries. A routable page's route carries a view (and sets it on the request), so it is
    left to Wagtail every time, as is a path that does not exist (Http404 propagates and nothing
    is kept).
    """
    if not setting("FRAGMENT_CACHE_ENABLED", True) or not is_anonymous_read(request):
        return route(request, path_components)
    backend = page_cache()
    key = memo_key(("route", root.pk, "/".join(path_components)))
    entry = backend.get(key)
    versions = current_versions()
    if isinstance(entry, tuple) and len(entry) == 3 and is_valid(entry[0], entry[1]):
        cache_tags.add(*entry[1])
        return entry[2]
    rendered_at = versions.marker
    with cache_tags.collecting() as collected:
        result = route(request, path_components)
    cache_tags.add(*collected.tags)
    page, args, kwargs = result
    if args or kwargs:
        return result
    page.locale  # noqa: B018 (fetched now, kept with the page: every render asks for it)
    cache_tags.add(cache_tags.page_tag(page.pk))
    # Pickled now, before serving adds anything to the page object.
    backend.set(
        key,
        (rendered_at, frozenset({*collected.tags, cache_tags.page_tag(page.pk)}), result),
        setting("PAGE_CACHE_TIMEOUT", 600),
    )
    return result
