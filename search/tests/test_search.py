"""Site search on PostgreSQL with the swedish configuration: stemming, compounds, safety, paging."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from home.models import SiteSettings
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory
from pagecache.generation import clear_page_cache
from promises.factories import PromiseFactory, PromisePageFactory


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


def search(client, query: str, **params) -> BeautifulSoup:
    response = client.get("/sv/sok/", {"q": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(soup: BeautifulSoup, group: str | None = None) -> list[str]:
    scope = soup.find(id=f"group-{group}").find_parent("section") if group else soup
    return [h.get_text(" ", strip=True) for h in scope.select(".search-hit__title")]


@pytest.mark.django_db
def test_swedish_stemming_finds_other_word_forms(client, home, news_index):
    NewsArticlePageFactory(
        parent=news_index, title="Kommunen ger ett nytt löfte", lead="Om trygghet."
    )
    NewsArticlePageFactory(parent=news_index, title="Möt en polis på torget", lead="På lördag.")
    NewsArticlePageFactory(parent=news_index, title="Ny cykelväg", lead="Inget om saken.")

    assert titles(search(client, "löften"), "news") == ["Kommunen ger ett nytt löfte"]
    assert titles(search(client, "polisen"), "news") == ["Möt en polis på torget"]


@pytest.mark.django_db
def test_compound_words_are_found_and_highlighted(client, home):
    StandardPageFactory(parent=home, title="Trygghetsvandring i centrum", lead="Följ med.")
    StandardPageFactory(parent=home, title="Simskola", lead="Lär dig simma.")
    agreement = PromisePageFactory(parent=home, title="Medborgarlöften 2021")
    PromiseFactory(agreement=agreement, title="Två trygghetsvandringar", slug="vandringar")

    soup = search(client, "vandringar")
    assert titles(soup, "pages") == ["Trygghetsvandring i centrum"]
    assert titles(soup, "promises") == ["Två trygghetsvandringar"]
    marks = [m.get_text() for m in soup.select(".search-hit__title mark")]
    assert "Trygghetsvandring" in marks and "trygghetsvandringar" in marks


@pytest.mark.django_db
def test_drafts_private_pages_and_unpublished_promises_never_appear(client, home, news_index):
    NewsArticlePageFactory(parent=news_index, title="Publicerad trygghetsnyhet")
    draft = NewsArticlePageFactory(parent=news_index, title="Hemlig trygghetsnyhet utkast")
    draft.unpublish()
    private = StandardPageFactory(parent=home, title="Privat trygghetssida")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    agreement = PromisePageFactory(parent=home)
    PromiseFactory(agreement=agreement, title="Trygghetslöfte publicerat")
    PromiseFactory(agreement=agreement, title="Trygghetslöfte utkast", live=False)
    hidden_agreement = PromisePageFactory(parent=home)
    PromiseFactory(agreement=hidden_agreement, title="Trygghetslöfte i opublicerad sida")
    hidden_agreement.unpublish()

    found = titles(search(client, "trygghet"))
    assert "Publicerad trygghetsnyhet" in found
    assert "Trygghetslöfte publicerat" in found
    for hidden in (
        "Hemlig trygghetsnyhet utkast",
        "Privat trygghetssida",
        "Trygghetslöfte utkast",
        "Trygghetslöfte i opublicerad sida",
    ):
        assert hidden not in found


@pytest.mark.django_db
def test_results_are_grouped_by_type_and_paginated(client, home, news_index):
    for n in range(12):
        NewsArticlePageFactory(
            parent=news_index,
            title=f"Nattvandring nummer {n}",
            first_published_at=datetime.datetime(2024, 1, n + 1, tzinfo=datetime.UTC),
        )
    StandardPageFactory(parent=home, title="Om nattvandring")

    overview = search(client, "nattvandring")
    assert len(titles(overview, "news")) == 5  # a taste of each type, with a link to all
    assert overview.find("a", href="?q=nattvandring&type=news")
    assert titles(overview, "pages") == ["Om nattvandring"]

    first = search(client, "nattvandring", type="news")
    second = search(client, "nattvandring", type="news", page="2")
    assert len(titles(first)) == 10 and len(titles(second)) == 2
    assert not set(titles(first)) & set(titles(second))
    assert second.find("a", rel="prev")
    # Bad page numbers give a page, not an error.
    assert len(titles(search(client, "nattvandring", type="news", page="abc"))) == 10
    assert len(titles(search(client, "nattvandring", type="news", page="999"))) == 2


@pytest.mark.django_db
def test_search_is_per_language(client, home, home_en):
    StandardPageFactory(parent=home, title="Trygghetsvandring på svenska")
    StandardPageFactory(parent=home_en, title="Safety walk trygghetsvandring")
    response = client.get("/en/sok/", {"q": "trygghetsvandring"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert titles(soup) == ["Safety walk trygghetsvandring"]
    assert soup.html["lang"] == "en"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        '"trygghet',
        "' OR 1=1; DROP TABLE wagtailcore_page; --",
        "trygghet & | ! ( ) : *",
        "🙂🚓",
        "\x00trygghet\x1f",
        "<script>alert(1)</script>",
        "trygghet " * 2000,
        "x" * 10_000,
    ],
)
def test_odd_queries_give_a_page(client, home, query):
    StandardPageFactory(parent=home, title="Trygghet")
    response = client.get("/sv/sok/", {"q": query, "type": "pages", "page": "-1"})
    assert response.status_code == 200
    assert b"<script>alert" not in response.content


@pytest.mark.django_db
def test_unknown_type_shows_the_overview(client, home):
    StandardPageFactory(parent=home, title="Trygghet")
    soup = search(client, "trygghet", type="nonsense")
    assert titles(soup, "pages") == ["Trygghet"]


@pytest.mark.django_db
def test_news_hits_are_listed_newest_first(client, home, news_index):
    from django.utils import timezone

    from news.models import NewsArticlePage

    for year in (2020, 2023, 2021):
        page = NewsArticlePageFactory(parent=news_index, title=f"Trygghetsvandring {year}")
        moment = timezone.make_aware(datetime.datetime(year, 5, 1))
        NewsArticlePage.objects.filter(pk=page.pk).update(first_published_at=moment)
    from django.core.management import call_command

    call_command("update_index", verbosity=0)

    assert titles(search(client, "trygghetsvandring"), "news") == [
        "Trygghetsvandring 2023",
        "Trygghetsvandring 2021",
        "Trygghetsvandring 2020",
    ]


@pytest.mark.django_db
@pytest.mark.usefixtures("kept_fragments")
def test_a_kept_search_is_retired_by_any_change(client, home, home_en, news_index):
    story = NewsArticlePageFactory(parent=news_index, title="Trygghetsvandring i parken")
    assert titles(search(client, "trygghetsvandring")) == ["Trygghetsvandring i parken"]

    # A new story, and a restriction on the one that was found.
    NewsArticlePageFactory(parent=news_index, title="Trygghetsvandring vid torget")
    PageViewRestriction.objects.create(page=story, restriction_type="login")
    assert titles(search(client, "trygghetsvandring")) == ["Trygghetsvandring vid torget"]
    # Each language has its own.
    StandardPageFactory(parent=home_en, title="Safety walk trygghetsvandring")
    english = BeautifulSoup(
        client.get("/en/sok/", {"q": "trygghetsvandring"}).content, "html.parser"
    )
    assert titles(english) == ["Safety walk trygghetsvandring"]


@pytest.mark.django_db
@pytest.mark.usefixtures("kept_fragments")
def test_a_repeated_search_runs_no_search_query(client, home, news_index, count_queries):
    """The site, the cache generation: the stems, matches and hits of every group are kept."""
    for n in range(8):
        NewsArticlePageFactory(parent=news_index, title=f"Nattvandring nummer {n}")
        StandardPageFactory(parent=home, title=f"Om nattvandring {n}")
    SiteSettings.for_site(home.get_site())  # made once on a running site
    clear_page_cache()
    assert count_queries("/sv/sok/?q=nattvandring") <= 2
