"""`pages/find` takes the paths the site serves, language prefix included (cms/api.py).

Wagtail's find answers a 302 to the page's detail; it keeps doing so, and keeps checking that
the caller may see the page, for /sv/... and /en/... paths alike.
"""

import pytest
from django.urls import reverse

from news.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


def find(client, html_path: str, **query):
    return client.get("/api/v3/pages/find/", {"html_path": html_path, **query})


def assert_finds(client, html_path: str, page, **query) -> None:
    assert client.get(html_path).status_code == 200, f"the site does not serve {html_path}"
    response = find(client, html_path, **query)
    assert response.status_code == 302, (html_path, response.content[:300])
    detail = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
    assert response["Location"].split("?")[0] == detail
    assert client.get(response["Location"]).json()["id"] == page.pk


@pytest.fixture
def english_story(home_en):
    index = NewsIndexPageFactory(parent=home_en, locale=home_en.locale, slug="news")
    return NewsArticlePageFactory(parent=index, locale=home_en.locale, slug="all-promises-kept")


def test_swedish_paths_as_the_site_serves_them(client, world):
    assert world.story.url.startswith("/sv/")
    assert_finds(client, world.story.url, world.story)
    assert_finds(client, world.index.url, world.index)
    assert_finds(client, "/sv/", world.home)


def test_english_paths_as_the_site_serves_them(client, world, home_en, english_story):
    assert english_story.url == "/en/news/all-promises-kept/"
    assert_finds(client, english_story.url, english_story)
    assert_finds(client, "/en/", home_en)


def test_other_query_parameters_are_kept(client, world):
    response = find(client, world.story.url, rich_text_format="markdown")
    assert response.status_code == 302
    assert response["Location"].endswith("?rich_text_format=markdown")


def test_a_promise_permalink_finds_the_agreement_page_that_serves_it(client, world):
    # Wagtail's find answers with the page that serves a path; a promise is not a page.
    assert_finds(client, world.walks.get_url(), world.agreement)


def test_paths_without_a_language_keep_wagtails_behaviour(client, world):
    # Routed from the site's root page (the Swedish home), as Wagtail does.
    response = find(client, world.story.url.removeprefix("/sv"))
    assert response.status_code == 302


@pytest.mark.parametrize(
    "path",
    ["/sv/finns-inte/", "/de/nyheter/", "/en/nyheter/", "/sv/nyheter/finns-inte/", "/xx/"],
)
def test_paths_the_site_does_not_serve_are_404(client, world, path):
    response = find(client, path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("site", ["localhost:abc", "localhost:1:2", "x" * 256])
def test_a_site_that_cannot_exist_is_a_400(client, world, site):
    response = find(client, world.story.url, site=site)
    assert response.status_code == 400  # Wagtail's find answered a site's bad port with a 500
    assert response.json()["detail"].startswith("site: ")


@pytest.mark.parametrize("hidden", ["draft_story", "private_story", "unpublished_agreement"])
def test_pages_that_must_not_leave_are_not_found(client, world, hidden):
    path = world.hidden[hidden].url
    assert path.startswith("/sv/")
    assert find(client, path).status_code == 404
