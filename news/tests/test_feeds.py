"""News feeds (RSS 2.0 and Atom) per language and topic, read with a real feed parser."""

import feedparser
import pytest
from bs4 import BeautifulSoup

from news.factories import NewsArticlePageFactory, NewsIndexPageFactory
from tests.feeds import HOSTILE_TEXT, assert_shown_as_text, entry_html
from tests.world import assert_nothing_hidden

pytestmark = pytest.mark.django_db


def parse(client, url: str) -> feedparser.FeedParserDict:
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert_nothing_hidden(response.content.decode())
    return feed


@pytest.mark.parametrize(("kind", "version"), [("rss", "rss20"), ("atom", "atom10")])
def test_news_feed_has_the_live_public_stories(client, world, kind, version):
    feed = parse(client, f"/feeds/sv/news/{kind}/")
    assert feed.version == version
    assert feed.feed.title == "Nyheter – Nytorget"
    assert feed.feed.link == "http://testserver/sv/nyheter/"
    assert [e.title for e in feed.entries] == ["Nästan alla löften uppfyllda"]
    entry = feed.entries[0]
    assert entry.link == "http://testserver/sv/nyheter/nastan-alla-loften-uppfyllda/"
    assert entry.id == entry.link
    assert entry.summary == "Så gick det 2021."
    assert entry.published_parsed is not None
    assert [t.term for t in entry.tags] == ["Trygghet"]
    if kind == "atom":  # RFC 4287 requires <updated> on every entry
        assert entry.updated_parsed is not None


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_topic_feed(client, world, kind):
    other = NewsArticlePageFactory(parent=world.index, title="Om något annat")
    assert other.live
    feed = parse(client, f"/feeds/sv/news/trygghet/{kind}/")
    assert [e.title for e in feed.entries] == ["Nästan alla löften uppfyllda"]
    assert "Trygghet" in feed.feed.title
    everything = parse(client, f"/feeds/sv/news/{kind}/")
    assert "Om något annat" in [e.title for e in everything.entries]


def test_english_feed_has_english_stories_only(client, world, home_en):
    index_en = NewsIndexPageFactory(parent=home_en, slug="news", title="News")
    NewsArticlePageFactory(parent=index_en, title="Almost all promises kept")
    feed = parse(client, "/feeds/en/news/atom/")
    assert [e.title for e in feed.entries] == ["Almost all promises kept"]
    assert feed.feed.language == "en"
    assert "Nästan" not in str(feed)


@pytest.mark.parametrize(
    "url", ["/feeds/xx/news/rss/", "/feeds/sv/news/okänt/atom/", "/feeds/sv/news/nope/rss/"]
)
def test_unknown_language_or_topic_is_404(client, world, url):
    assert client.get(url).status_code == 404


def test_feeds_are_linked_from_news_pages(client, world):
    for url in ["/sv/nyheter/", "/sv/nyheter/nastan-alla-loften-uppfyllda/"]:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        links = {
            link["type"]: link["href"] for link in soup.select('head link[rel="alternate"][type]')
        }
        assert links["application/rss+xml"] == "/feeds/sv/news/rss/"
        assert links["application/atom+xml"] == "/feeds/sv/news/atom/"
        assert client.get(links["application/atom+xml"]).status_code == 200
    soup = BeautifulSoup(client.get("/sv/nyheter/?topic=trygghet").content, "html.parser")
    hrefs = [link["href"] for link in soup.select('head link[rel="alternate"][type]')]
    assert "/feeds/sv/news/trygghet/atom/" in hrefs


def test_draft_revision_of_a_live_story_is_not_in_the_feed(client, world):
    world.story.title = "Ny rubrik i utkast"
    world.story.save_revision()
    feed = parse(client, "/feeds/sv/news/atom/")
    assert [e.title for e in feed.entries] == ["Nästan alla löften uppfyllda"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_plain_text_lead_reaches_the_reader_as_text(client, world, kind):
    world.story.lead = HOSTILE_TEXT
    world.story.save_revision().publish()
    response = client.get(f"/feeds/sv/news/{kind}/")
    [html] = entry_html(response.content)
    assert_shown_as_text(html, HOSTILE_TEXT)
