"""The news index: newest first, filters by topic and year, and bad paging never breaks it."""

import datetime

import pytest
from django.utils import timezone

from news.factories import NewsArticlePageFactory, TopicFactory
from news.models import NEWS_PER_PAGE, NewsArticlePage


def published(article, year: int, month: int = 1) -> None:
    moment = timezone.make_aware(datetime.datetime(year, month, 1, 9))
    NewsArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=moment, last_published_at=moment
    )


def titles(response) -> list[str]:
    return [a.title for a in response.context["articles"]]


@pytest.mark.django_db
def test_lists_live_articles_newest_first(client, news_index):
    old = NewsArticlePageFactory(parent=news_index, title="Gammal")
    new = NewsArticlePageFactory(parent=news_index, title="Ny")
    NewsArticlePageFactory(parent=news_index, title="Utkast", live=False)
    published(old, 2021)
    published(new, 2022)

    assert titles(client.get(news_index.url)) == ["Ny", "Gammal"]


@pytest.mark.django_db
def test_filters_by_topic_and_year(client, news_index):
    safety = TopicFactory(name="Trygghet", slug="trygghet")
    a = NewsArticlePageFactory(parent=news_index, title="Trygghet 2021")
    a.topics.add(safety)
    a.save()
    b = NewsArticlePageFactory(parent=news_index, title="Trygghet 2022")
    b.topics.add(safety)
    b.save()
    c = NewsArticlePageFactory(parent=news_index, title="Annat 2022")
    for article, year in ((a, 2021), (b, 2022), (c, 2022)):
        published(article, year)

    assert titles(client.get(news_index.url, {"topic": "trygghet"})) == [
        "Trygghet 2022",
        "Trygghet 2021",
    ]
    assert titles(client.get(news_index.url, {"year": "2022"})) == ["Annat 2022", "Trygghet 2022"]
    assert titles(client.get(news_index.url, {"topic": "trygghet", "year": "2021"})) == [
        "Trygghet 2021"
    ]
    response = client.get(news_index.url)
    assert response.context["years"] == [2022, 2021]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"page": "abc"},
        {"page": "999"},
        {"page": "-1"},
        {"page": ""},
        {"page": "1e9"},
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"topic": "<script>"},
        {"topic": "finns-inte"},
    ],
)
def test_bad_query_strings_give_a_page_not_an_error(client, news_index, query):
    for _ in range(NEWS_PER_PAGE + 1):
        NewsArticlePageFactory(parent=news_index)
    response = client.get(news_index.url, query)
    assert response.status_code == 200


@pytest.mark.django_db
def test_paginates_and_keeps_filters_in_links(client, news_index):
    topic = TopicFactory(slug="trygghet")
    for _ in range(NEWS_PER_PAGE + 2):
        article = NewsArticlePageFactory(parent=news_index)
        article.topics.add(topic)
        article.save()

    first = client.get(news_index.url, {"topic": "trygghet"})
    second = client.get(news_index.url, {"topic": "trygghet", "page": "2"})
    beyond = client.get(news_index.url, {"topic": "trygghet", "page": "999"})

    assert len(first.context["articles"]) == NEWS_PER_PAGE
    assert len(second.context["articles"]) == 2
    assert beyond.context["articles"].number == 2
    assert 'href="?topic=trygghet&amp;page=2"' in first.content.decode()


@pytest.mark.django_db
def test_index_queries_do_not_grow_with_articles(news_index, count_queries):
    NewsArticlePageFactory(parent=news_index)
    one = count_queries(news_index.url)
    for _ in range(NEWS_PER_PAGE):
        NewsArticlePageFactory(parent=news_index)
    assert count_queries(news_index.url) == one
