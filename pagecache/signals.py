"""What retires the cache: any saved, deleted or published content object.

Generic receivers catch every content model, new ones too. Which apps hold content is a setting
(`PAGE_CACHE_CONTENT_APPS`), so this package never imports the apps it watches.

The bump happens at once and again when the transaction commits, so a request that renders
between the change and the commit cannot store the old content under the new generation.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from .cdn import schedule_purge
from .generation import bump_generation, setting

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


def content_changed(instance: Any = None) -> None:
    """Retire the cached copies now and again after commit; purge the CDN when there is one."""
    bump_generation()
    transaction.on_commit(bump_generation)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        schedule_purge(instance)


def _on_model_change(sender: type, instance: Any = None, raw: bool = False, **kwargs: Any) -> None:
    if raw or not is_content(sender):
        return
    content_changed(instance)


def _on_signal(sender: Any = None, instance: Any = None, **kwargs: Any) -> None:
    content_changed(instance)


def connect_signals() -> None:
    """Called from AppConfig.ready()."""
    uid = "nytorget-pagecache"
    post_save.connect(_on_model_change, dispatch_uid=f"{uid}-save")
    post_delete.connect(_on_model_change, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(_on_model_change, dispatch_uid=f"{uid}-m2m")
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(_on_signal, dispatch_uid=f"{uid}-{id(signal)}")
