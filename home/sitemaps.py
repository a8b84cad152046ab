"""sitemap.xml for every language: Wagtail's own sitemap only covers the default site's root."""

from collections import defaultdict

from django.db.models import QuerySet
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from promises.models import Promise, PromisePage


class LocalizedSitemap(Sitemap):
    """Every live, public page below a language's home page, in every language.

    Each URL lists its translations as hreflang alternates, and a promise page adds the permalink
    of each of its live promises.
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

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        by_key: dict = defaultdict(list)
        for item in pages:
            by_key[item.translation_key].append(item)
        promise_pages = [p.pk for p in pages if isinstance(p, PromisePage)]
        promises = defaultdict(list)
        for promise in Promise.objects.filter(live=True, agreement_id__in=promise_pages).order_by(
            "agreement_id", "focus_area", "sort_order", "pk"
        ):
            promises[promise.agreement_id].append(promise)

        languages = dict(Locale.objects.values_list("pk", "language_code"))
        urls = []
        last_mods = set()
        for item in pages:
            location = item.get_full_url(self.request)
            if location is None:
                continue
            lastmod = item.last_published_at or item.latest_revision_created_at
            alternates = [
                {"location": t.get_full_url(self.request), "lang_code": languages[t.locale_id]}
                for t in by_key[item.translation_key]
                if len(by_key[item.translation_key]) > 1
            ]
            urls.append(
                {"item": item, "location": location, "lastmod": lastmod, "alternates": alternates}
            )
            last_mods.add(lastmod)
            for promise in promises.get(item.pk, []):
                urls.append(
                    {
                        "item": promise,
                        "location": PromisePage.permalink(location, promise.slug),
                        "lastmod": lastmod,
                    }
                )
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
