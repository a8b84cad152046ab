"""The header menu and the footer's statement link, cached per language.

Every page shows them, so they are read from the cache (no queries on a warm site) and dropped
whenever a page is saved, published, unpublished, moved or deleted, or a view restriction changes.
The 500 page reads the same cache entry, because it must not touch the database.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

CHROME_CACHE_KEY = "nytorget:chrome:{language}"


def chrome_key(language: str) -> str:
    return CHROME_CACHE_KEY.format(language=language)


def build_chrome(locale, request=None) -> dict:
    """The menu (the language home's children that are in menus) and the statement URL."""
    from .models import AccessibilityStatementPage

    home = Page.objects.filter(depth=2, locale=locale, live=True).only("path", "depth").first()
    menu = []
    if home is not None:
        menu = list(
            home.get_children().live().public().in_menu().only("title", "url_path", "depth", "path")
        )
    statement = (
        AccessibilityStatementPage.objects.live()
        .public()
        .filter(locale=locale)
        .only("title", "url_path", "depth", "path")
        .first()
    )
    return {
        "menu": [{"title": p.title, "url": p.get_url(request), "pk": p.pk} for p in menu],
        "statement_url": statement.get_url(request) if statement else None,
    }


def site_chrome_for(locale, request=None) -> dict:
    key = chrome_key(locale.language_code)
    chrome = cache.get(key)
    if chrome is None:
        chrome = build_chrome(locale, request)
        cache.set(key, chrome, 24 * 3600)
    return chrome


def forget_chrome(**kwargs) -> None:
    from django.conf import settings

    cache.delete_many([chrome_key(code) for code, _name in settings.LANGUAGES])


def forget_chrome_for_pages(sender, instance=None, **kwargs) -> None:
    if isinstance(instance, Page):
        forget_chrome()


def connect() -> None:
    page_published.connect(forget_chrome, dispatch_uid="nytorget-chrome-published")
    page_unpublished.connect(forget_chrome, dispatch_uid="nytorget-chrome-unpublished")
    post_page_move.connect(forget_chrome, dispatch_uid="nytorget-chrome-moved")
    # Any page save too: editors save rarely, and a changed title or slug must show at once.
    post_save.connect(forget_chrome_for_pages, dispatch_uid="nytorget-chrome-saved")
    post_delete.connect(forget_chrome_for_pages, dispatch_uid="nytorget-chrome-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            forget_chrome, sender=PageViewRestriction, dispatch_uid=f"nytorget-chrome-pvr-{signal}"
        )
