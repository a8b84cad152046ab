"""The header menu and the footer's statement link, cached per language.

Every page shows them, so they are kept until the next content change (pagecache memoize, the
same rule as every other cached piece). The last known value is also kept under a fixed key for
the 500 page, which must not touch the database.
"""

from wagtail.models import Page

from pagecache.generation import memoize

from .models import AccessibilityStatementPage, remember

CHROME_CACHE_KEY = "nytorget:chrome:{language}"


def chrome_key(language: str) -> str:
    return CHROME_CACHE_KEY.format(language=language)


def build_chrome(locale, request=None) -> dict:
    """The menu (the language home's children that are in menus) and the statement URL."""
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
    host = request.get_host() if request is not None else ""
    chrome = memoize(("chrome", locale.language_code, host), lambda: build_chrome(locale, request))
    remember(chrome_key(locale.language_code), chrome)
    return chrome
