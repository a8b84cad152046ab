"""The anonymous page cache middleware: pages, feeds and API reads served whole from the cache."""

from __future__ import annotations

from collections.abc import Callable
from hashlib import blake2b
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_path, get_language_from_request
from wagtail import views as wagtail_views
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry
from wagtail.models import Page, Site

from .generation import (
    current_generation,
    is_anonymous_read,
    memo_key,
    page_cache,
    setting,
)

HIT_HEADER = "X-Page-Cache"
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


def _cache_key(request: HttpRequest, generation: str) -> str:
    path = request.path_info
    language = get_language_from_path(path) or get_language_from_request(request)
    raw = "|".join(
        (
            generation,
            request.get_host(),
            request.scheme,
            language or "",
            request.get_full_path(),
        )
    )
    return "pagecache:" + blake2b(raw.encode(), digest_size=20).hexdigest()


class AnonymousPageCacheMiddleware:
    """Serve anonymous GETs of pages, feeds and API reads from the cache.

    Place it high in MIDDLEWARE (after SecurityMiddleware and WhiteNoise): a hit skips the rest.
    A stored response keeps the headers the inner middleware set (X-Frame-Options, Vary...).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not request_is_cacheable(request):
            return self.get_response(request)
        backend = page_cache()
        key = _cache_key(request, current_generation())
        entry = backend.get(key)
        if entry is not None:
            status, headers, content = entry
            head = request.method == "HEAD"
            response = HttpResponse(b"" if head else content, status=status)
            for name, value in headers:
                response.headers[name] = value
            if head:
                response["Content-Length"] = str(len(content))
            response[HIT_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and response_is_cacheable(response):
            headers = [(k, v) for k, v in response.items() if k.lower() != HIT_HEADER.lower()]
            backend.set(
                key,
                (response.status_code, headers, response.content),
                setting("PAGE_CACHE_TIMEOUT", 600),
            )
            response[HIT_HEADER] = "miss"
        return response


class RouteMemoMiddleware:
    """Remember what serving a URL starts with, until the next content change.

    Before a page renders, Wagtail finds the site, the locale's root and one page per URL segment,
    then the view restrictions of the page and its ancestors, and the context processor fetches
    the site settings: about nine queries that give the same answer to every anonymous reader.
    They are kept under the generation like everything else and handed to Wagtail through its
    own per-request caches (`request._wagtail_site`, `request._wagtail_route_for_request`, the
    settings' request attribute), with the restrictions preset on the page object. Wagtail still
    enforces them: a restricted page still asks for its password or login.
    Routable pages (whose route carries a view) are left to Wagtail. Placed after
    LocaleMiddleware: the key has the language.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        if view_func is not wagtail_views.serve:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else None)
        if path is None or hasattr(request, "_wagtail_route_for_request"):
            return None
        if not setting("FRAGMENT_CACHE_ENABLED", True) or not is_anonymous_read(request):
            return None
        parts = (
            "route",
            request.get_host(),
            request.scheme,
            get_language_from_path(request.path_info) or "",
            path,
        )
        backend = page_cache()
        key = memo_key(parts)
        entry = backend.get(key)
        if entry is None:
            entry = self.resolve(request, path)
            if entry is None:
                return None
            # Pickled now, before serving adds anything to the page object.
            backend.set(key, entry, setting("PAGE_CACHE_TIMEOUT", 600))
        site, route, restrictions, site_settings = entry
        request._wagtail_site = site
        request._wagtail_route_for_request = route
        _preset_restrictions(route[0], restrictions)
        for model, instance in site_settings:
            instance._request = request
            setattr(request, model.get_cache_attr_name(), instance)
        return None

    @staticmethod
    def resolve(request: HttpRequest, path: str) -> tuple | None:
        route = Page.route_for_request(request, path)
        if route is None:
            return None
        page, args, kwargs = route
        if args or kwargs:
            return None
        site = Site.find_for_request(request)
        page.locale  # noqa: B018 (fetched now, kept with the page)
        restrictions = list(page.get_view_restrictions())
        site_settings = [
            (model, model.for_site(site))
            for model in registry
            if issubclass(model, BaseSiteSetting)
        ]
        return site, route, restrictions, site_settings


class _Restrictions:
    """Stands in for page.get_view_restrictions(); Wagtail's hook only iterates the result."""

    def __init__(self, restrictions: list) -> None:
        self.restrictions = restrictions

    def __call__(self) -> list:
        return self.restrictions


def _preset_restrictions(page: Any, restrictions: list) -> None:
    page.get_view_restrictions = _Restrictions(restrictions)
