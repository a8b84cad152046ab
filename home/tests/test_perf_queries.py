"""Query counts that do not grow with content, for the pages the other tests do not bound yet.

The home page (latest news, agreements), information pages (blocks), a promise's permalink
(follow-ups, stories), English translations of stories (links to translated promises) and a page
served through the page cache (no query on a hit).
"""

import pytest

from contacts.factories import ContactPersonFactory, OrganisationFactory
from home.factories import StandardPageFactory
from home.models import SiteSettings
from news.factories import ArticlePromiseFactory, NewsArticlePageFactory, TopicFactory
from pagecache.generation import clear_page_cache
from pagecache.middleware import HIT_HEADER
from promises.factories import PromiseFactory, PromiseFollowUpFactory, PromisePageFactory

pytestmark = pytest.mark.django_db


def test_home_page_queries_do_not_grow_with_news_or_agreements(home, news_index, count_queries):
    NewsArticlePageFactory(parent=news_index)
    PromisePageFactory(parent=home)
    one = count_queries(home.url)
    for _ in range(8):
        NewsArticlePageFactory(parent=news_index)
    for _ in range(4):
        PromisePageFactory(parent=home)
    # 20 before the current agreement's summary at a glance (its promises and their follow-ups)
    # and the link to all news came; what matters is that the count does not grow.
    assert count_queries(home.url) == one <= 24


def test_standard_page_queries_do_not_grow_with_blocks(home, agreement, count_queries):
    org = OrganisationFactory()

    def page_with(count: int, slug: str):
        people = [ContactPersonFactory(organisation=org) for _ in range(count)]
        promises = [PromiseFactory(agreement=agreement) for _ in range(count)]
        body = []
        for person, promise in zip(people, promises, strict=True):
            body += [
                ("heading", {"text": "Rubrik", "level": "h2"}),
                ("text", "<p>Text.</p>"),
                ("contact", {"person": person, "organisation": None}),
                ("promise", promise),
            ]
        return StandardPageFactory(parent=home, slug=slug, body=body)

    one = page_with(1, "en")
    eight = page_with(8, "atta")
    assert count_queries(eight.url) == count_queries(one.url) <= 20


def test_promise_permalink_queries_do_not_grow_with_follow_ups_or_stories(
    home, news_index, count_queries
):
    def promise_with(count: int):
        page = PromisePageFactory(parent=home)
        promise = PromiseFactory(agreement=page)
        for _ in range(count):
            PromiseFollowUpFactory(promise=promise)
            ArticlePromiseFactory(page=NewsArticlePageFactory(parent=news_index), promise=promise)
        return promise

    one = promise_with(1)
    ten = promise_with(10)
    assert count_queries(ten.get_url()) == count_queries(one.get_url()) <= 25


def test_translated_story_queries_do_not_grow_with_translated_promises(
    home, home_en, locales, count_queries
):
    from home.factories import HomePageFactory  # noqa: F401  (home_en made the English root)
    from news.factories import NewsIndexPageFactory

    sv, en = locales
    index_en = NewsIndexPageFactory(parent=home_en, locale=en)
    agreement_sv = PromisePageFactory(parent=home, slug="avtal")
    agreement_en = PromisePageFactory(
        parent=home_en, slug="avtal", locale=en, translation_key=agreement_sv.translation_key
    )

    def story_with(count: int):
        story = NewsArticlePageFactory(parent=index_en, locale=en)
        topics = []
        for _ in range(count):
            promise = PromiseFactory(agreement=agreement_sv)
            PromiseFactory(
                agreement=agreement_en,
                locale=en,
                slug=promise.slug,
                translation_key=promise.translation_key,
            )
            # The English story links the Swedish promise; it shows the English translation.
            ArticlePromiseFactory(page=story, promise=promise)
            topic = TopicFactory(locale=sv)
            TopicFactory(locale=en, slug=topic.slug, translation_key=topic.translation_key)
            topics.append(topic)
        story.topics = topics
        story.save()
        return story

    one = story_with(1)
    six = story_with(6)
    assert count_queries(six.url) == count_queries(one.url) <= 30


def test_story_with_the_memos_runs_six_queries(settings, news_index, count_queries):
    """What an uncached anonymous story costs in production (the route and fragment memos on).

    At most 6 queries. One may be the cache's tag versions, read from the database that every
    server shares at most every PAGE_CACHE_CHECK_INTERVAL (pagecache/generation.py). Wagtail
    itself finds the site, the active locale and the site's root page (3) and checks the view
    restrictions of the page and its ancestors (2) on every request (issue 8). Issue 12 took the rest away: the site settings
    with their logo and sharing image (3) are kept for anonymous readers like the language
    links and footer, and the story's kept HTML needs neither its promise links nor its topics.
    The memo still saves Wagtail's routing below the root: 2 queries per URL segment.
    """
    settings.FRAGMENT_CACHE_ENABLED = True
    SiteSettings.for_site(news_index.get_site())  # made once on a running site; a change
    clear_page_cache()
    story = NewsArticlePageFactory(parent=news_index)
    assert count_queries(story.url) <= 6
    clear_page_cache()


def test_page_cache_hit_runs_no_query(
    settings, client, home, news_index, django_assert_num_queries
):
    """A hit reads the tag versions at most every PAGE_CACHE_CHECK_INTERVAL, not per request."""
    settings.PAGE_CACHE_CHECK_INTERVAL = 60
    settings.PAGE_CACHE_ENABLED = True
    clear_page_cache()
    article = NewsArticlePageFactory(parent=news_index)
    client.get(article.url)  # the first request ever also creates the site settings row
    client.get(article.url)
    with django_assert_num_queries(0):
        assert client.get(article.url)[HIT_HEADER] == "hit"
    clear_page_cache()
