"""The tags a response records: every page it read, and whether it lists pages.

While a cacheable response renders, every page loaded from the database adds `page:<id>`
(Django's `post_init`, so no view or template has to say so), and a memoized fragment adds the
tags it recorded when it was computed. A response lists pages (`list`) unless it is a Wagtail
page whose model does not set `lists_other_pages`: feeds, API answers, the sitemap, search and
embeds all list, home and index pages say so. Every entry also carries `all`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from wagtail.models import Page

ALL = "all"  # retired by a change whose reach cannot be known
LIST = "list"  # anything that lists pages: retired whenever a page is published or changed


def page_tag(page_id: int) -> str:
    return f"page:{page_id}"


@dataclass
class Collected:
    tags: set[str] = field(default_factory=set)
    lists: bool = True


_collecting: ContextVar[Collected | None] = ContextVar("pagecache_tags", default=None)


@contextmanager
def collecting() -> Iterator[Collected]:
    collected = Collected()
    token = _collecting.set(collected)
    try:
        yield collected
    finally:
        _collecting.reset(token)


def add(*tags: str) -> None:
    collected = _collecting.get()
    if collected is not None:
        collected.tags.update(tags)


def serving_page(page: Page) -> None:
    """A Wagtail page is being served: it lists other pages only if its model says so.

    A model may say exactly what it lists with `cache_list_tags()` (the agreement page: the
    stories following its promises), which the changes of what it lists bump (`cache_tags()`).
    """
    collected = _collecting.get()
    if collected is None:
        return
    list_tags = getattr(page, "cache_list_tags", None)
    if callable(list_tags):
        collected.lists = False
        collected.tags.update(list_tags())
    elif not getattr(page, "lists_other_pages", False):
        collected.lists = False


def listing_tags(page: Any) -> set[str]:
    """What retires a piece of `page` that lists other pages, as `serving_page` decides it."""
    list_tags = getattr(page, "cache_list_tags", None)
    if callable(list_tags):
        return set(list_tags())
    return {LIST} if getattr(page, "lists_other_pages", False) else set()


def serving_page_detail(collected: Collected, page_id: int) -> None:
    """An API detail of one page lists other pages only if that page's model lists them."""
    page = Page.objects.filter(pk=page_id).only("content_type").first()
    model = page.specific_class if page is not None else None
    if model is not None and not getattr(model, "lists_other_pages", False):
        collected.lists = False


def page_loaded(sender: type, instance: Any = None, **kwargs: Any) -> None:
    """`post_init` of any model: a page read while a response renders becomes one of its tags."""
    collected = _collecting.get()
    if collected is not None and isinstance(instance, Page) and instance.pk is not None:
        collected.tags.add(page_tag(instance.pk))


def response_tags(collected: Collected) -> frozenset[str]:
    return frozenset({*collected.tags, ALL, *((LIST,) if collected.lists else ())})
