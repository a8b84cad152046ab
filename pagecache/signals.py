"""What retires the cache: any saved, deleted or published content object, and which tags.

Generic receivers catch every content model, new ones too. Which apps hold content is a setting
(`PAGE_CACHE_CONTENT_APPS`), so this package never imports the apps it watches.

What a change bumps (pagecache/generation.py has the rule that makes it correct):
- a page below a section (a story, a sub-page): `page:<id>` of the page, its translations and
  aliases, and `list`; so do the rows that belong to it (a `ParentalKey` to it: its promise
  links, topics) and its many-to-many relations;
- a page at the top of the tree (a language's home, a section: they make the menu, and their
  moves and slugs change many URLs), a moved page, and every other content object (snippets,
  settings, images, documents, redirects): `all`.
A migration run bumps `all` once, when it ends: its data migrations change content before the
cache's own migrations may have run.
"""

from __future__ import annotations

import threading
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Q
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_init,
    post_migrate,
    post_save,
    pre_migrate,
)
from modelcluster.fields import ParentalKey
from wagtail.models import Page
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from . import tags as cache_tags
from .cdn import schedule_purge
from .generation import bump_everything, bump_tags, setting

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
# Wagtail's own content apps; the project adds its apps with PAGE_CACHE_CONTENT_APPS.
WAGTAIL_CONTENT_APPS = frozenset(
    {
        "wagtailcore",
        "wagtailimages",
        "wagtaildocs",
        "wagtailredirects",
        "wagtail_localize",
        "taggit",
    }
)


def is_content(sender: type) -> bool:
    meta = getattr(sender, "_meta", None)
    if meta is None:
        return False
    apps = WAGTAIL_CONTENT_APPS | frozenset(setting("PAGE_CACHE_CONTENT_APPS", ()))
    return meta.app_label in apps and meta.label_lower not in IGNORED_MODELS


MIGRATING = threading.Event()


# Pages this deep or less make the menu and the sections: a change retires everything.
STRUCTURAL_DEPTH = 3


def owning_page_id(instance: Any) -> int | None:
    """The page a row belongs to (its `ParentalKey` to a page), if it is a page's row."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, ParentalKey) and issubclass(field.related_model, Page):
            return getattr(instance, field.attname)
    return None


def page_change_tags(page_id: int, depth: int, translation_key: Any, alias_of_id: int | None):
    """The tags a change of one page bumps, or None when it must retire everything."""
    if depth <= STRUCTURAL_DEPTH:
        return None
    related = Page.objects.filter(
        Q(translation_key=translation_key) | Q(alias_of_id=page_id) | Q(pk=alias_of_id or page_id)
    ).values_list("pk", flat=True)
    return {cache_tags.LIST, cache_tags.page_tag(page_id), *map(cache_tags.page_tag, related)}


def tags_for(instance: Any, everything: bool = False) -> set[str] | None:
    """What a change of `instance` bumps; None: everything."""
    if everything or instance is None or not hasattr(instance, "_meta"):
        return None
    if isinstance(instance, Page):
        if instance.pk is None or instance.depth is None:
            return None
        return page_change_tags(
            instance.pk, instance.depth, instance.translation_key, instance.alias_of_id
        )
    page_id = owning_page_id(instance)
    if page_id is None:
        return None
    row = Page.objects.filter(pk=page_id).values("depth", "translation_key", "alias_of_id").first()
    if row is None:  # deleted with its page, whose own change bumped its tags
        return {cache_tags.LIST, cache_tags.page_tag(page_id)}
    return page_change_tags(page_id, **row)


def content_changed(instance: Any = None, everything: bool = False) -> None:
    """Retire the cached copies that show `instance`; purge the CDN when there is one.

    A model may name more tags that a change of it bumps with `cache_tags()`: the lists that
    show it which a page model names in `cache_list_tags()` (pagecache/tags.py).
    """
    if MIGRATING.is_set():
        return
    tags = tags_for(instance, everything)
    if tags is not None and callable(getattr(instance, "cache_tags", None)):
        tags |= set(instance.cache_tags())
    if tags is None:
        bump_everything()
    else:
        bump_tags(tags)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None) or setting("PAGE_CACHE_XKEY_PURGE", ()):
        schedule_purge(instance, tags)


def _on_model_change(sender: type, instance: Any = None, raw: bool = False, **kwargs: Any) -> None:
    if raw or not is_content(sender):
        return
    content_changed(instance)


def _on_signal(sender: Any = None, instance: Any = None, **kwargs: Any) -> None:
    content_changed(instance)


def _on_move(sender: Any = None, instance: Any = None, **kwargs: Any) -> None:
    content_changed(instance, everything=True)


def _migration_started(**kwargs: Any) -> None:
    MIGRATING.set()


def _migration_ended(**kwargs: Any) -> None:
    """Sent once per app: the first call retires whatever the migrations changed."""
    if not MIGRATING.is_set():
        return
    MIGRATING.clear()
    try:
        bump_everything()
    except DatabaseError:  # pagecache's own migration was just reversed: nothing to retire
        pass


def connect_signals() -> None:
    """Called from AppConfig.ready()."""
    uid = "nytorget-pagecache"
    post_save.connect(_on_model_change, dispatch_uid=f"{uid}-save")
    post_delete.connect(_on_model_change, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(_on_model_change, dispatch_uid=f"{uid}-m2m")
    pre_migrate.connect(_migration_started, dispatch_uid=f"{uid}-pre-migrate")
    post_migrate.connect(_migration_ended, dispatch_uid=f"{uid}-post-migrate")
    for signal in (page_published, page_unpublished, published, unpublished):
        signal.connect(_on_signal, dispatch_uid=f"{uid}-{id(signal)}")
    post_page_move.connect(_on_move, dispatch_uid=f"{uid}-move")
    # Every page a response reads becomes one of its tags (pagecache.tags).
    post_init.connect(cache_tags.page_loaded, dispatch_uid=f"{uid}-init")
