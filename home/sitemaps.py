"""sitemap.xml for every language: Wagtail's own sitemap only covers the default site's root."""

from collections import defaultdict

from django.conf import settings
from django.db.models import QuerySet
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from promises.models import Promise, PromisePage


class LocalizedSitemap(Sitemap):
    """Every live, public page below a language's home page, in every language.

    Each URL lists its translations as hreflang alternates, with x-default naming the default
    language's, and a promise page adds the permalink of each of its live promises, which lists
    the permalinks of the promise's translations the same way. Built in `get_urls`, Django's entry point, from the public
    `items()`, `location()` (Wagtail's full URL, with the page's own site) and `lastmod()`.
    Django's `i18n`/`alternates` cannot be used: they serve one object under every language
    prefix of the request's host, while a Wagtail translation is a page of its own.
    """

    def items(self) -> QuerySet:
        return (
            Page.objects.live()
            .public()
            .filter(depth__gte=2)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        pages = list(self.paginator.page(page).object_list)
        translations: dict = defaultdict(list)
        for item in pages:
            translations[item.translation_key].append(item)
        promises = live_promises_by_agreement(pages)
        languages = dict(Locale.objects.values_list("pk", "language_code"))

        # Where each page and promise is, by translation key and language: its alternates.
        page_locations = {item.pk: self.location(item) for item in pages}
        permalinks: dict = defaultdict(dict)
        for item in pages:
            for promise in promises[item.pk]:
                if page_locations[item.pk]:
                    url = PromisePage.permalink(page_locations[item.pk], promise.slug)
                    permalinks[promise.translation_key][languages[item.locale_id]] = url

        urls = []
        for item in pages:
            location = page_locations[item.pk]
            if location is None:
                continue
            lastmod = self.lastmod(item)
            translated = {
                languages[translation.locale_id]: url
                for translation in translations[item.translation_key]
                if (url := page_locations[translation.pk])
            }
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": lastmod,
                    "alternates": hreflang_alternates(translated),
                }
            )
            for promise in promises[item.pk]:
                urls.append(
                    {
                        "item": promise,
                        "location": PromisePage.permalink(location, promise.slug),
                        "lastmod": lastmod,
                        "alternates": hreflang_alternates(permalinks[promise.translation_key]),
                    }
                )
        last_mods = [url["lastmod"] for url in urls]
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)  # Django's view sends it as Last-Modified
        return urls


def hreflang_alternates(by_language: dict[str, str]) -> list[dict]:
    """A URL's translations and x-default (the default language's), or none without a translation.

    hreflang links translations to each other, so a page that exists in one language gets none.
    """
    if len(by_language) < 2:
        return []
    alternates = [{"location": url, "lang_code": code} for code, url in by_language.items()]
    if settings.LANGUAGE_CODE in by_language:
        alternates.append(
            {"location": by_language[settings.LANGUAGE_CODE], "lang_code": "x-default"}
        )
    return alternates


def live_promises_by_agreement(pages: list[Page]) -> dict[int, list[Promise]]:
    """The live promises of the promise pages among `pages`, in their page order, in one query."""
    agreements = [page.pk for page in pages if isinstance(page, PromisePage)]
    promises = defaultdict(list)
    for promise in Promise.objects.filter(live=True, agreement_id__in=agreements).order_by(
        "agreement_id", "focus_area", "sort_order", "pk"
    ):
        promises[promise.agreement_id].append(promise)
    return promises
