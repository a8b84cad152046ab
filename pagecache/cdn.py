"""Purging a cache in front of the servers after a change: by tag (Varnish xkey) or by URL.

By tag, with Varnish and its xkey vmod (PAGE_CACHE_XKEY_PURGE, the layout of docs/operations.md):
every response names its tags in an `xkey` header (PAGE_CACHE_SURROGATE_KEYS), and a change
sends the tags it bumped, so Varnish forgets exactly what the servers' own cache retires.

By URL, for a CDN that only knows URLs (`wagtail.contrib.frontend_cache`). Which pages show a
changed object is the object's own knowledge, asked through two optional methods:
- a page model with `lists_other_pages = True` (home pages, indexes, agreements) is purged after
  every change, since it lists many things;
- any model may define `get_cache_purge_pages()` (pages that show it) and
  `get_cache_purge_urls()` (other full URLs that show it, such as a promise's permalinks).
"""

from __future__ import annotations

import logging
import urllib.request
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch, purge_urls_from_cache
from wagtail.models import Page, get_page_models

from . import tags as cache_tags
from .generation import setting

logger = logging.getLogger(__name__)


def listing_pages() -> list[Page]:
    models = [m for m in get_page_models() if getattr(m, "lists_other_pages", False)]
    return list(Page.objects.live().type(*models).specific()) if models else []


def affected_urls(instance: Any) -> set[str]:
    """Full URLs a CDN must forget after `instance` changed: its own page(s) and the listings."""
    pages: list[Page] = listing_pages()
    urls: set[str] = set()
    if isinstance(instance, Page):
        pages.append(instance)
    if hasattr(instance, "get_cache_purge_pages"):
        pages.extend(instance.get_cache_purge_pages())
    if hasattr(instance, "get_cache_purge_urls"):
        urls.update(instance.get_cache_purge_urls())
    batch = PurgeBatch()
    batch.add_pages(pages)
    urls.update(batch.urls)
    for root in {p.get_site().root_url for p in pages if p.get_site() is not None}:
        urls.update(f"{root}{prefix}" for prefix in setting("PAGE_CACHE_CDN_PREFIXES", ()))
    return urls


def schedule_purge(instance: Any, tags: Iterable[str] | None = None) -> None:
    """Purge after commit: by tag (None: everything) and by URL, as configured.

    The URLs are worked out now (after a delete they cannot be found).
    """
    if setting("PAGE_CACHE_XKEY_PURGE", ()):
        keys = sorted(tags) if tags is not None else [cache_tags.ALL]
        transaction.on_commit(lambda: purge_tags(keys))
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    try:
        urls = affected_urls(instance)
    except Exception:  # a CDN problem must never stop an editor from publishing
        logger.exception("Could not work out the URLs to purge from the CDN")
        return
    transaction.on_commit(lambda: purge_cdn(urls))


def purge_tags(keys: Iterable[str]) -> None:
    """`PURGE` with an `xkey-purge` header to each Varnish (bench/cluster/default.vcl)."""
    header = " ".join(keys)
    for location in setting("PAGE_CACHE_XKEY_PURGE", ()):
        request = urllib.request.Request(  # noqa: S310 (a URL from the settings)
            location, method="PURGE", headers={"xkey-purge": header}
        )
        try:
            with urllib.request.urlopen(request, timeout=2) as answer:  # noqa: S310
                answer.read()
        except Exception:  # an unreachable Varnish must not break publishing
            logger.exception("Could not purge %s", location)


def purge_cdn(urls: Iterable[str]) -> None:
    try:
        purge_urls_from_cache(sorted(set(urls)))
    except Exception:  # a CDN outage must not break publishing
        logger.exception("Could not purge the CDN")
