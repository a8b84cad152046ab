"""HTTP for everything partners read: the API, feeds, open data and embeds; methods everywhere.

The libraries do most of it (settings in cms/settings/base.py): django-cors-headers the open,
read-only CORS, Django's ConditionalGetMiddleware the ETag and the 304s. What stays here is what
they cannot do: on every path, HEAD for views that answer GET only and a 405 for methods no view
takes; on partner paths, a 400 for NUL bytes, Cache-Control for anonymous and token reads, and a
Last-Modified for content that has no modification time. Written once here rather than per
view, so a new endpoint gets the same behaviour without remembering to.
"""

import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotAllowed
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date
from wagtail.api.v3.errors import problem_response

# The errors that mean the database cannot be reached (down, restarting, a dead connection):
# readers get a cached copy or a 503 to retry, never a 500.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)

READ_METHODS = ("GET", "HEAD", "OPTIONS")
WRITE_METHODS = (*READ_METHODS, "POST", "PUT", "PATCH", "DELETE")


def is_public_read_path(path: str) -> bool:
    return path.startswith(tuple(settings.PUBLIC_READ_PATH_PREFIXES))


def representation_last_modified(request: HttpRequest, etag: str) -> int:
    """When this URL first answered with this representation (an epoch second).

    Our content has no single modification time (a promise, its follow-ups, its agreement page
    and the stories about it change separately, and unpublishing or deleting leaves no date), so
    Last-Modified is the time the server first produced the current ETag for the URL. It moves
    forward whenever the content does, and never backwards, which is all a conditional request
    needs. The shared cache (Redis in production) keeps it consistent between app servers.
    ConditionalGetMiddleware can only compare a Last-Modified that the response already has.
    """
    key = "public-read:" + hashlib.sha256(request.get_full_path().encode()).hexdigest()
    seen = cache.get(key)
    now = int(time.time())
    if seen and seen[0] == etag:
        return seen[1]
    # Strictly later than the last version, even when the content changed within one second.
    modified = max(now, seen[1] + 1) if seen else now
    # No longer than a cached page: after that a first request dates the representation again.
    cache.set(key, (etag, modified), settings.PAGE_CACHE_TIMEOUT)
    return modified


def has_nul(request: HttpRequest) -> bool:
    return "\x00" in request.path_info or any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in request.GET.lists()
    )


class MethodMiddleware:
    """HEAD as a GET without its body, and a 405 with Allow for a method the path does not take.

    Views that take GET only (`require_GET`, django-ninja's routes) refused HEAD, and Django's
    ConditionalGetMiddleware gives an ETag to GETs only; so everything below sees a GET, and the
    body is dropped here. Wagtail's page serving, Django's feeds and the sitemap answer any
    method as if it were GET (TRACE got a 200), so the methods are checked here: GET, HEAD and
    OPTIONS everywhere; POST, PUT, PATCH and DELETE only under settings.WRITE_PATH_PREFIXES (the
    admin, the API, Wagtail's password and login forms); nothing else anywhere. A plain OPTIONS
    on a read-only path gets its Allow here; CORS preflights are answered above, by
    django-cors-headers.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        writable = request.path_info.startswith(tuple(settings.WRITE_PATH_PREFIXES))
        allowed = WRITE_METHODS if writable else READ_METHODS
        if request.method not in allowed:
            return HttpResponseNotAllowed(allowed)
        if request.method == "OPTIONS" and not writable:
            return HttpResponse(headers={"Allow": ", ".join(allowed)})
        if request.method == "HEAD":
            return self.head(request)
        return self.get_response(request)

    def head(self, request: HttpRequest) -> HttpResponseBase:
        request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            request.method = "HEAD"
        if response.streaming:
            response.streaming_content = []  # a file is still closed with the response
        else:
            response.content = b""  # Content-Length stays the GET's (CommonMiddleware)
        return response


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except on partner paths, which have no language prefix to add.

    Django's redirects any 404 outside `i18n_patterns` to `/sv/<path>`, which Wagtail's
    catch-all route accepts: an API 404 (problem+json) would become a redirect to an HTML page.
    Those paths carry their language in the path or the data, not in Accept-Language, so they
    are served in the default language whatever the browser asks: one cacheable answer per URL.
    """

    def process_request(self, request: HttpRequest) -> None:
        if is_public_read_path(request.path_info):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            return
        super().process_request(request)

    def process_response(self, request: HttpRequest, response: HttpResponseBase):
        if is_public_read_path(request.path_info):
            return response
        return super().process_response(request, response)


class PublicReadMiddleware:
    """NUL bytes, Cache-Control and Last-Modified on public read paths.

    Placed below the page cache, so a stored answer keeps its validators and a hit need not
    compute them again, and below ConditionalGetMiddleware, which answers the 304s.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not is_public_read_path(request.path_info):
            return self.get_response(request)
        if has_nul(request):
            # PostgreSQL text cannot hold NUL; without this, such a query is a 500 in places.
            response = problem_response(
                status=400, detail="Query parameters must not contain NUL characters."
            )
            add_caching(request, response)
            return response
        response = self.get_response(request)
        if request.method == "GET":  # HEAD too: MethodMiddleware makes it a GET
            add_caching(request, response)
        return response


def add_caching(request: HttpRequest, response: HttpResponseBase) -> None:
    if response.status_code >= 400:
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, no_cache=True)
        return
    if response.status_code != 200 or response.streaming:
        return
    # A token may see more than the public, so its answers are the caller's alone.
    personal = "HTTP_AUTHORIZATION" in request.META
    if not response.has_header("Cache-Control"):
        if personal:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_READ_MAX_AGE)
    if not response.has_header("ETag"):
        # The ETag ConditionalGetMiddleware would make; made here to date the representation.
        set_response_etag(response)
    if not personal and response.has_header("ETag"):
        # Replaces a view's own guess (a feed's newest item date misses deletions).
        response["Last-Modified"] = http_date(
            representation_last_modified(request, response["ETag"])
        )
