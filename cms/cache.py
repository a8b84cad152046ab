"""The anonymous page cache: one middleware for pages, feeds and API reads, and its invalidation.

Correctness rests on one rule: every content change bumps a global *generation*, and every cache
key contains the generation current when the request started. A change therefore retires every
cached response at once, whichever page, feed, API response or embed showed the changed object.
No list of "what shows what" has to be kept right.

Where the generation lives follows where the cache lives:
- a shared cache (Redis, via REDIS_URL): a counter in that cache, seen by every server;
- an in-process cache (LocMem, the default): a stamp file's modification time in nanoseconds,
  shared by every worker process on this machine (one stat() per request). Several machines
  without a shared cache would not see each other's changes: set REDIS_URL before scaling out.

The bump happens at once and again when the transaction commits, so a request that renders
between the change and the commit cannot store the old content under the new generation.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from hashlib import blake2b
from pathlib import Path
from typing import Any, TypeVar

from django.apps import AppConfig
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_path, get_language_from_request

logger = logging.getLogger(__name__)

T = TypeVar("T")
GENERATION_KEY = "pagecache:generation"
HIT_HEADER = "X-Page-Cache"

# Paths that are never cached: the admin, previews (served under /admin/), private documents.
DEFAULT_EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/bench/")
# Vary headers the key already accounts for. Cookie is safe because requests that carry a session
# or messages cookie never reach the cache, and responses that set a cookie are never stored.
HANDLED_VARY = frozenset({"cookie", "accept-language"})


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


def page_cache():
    return caches[_setting("PAGE_CACHE_ALIAS", "default")]


def _stamp_path() -> Path:
    configured = _setting("PAGE_CACHE_STAMP_FILE", None)
    if configured:
        return Path(configured)
    name = str(settings.DATABASES["default"].get("NAME", "db")).replace(os.sep, "_")
    return Path(tempfile.gettempdir()) / f"nytorget-pagecache-{name}.stamp"


def _process_local(backend) -> bool:
    return isinstance(backend, LocMemCache)


def current_generation() -> str:
    """The generation that cache keys of this request are built from.

    It starts with PAGE_CACHE_RELEASE (the RELEASE environment variable): a deploy with new
    templates or code sets a new one, so a shared cache never serves the old release's HTML.
    """
    release = _setting("PAGE_CACHE_RELEASE", "")
    backend = page_cache()
    if _process_local(backend):
        try:
            return f"{release}:{os.stat(_stamp_path()).st_mtime_ns}"
        except FileNotFoundError:
            bump_generation()
            return f"{release}:{os.stat(_stamp_path()).st_mtime_ns}"
    generation = backend.get(GENERATION_KEY)
    if generation is None:
        # A fresh or flushed cache: start from the clock so old keys can never come back.
        backend.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = backend.get(GENERATION_KEY)
    return f"{release}:{generation}"


def bump_generation() -> None:
    """Retire every cached response. Monotonic, so an old generation never comes back."""
    backend = page_cache()
    if _process_local(backend):
        path = _stamp_path()
        try:
            previous = os.stat(path).st_mtime_ns
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch()
            previous = 0
        stamp = max(time.time_ns(), previous + 1000)
        os.utime(path, ns=(stamp, stamp))
        return
    try:
        backend.incr(GENERATION_KEY)
    except ValueError:
        backend.set(GENERATION_KEY, time.time_ns(), timeout=None)


_MISSING = object()


def memoize(parts: tuple, compute: Callable[[], T], timeout: int | None = None) -> T:
    """`compute()`, kept in the cache until the next content change (same generation rule).

    For shared pieces that every page repeats (language links, the footer organisation): the
    key must hold everything the value depends on besides content, such as language and host.
    """
    if not _setting("FRAGMENT_CACHE_ENABLED", True):
        return compute()
    backend = page_cache()
    raw = "|".join(str(part) for part in (current_generation(), *parts))
    key = "memo:" + blake2b(raw.encode(), digest_size=20).hexdigest()
    value = backend.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        backend.set(key, value, timeout or _setting("PAGE_CACHE_TIMEOUT", 600))
    return value


# Middleware ---------------------------------------------------------------------------------


def _request_is_cacheable(request: HttpRequest) -> bool:
    return _setting("PAGE_CACHE_ENABLED", True) and is_anonymous_read(request)


def is_anonymous_read(request: HttpRequest) -> bool:
    """A GET or HEAD of a public path with no session, messages or credentials."""
    if request.method not in ("GET", "HEAD"):
        return False
    path = request.path_info
    if path.startswith(_setting("PAGE_CACHE_EXCLUDED_PREFIXES", DEFAULT_EXCLUDED_PREFIXES)):
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
    return tuple(_setting("PAGE_CACHE_BYPASS_COOKIES", ()))


def _response_is_cacheable(response: HttpResponseBase) -> bool:
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
        if not _request_is_cacheable(request):
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
        if request.method == "GET" and _response_is_cacheable(response):
            headers = [(k, v) for k, v in response.items() if k.lower() != HIT_HEADER.lower()]
            backend.set(
                key,
                (response.status_code, headers, response.content),
                _setting("PAGE_CACHE_TIMEOUT", 600),
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
        from wagtail import views as wagtail_views

        if view_func is not wagtail_views.serve:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else None)
        if path is None or hasattr(request, "_wagtail_route_for_request"):
            return None
        if not _setting("FRAGMENT_CACHE_ENABLED", True) or not is_anonymous_read(request):
            return None
        parts = (
            "route",
            request.get_host(),
            request.scheme,
            get_language_from_path(request.path_info) or "",
            path,
        )
        backend = page_cache()
        raw = "|".join(str(part) for part in (current_generation(), *parts))
        key = "memo:" + blake2b(raw.encode(), digest_size=20).hexdigest()
        entry = backend.get(key)
        if entry is None:
            entry = self.resolve(request, path)
            if entry is None:
                return None
            # Pickled now, before serving adds anything to the page object.
            backend.set(key, entry, _setting("PAGE_CACHE_TIMEOUT", 600))
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
        from wagtail.contrib.settings.models import BaseSiteSetting
        from wagtail.contrib.settings.registry import registry
        from wagtail.models import Page, Site

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


# Invalidation -------------------------------------------------------------------------------

# Models whose changes never show on a public page: history, search and reference bookkeeping.
IGNORED_MODELS = frozenset(
    {
        "wagtailcore.revision",
        "wagtailcore.pagelogentry",
        "wagtailcore.modellogentry",
        "wagtailcore.referenceindex",
        "wagtailcore.pagesubscription",
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtailcore.pagelock",
        "wagtailcore.uploadedfile",
        "wagtailcore.workflowstate",
        "wagtailcore.taskstate",
        "wagtailimages.rendition",
        "modelsearch.indexentry",
        "wagtailsearch.indexentry",
    }
)
# Apps whose models are content (anything else, such as users and sessions, is ignored).
CONTENT_APPS = frozenset(
    {
        "home",
        "news",
        "promises",
        "contacts",
        "wagtailcore",
        "wagtailimages",
        "wagtaildocs",
        "wagtailredirects",
        "wagtail_localize",
        "taggit",
    }
)


def _is_content(sender: type) -> bool:
    meta = getattr(sender, "_meta", None)
    if meta is None:
        return False
    return meta.app_label in CONTENT_APPS and meta.label_lower not in IGNORED_MODELS


def content_changed(instance: Any = None) -> None:
    """Retire the cached copies now and again after commit; purge the CDN when there is one."""
    bump_generation()
    transaction.on_commit(bump_generation)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        try:
            # Worked out now: after a delete, the object's URLs cannot be found any more.
            urls = affected_urls(instance)
        except Exception:  # a CDN problem must never stop an editor from publishing
            logger.exception("Could not work out the URLs to purge from the CDN")
            return
        transaction.on_commit(lambda: purge_cdn(urls))


def _on_model_change(sender: type, instance: Any = None, raw: bool = False, **kwargs: Any) -> None:
    if raw or not _is_content(sender):
        return
    content_changed(instance)


def _on_signal(sender: Any = None, instance: Any = None, **kwargs: Any) -> None:
    content_changed(instance)


def connect_signals() -> None:
    """Called from AppConfig.ready(). Generic receivers catch every content model, new ones too."""
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    uid = "nytorget-pagecache"
    post_save.connect(_on_model_change, dispatch_uid=f"{uid}-save")
    post_delete.connect(_on_model_change, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(_on_model_change, dispatch_uid=f"{uid}-m2m")
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(_on_signal, dispatch_uid=f"{uid}-{id(signal)}")


# CDN ----------------------------------------------------------------------------------------


def affected_urls(instance: Any) -> set[str]:
    """Full URLs a CDN must forget after `instance` changed: its own page(s) and the listings.

    The local cache needs none of this (the generation retires everything); a CDN only knows
    URLs. Home pages, news indexes and agreement pages list many things, so they always go.
    """
    from wagtail.models import Page

    from news.models import NewsArticlePage, NewsIndexPage
    from promises.models import Promise, PromisePage

    pages: list[Page] = []
    urls: set[str] = set()
    listing = Page.objects.live().filter(depth=2) | Page.objects.live().type(
        NewsIndexPage, PromisePage
    )
    pages.extend(listing.specific())
    if isinstance(instance, Page):
        pages.append(instance)
    promise = getattr(instance, "promise", None) if instance is not None else None
    if isinstance(instance, Promise):
        promise = instance
    if isinstance(promise, Promise):
        keys = [promise.translation_key]
        pages.extend(
            NewsArticlePage.objects.live().filter(promise_links__promise__translation_key__in=keys)
        )
        for translation in Promise.objects.filter(translation_key__in=keys):
            url = translation.get_url()
            if url and translation.agreement is not None:
                site_url = translation.agreement.get_site().root_url
                urls.add(site_url + url if url.startswith("/") else url)
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(pages)
    urls.update(batch.urls)
    for root in {p.get_site().root_url for p in pages if p.get_site() is not None}:
        urls.update(f"{root}{prefix}" for prefix in _setting("PAGE_CACHE_CDN_PREFIXES", ()))
    return urls


def purge_cdn(urls: Iterable[str]) -> None:
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        purge_urls_from_cache(sorted(set(urls)))
    except Exception:  # a CDN outage must not break publishing
        logger.exception("Could not purge the CDN")


def clear_page_cache() -> None:
    """Forget everything (tests, operators): the bump retires every entry everywhere."""
    bump_generation()
    backend = page_cache()
    if _process_local(backend):
        backend.clear()  # this process's memory; a shared cache (Redis) may hold other data


class PageCacheConfig(AppConfig):
    """Installed as "cms.cache.PageCacheConfig" so changes from commands and shells count too."""

    name = "cms.cache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        connect_signals()
