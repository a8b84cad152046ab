"""The follow-up feed: each dated follow-up of a published promise is an entry."""

import feedparser
import pytest
from bs4 import BeautifulSoup

from promises.factories import PromiseFollowUpFactory
from tests.feeds import HOSTILE_TEXT, assert_shown_as_text, entry_html
from tests.world import assert_nothing_hidden

pytestmark = pytest.mark.django_db


def test_follow_up_of_a_promise_with_a_draft_shows_the_published_title(client, world):
    PromiseFollowUpFactory(promise=world.parents, note="Möte med föräldrar.")
    feed = parse(client, "/feeds/sv/follow-ups/atom/")  # checks the draft title is absent
    assert "Information till föräldrar: uppfyllt" in [e.title for e in feed.entries]


def parse(client, url: str) -> feedparser.FeedParserDict:
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    text = response.content.decode()
    assert_nothing_hidden(text)
    assert "Hemlig uppföljning" not in text
    return feed


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_each_follow_up_is_an_entry_newest_first(client, world, kind):
    feed = parse(client, f"/feeds/sv/follow-ups/{kind}/")
    assert [e.title for e in feed.entries] == [
        "Två trygghetsvandringar: uppfyllt",
        "Två trygghetsvandringar: pågår",
    ]
    assert [e.summary for e in feed.entries] == [
        "Båda vandringarna genomförda.",
        "Första vandringen genomförd.",
    ]
    assert feed.entries[0].link == "http://testserver/sv/medborgarloften-2021/trygghetsvandringar/"
    assert len({e.id for e in feed.entries}) == 2  # unique ids for one promise's follow-ups
    if kind == "atom":  # RFC 4287 requires <updated> on every entry
        assert all(e.get("updated_parsed") for e in feed.entries)
    # The follow-up's date, midnight in Stockholm (23:00 UTC the day before).
    assert tuple(feed.entries[0].published_parsed[:4]) == (2021, 12, 14, 23)


def test_agreement_feed_and_its_link_on_the_agreement_page(client, world):
    url = f"/feeds/agreements/{world.agreement.pk}/follow-ups/atom/"
    feed = parse(client, url)
    assert len(feed.entries) == 2
    assert feed.feed.title == "Uppföljningar: Medborgarlöften 2021"
    soup = BeautifulSoup(client.get("/sv/medborgarloften-2021/").content, "html.parser")
    assert soup.select_one(f'head link[rel="alternate"][href="{url}"]') is not None


@pytest.mark.parametrize("hidden", ["unpublished_agreement", "private_agreement"])
def test_hidden_agreement_has_no_feed(client, world, hidden):
    page = world.hidden[hidden]
    assert client.get(f"/feeds/agreements/{page.pk}/follow-ups/rss/").status_code == 404


def test_unknown_language_is_404(client, world):
    assert client.get("/feeds/xx/follow-ups/rss/").status_code == 404


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_plain_text_note_reaches_the_reader_as_text(client, world, kind):
    PromiseFollowUpFactory(promise=world.parents, note=HOSTILE_TEXT)
    response = client.get(f"/feeds/agreements/{world.agreement.pk}/follow-ups/{kind}/")
    newest = entry_html(response.content)[0]  # same date as the latest, created after it
    assert_shown_as_text(newest, HOSTILE_TEXT)
