"""RSS 2.0 and Atom feeds of news, per language and per topic, for partners' sites and readers."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site
from wagtail.query import PageQuerySet

from core.feeds import StableAtomFeed, StableRssFeed

from .models import NewsArticlePage, NewsIndexPage, Topic

FEED_LENGTH = 30


@dataclass
class NewsFeedSource:
    locale: Locale
    index: Page | None
    topic: Topic | None
    request: HttpRequest
    site_name: str


def default_publisher() -> str:
    """The default site's name: the feeds' author when the project names none."""
    site = Site.objects.filter(is_default_site=True).first()
    return (site.site_name if site else "") or "Nytorget"


def public_news() -> PageQuerySet:
    return NewsArticlePage.objects.live().public().defer_streamfields()


class NewsRssFeed(Feed):
    """Latest live, public stories in one language, optionally of one topic.

    `publisher` names the site's author in the active language (the project passes the kommun's
    footer organisation, see cms/urls.py).
    """

    feed_type = StableRssFeed

    def __init__(self, publisher: Callable[[], str] = default_publisher) -> None:
        super().__init__()
        self.publisher = publisher

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        language = kwargs.get("language", "")
        if language not in dict(translation.trans_real.get_languages()):
            raise Http404("Unknown language.")
        with translation.override(language):
            return super().__call__(request, *args, **kwargs)

    def get_object(
        self, request: HttpRequest, language: str, topic: str | None = None
    ) -> NewsFeedSource:
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            raise Http404("Unknown language.")
        topic_obj = None
        if topic is not None:
            topic_obj = Topic.objects.filter(locale=locale, slug=topic).first()
            if topic_obj is None:
                raise Http404("Unknown topic.")
        index = NewsIndexPage.objects.live().public().filter(locale=locale).first()
        return NewsFeedSource(
            locale=locale, index=index, topic=topic_obj, request=request, site_name=self.publisher()
        )

    def title(self, source: NewsFeedSource) -> str:
        if source.topic:
            return _("Nyheter om %(topic)s – %(site)s") % {
                "topic": source.topic.name,
                "site": source.site_name,
            }
        return _("Nyheter – %(site)s") % {"site": source.site_name}

    def description(self, source: NewsFeedSource) -> str:
        return _("De senaste nyheterna från %(site)s.") % {"site": source.site_name}

    subtitle = description

    def link(self, source: NewsFeedSource) -> str:
        if source.index is not None:
            url = source.index.get_full_url(source.request)
            if url and source.topic:
                return f"{url}?topic={source.topic.slug}"
            if url:
                return url
        return f"/{source.locale.language_code}/"

    def feed_url(self, source: NewsFeedSource) -> str:
        return source.request.path

    def feed_extra_kwargs(self, source: NewsFeedSource) -> dict:
        # An empty feed is as old as its index page, never "now" (core/feeds.py).
        return {"empty_updated": source.index.last_published_at if source.index else None}

    def author_name(self, source: NewsFeedSource) -> str:
        return source.site_name

    def items(self, source: NewsFeedSource) -> list[NewsArticlePage]:
        articles = public_news().filter(locale=source.locale)
        if source.topic is not None:
            # A story may still point at the topic's Swedish original: match any translation.
            articles = articles.filter(
                topics__translation_key=source.topic.translation_key
            ).distinct()
        items = list(
            articles.prefetch_related("topics").order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )
        # The feed instance is shared between requests: keep per-request data on the items.
        for item in items:
            item.feed_link = item.get_full_url(source.request)
        return items

    def item_title(self, item: NewsArticlePage) -> str:
        return item.title

    def item_description(self, item: NewsArticlePage) -> str:
        # RSS <description> and Atom <summary type="html"> hold HTML: the plain-text lead is
        # escaped once for HTML here and once for XML by Django, so readers show it as text.
        return escape(item.lead)

    def item_link(self, item: NewsArticlePage) -> str:
        return item.feed_link

    def item_guid(self, item: NewsArticlePage) -> str:
        return item.feed_link

    def item_pubdate(self, item: NewsArticlePage):
        return item.first_published_at

    def item_updateddate(self, item: NewsArticlePage):
        return item.last_published_at

    def item_categories(self, item: NewsArticlePage) -> list[str]:
        return [topic.name for topic in item.topics.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = StableAtomFeed
