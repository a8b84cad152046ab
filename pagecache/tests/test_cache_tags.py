"""Publishing one story retires what shows it, in both languages, and nothing else.

Each response records the tags of the pages it read (pagecache/tags.py); a publish bumps the
story's tags, its translations' and `list` (pagecache/signals.py).
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from wagtail.models import Site

from home.models import SiteSettings
from news.factories import ArticlePromiseFactory, NewsArticlePageFactory, NewsIndexPageFactory
from pagecache.generation import clear_page_cache
from pagecache.middleware import HIT_HEADER
from promises.factories import PromiseFactory, PromisePageFactory


@pytest.fixture
def newsroom(settings, home, home_en, locales):
    """Two stories in Swedish, the first also in English and following a promise up."""
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    # The site settings row exists on a running site; its creation would itself be a change.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    agreement = PromisePageFactory(parent=home, slug="loften-2021", title="Medborgarlöften 2021")
    promise = PromiseFactory(agreement=agreement, slug="vandringar", title="Vandringar")
    index = NewsIndexPageFactory(parent=home)
    index_en = NewsIndexPageFactory(
        parent=home_en, locale=locales[1], slug="news", translation_key=index.translation_key
    )
    story = NewsArticlePageFactory(parent=index, slug="a", title="Berättelse A")
    other = NewsArticlePageFactory(parent=index, slug="b", title="Berättelse B")
    story_en = NewsArticlePageFactory(
        parent=index_en,
        locale=locales[1],
        slug="a",
        title="Story A",
        translation_key=story.translation_key,
    )
    ArticlePromiseFactory(page=story, promise=promise)
    clear_page_cache()
    yield {"story": story, "other": other, "story_en": story_en, "agreement": agreement}
    clear_page_cache()


def warm(client, url: str) -> str:
    assert client.get(url).status_code == 200, url
    second = client.get(url)
    assert second[HIT_HEADER] == "hit", url
    return second.content.decode()


def publish_title(page, title: str) -> None:
    """As the admin does: a new revision, published."""
    page.title = title
    page.save_revision().publish()


def test_publishing_a_story_leaves_other_stories_cached(client, newsroom):
    other_url = newsroom["other"].url
    other_api = f"/api/v3/pages/{newsroom['other'].pk}/"
    for url in (other_url, other_api, newsroom["story"].url):
        warm(client, url)
    publish_title(newsroom["story"], "Berättelse A, ny")
    assert client.get(other_url)[HIT_HEADER] == "hit"
    assert client.get(other_api)[HIT_HEADER] == "hit"
    fresh = client.get(newsroom["story"].url)
    assert fresh[HIT_HEADER] == "miss"
    assert "Berättelse A, ny" in fresh.content.decode()


def test_a_published_story_is_fresh_everywhere_it_shows_in_both_languages(client, newsroom):
    story, story_en = newsroom["story"], newsroom["story_en"]
    swedish = {
        "story": story.url,
        "index": "/sv/nyheter/",
        "home": "/sv/",
        "agreement": newsroom["agreement"].url,
        "feed": "/feeds/sv/news/rss/",
        "API list": "/api/v3/pages/?type=news.NewsArticlePage&fields=title",
        "API detail": f"/api/v3/pages/{story.pk}/",
    }
    english = {
        "story": story_en.url,
        "index": "/en/news/",
        "home": "/en/",
        "feed": "/feeds/en/news/rss/",
        "API detail": f"/api/v3/pages/{story_en.pk}/",
    }
    for url in [*swedish.values(), *english.values()]:
        assert "ny rubrik" not in warm(client, url).lower(), url

    publish_title(story, "Ny rubrik svenska")
    for name, url in swedish.items():
        assert "Ny rubrik svenska" in client.get(url).content.decode(), name
    # The English version links to the Swedish one: it is retired with it.
    assert client.get(story_en.url)[HIT_HEADER] == "miss"

    publish_title(story_en, "New headline in English")
    for name, url in english.items():
        assert "New headline in English" in client.get(url).content.decode(), name
    assert client.get(story.url)[HIT_HEADER] == "miss"


def test_an_agreement_page_is_retired_only_by_the_stories_following_its_promises(client, newsroom):
    url = newsroom["agreement"].url
    warm(client, url)
    publish_title(newsroom["other"], "Berättelse B, ny")  # follows no promise up
    assert client.get(url)[HIT_HEADER] == "hit"
    publish_title(newsroom["story"], "Berättelse A, ny")
    answer = client.get(url)
    assert answer[HIT_HEADER] == "miss"
    assert "Berättelse A, ny" in answer.content.decode()


def test_a_story_that_stops_following_a_promise_leaves_its_page_at_once(client, newsroom):
    url = newsroom["agreement"].url
    assert "Berättelse A" in warm(client, url)
    story = newsroom["story"]
    story.promise_links.all().delete()
    assert "Berättelse A" not in client.get(url).content.decode()


def test_a_cache_hit_runs_no_query(client, newsroom, django_assert_num_queries):
    url = newsroom["other"].url
    warm(client, url)
    with django_assert_num_queries(0):
        assert client.get(url)[HIT_HEADER] == "hit"


def test_another_servers_publish_shows_within_the_check_interval(client, newsroom, settings):
    """Versions are read from the database every PAGE_CACHE_CHECK_INTERVAL (0: every request)."""
    settings.PAGE_CACHE_CHECK_INTERVAL = 0
    url = newsroom["story"].url
    warm(client, url)
    # Another server's bump: in the database only, as its after-commit write puts it.
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO pagecache_tag (tag, version) VALUES (%s, nextval('pagecache_generation'))"
            " ON CONFLICT (tag) DO UPDATE SET version = EXCLUDED.version,"
            " changed_at = clock_timestamp()",
            [f"page:{newsroom['story'].pk}"],
        )
    assert client.get(url)[HIT_HEADER] == "miss"


def test_a_new_story_reaches_the_kept_fragments_that_list_stories(client, newsroom, home):
    """The home page's kept content and the search's kept hits read no page they do not show
    yet: as listings, a publish retires them, and the next answer shows the new story."""
    home_url, search_url = home.url, "/sv/sok/?q=trygghetsvandring"
    warm(client, home_url)
    warm(client, search_url)
    index = newsroom["story"].get_parent()
    new = NewsArticlePageFactory(parent=index, slug="ny", title="Trygghetsvandring vid torget")
    new.save_revision().publish()
    for url in (home_url, search_url):  # as text: the search marks the words it found
        text = BeautifulSoup(client.get(url).content, "html.parser").get_text(" ", strip=True)
        assert "Trygghetsvandring vid torget" in text, url
