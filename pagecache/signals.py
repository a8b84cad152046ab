"""What retires the cache: any saved, deleted or published content object.

Generic receivers catch every content model, new ones too. Which apps hold content is a setting
(`PAGE_CACHE_CONTENT_APPS`), so this package never imports the apps it watches.

The bump happens at once and again when the transaction commits, so a request that renders
between the change and the commit cannot store the old content under the new generation.
A migration run bumps once, when it ends: its data migrations change content before the
generation's own migration may have run.
"""

from __future__ import annotations

import threading
from typing import Any

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import DatabaseError, transaction
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_migrate,
)
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from . import generation
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


MIGRATING = threading.Event()


def content_changed(instance: Any = None) -> None:
    """Retire the cached copies now and again after commit; purge the CDN when there is one."""
    if MIGRATING.is_set():
        return
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


def _migration_started(**kwargs: Any) -> None:
    MIGRATING.set()


def _migration_ended(**kwargs: Any) -> None:
    """Sent once per app: the first call retires whatever the migrations changed."""
    if not MIGRATING.is_set():
        return
    MIGRATING.clear()
    try:
        bump_generation()
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
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(_on_signal, dispatch_uid=f"{uid}-{id(signal)}")
    # A request reads the generation once (pagecache.generation.current_generation).
    request_started.connect(generation.request_started, dispatch_uid=f"{uid}-request-started")
    request_finished.connect(generation.request_finished, dispatch_uid=f"{uid}-request-finished")
