"""Bounded queries: API answers cost the same number of queries for 2 items as for 50."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contacts.factories import ContactPersonFactory
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory, TopicFactory
from news.models import ArticlePromise
from promises.factories import PromiseFactory, PromiseFollowUpFactory, PromisePageFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15  # a ceiling with room; the point is that 2 and 50 items cost the same


def queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(context)


def add_promises(agreement, count: int, follow_ups: int) -> list:
    promises = []
    for _ in range(count):
        promise = PromiseFactory(agreement=agreement)
        for day in range(follow_ups):
            PromiseFollowUpFactory(promise=promise, date=datetime.date(2021, 1, day + 1))
        promises.append(promise)
    return promises


@pytest.fixture
def agreement(home):
    return PromisePageFactory(parent=home, slug="medborgarloften")


def test_promise_list(client, agreement):
    url = f"/api/v3/promises/?agreement={agreement.pk}&limit=50"
    add_promises(agreement, 2, follow_ups=1)
    few = queries(client, url)
    add_promises(agreement, 48, follow_ups=5)
    many = queries(client, url)
    assert client.get(url).json()["count"] == 50
    assert few == many <= MAX_QUERIES


def test_promise_detail_and_agreement_detail(client, agreement):
    (promise,) = add_promises(agreement, 1, follow_ups=2)
    index = NewsIndexPageFactory(parent=agreement.get_parent())
    story = NewsArticlePageFactory(parent=index)
    ArticlePromise.objects.create(page=story, promise=promise)
    promise_url = f"/api/v3/promises/{promise.pk}/"
    agreement_urls = [f"/api/v3/agreements/{agreement.pk}/", f"/api/v3/pages/{agreement.pk}/"]
    few = [queries(client, url) for url in [promise_url, *agreement_urls]]
    for day in range(48):
        PromiseFollowUpFactory(
            promise=promise, date=datetime.date(2022, 1, 1) + datetime.timedelta(days=day)
        )
    for _ in range(10):
        ArticlePromise.objects.create(page=NewsArticlePageFactory(parent=index), promise=promise)
    add_promises(agreement, 48, follow_ups=2)
    many = [queries(client, url) for url in [promise_url, *agreement_urls]]
    assert len(client.get(promise_url).json()["follow_ups"]) == 50
    assert few == many
    assert max(many) <= MAX_QUERIES


def test_agreement_list(client, home):
    url = "/api/v3/agreements/?limit=50"
    for year in range(2):
        add_promises(PromisePageFactory(parent=home, slug=f"a{year}"), 2, follow_ups=1)
    few = queries(client, url)
    for year in range(2, 50):
        add_promises(PromisePageFactory(parent=home, slug=f"a{year}"), 2, follow_ups=1)
    many = queries(client, url)
    assert few == many <= MAX_QUERIES


def test_page_list(client, home):
    url = "/api/v3/pages/?limit=50"
    index = NewsIndexPageFactory(parent=home)
    for _ in range(2):
        NewsArticlePageFactory(parent=index)
    few = queries(client, url)
    for _ in range(48):
        NewsArticlePageFactory(parent=index)
    many = queries(client, url)
    assert client.get(url).json()["count"] >= 50
    assert few == many <= MAX_QUERIES


def test_article_detail(client, home, agreement):
    index = NewsIndexPageFactory(parent=home)

    def article_with(count: int):
        promises = add_promises(agreement, count, follow_ups=3)
        people = [ContactPersonFactory() for _ in range(count)]
        article = NewsArticlePageFactory(
            parent=index,
            body=[("text", "<p>Brödtext.</p>")] * count,
            contacts=[("contact", {"person": p, "organisation": None}) for p in people],
        )
        article.topics.set([TopicFactory(locale=home.locale) for _ in range(count)])
        for promise in promises:
            ArticlePromise.objects.create(page=article, promise=promise)
        article.save_revision().publish()
        return f"/api/v3/pages/{article.pk}/"

    small, large = article_with(2), article_with(50)
    data = client.get(large).json()
    assert len(data["followed_promises"]) == 50
    assert len(data["contacts"]) == 50
    assert len(data["topics"]) == 50
    assert queries(client, small) == queries(client, large) <= MAX_QUERIES


def test_feeds_export_and_embed(client, agreement):
    (promise,) = add_promises(agreement, 1, follow_ups=2)
    index = NewsIndexPageFactory(parent=agreement.get_parent())
    topic = TopicFactory(locale=agreement.locale)

    def add_stories(count: int) -> None:
        for _ in range(count):
            story = NewsArticlePageFactory(parent=index)
            story.topics.add(topic, TopicFactory(locale=agreement.locale))

    add_stories(2)
    urls = [
        "/feeds/sv/news/rss/",
        f"/feeds/sv/news/{topic.slug}/atom/",
        "/feeds/sv/follow-ups/atom/",
        f"/open-data/agreements/{agreement.pk}/promises.csv",
        f"/embed/agreements/{agreement.pk}/",
        f"/embed/promises/{promise.pk}/",
    ]
    few = [queries(client, url) for url in urls]
    add_promises(agreement, 49, follow_ups=3)
    add_stories(30)
    for day in range(20):
        PromiseFollowUpFactory(promise=promise, date=datetime.date(2022, 1, day + 1))
    many = [queries(client, url) for url in urls]
    assert few == many
    assert max(many) <= MAX_QUERIES
