"""Feed generators whose update time is stable, so that an unchanged feed keeps its ETag.

Django's generators stamp an empty feed with "now", which changes the body, and so the ETag, on
every request: a reader never gets a 304. Here an empty feed is dated by its source (the news
index or agreement page, passed as `empty_updated` through `Feed.feed_extra_kwargs`), else by a
fixed date.
"""

import datetime

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FIXED_DATE = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


class StableDateMixin:
    def latest_post_date(self) -> datetime.datetime:
        if self.items:
            return super().latest_post_date()
        return self.feed.get("empty_updated") or FIXED_DATE


class StableRssFeed(StableDateMixin, Rss201rev2Feed):
    pass


class StableAtomFeed(StableDateMixin, Atom1Feed):
    pass
