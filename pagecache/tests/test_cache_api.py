"""The API, feeds and embeds are cached like pages, and a promise change shows in all at once."""

import pytest
from wagtail.models import Site

from home.models import SiteSettings
from news.factories import ArticlePromiseFactory, NewsArticlePageFactory, NewsIndexPageFactory
from pagecache.generation import clear_page_cache
from pagecache.middleware import HIT_HEADER
from promises.factories import PromiseFactory, PromiseFollowUpFactory, PromisePageFactory
from promises.models import PromiseFollowUp, PromiseStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings, db):
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    clear_page_cache()
    yield
    clear_page_cache()


@pytest.fixture
def promise(home):
    # The site settings row exists on a running site; its creation would itself be a change.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    agreement = PromisePageFactory(parent=home, slug="loften-2021", title="Medborgarlöften 2021")
    promise = PromiseFactory(
        agreement=agreement,
        slug="vandringar",
        title="Trygghetsvandringar i centrum",
        status=PromiseStatus.PLANNED,
    )
    PromiseFollowUpFactory(promise=promise, status=PromiseStatus.PLANNED, note="Bokad.")
    index = NewsIndexPageFactory(parent=home)
    story = NewsArticlePageFactory(parent=index, slug="vandring", title="Vandring i centrum")
    ArticlePromiseFactory(page=story, promise=promise)
    promise.story = story
    return promise


def partner_urls(promise) -> dict[str, str]:
    return {
        "API list": "/api/v3/promises/?limit=50",
        "API detail": f"/api/v3/promises/{promise.pk}/",
        "API agreement": f"/api/v3/agreements/{promise.agreement_id}/",
        "API story": f"/api/v3/pages/{promise.story.pk}/",
        "embed": f"/embed/promises/{promise.pk}/",
        "embed agreement": f"/embed/agreements/{promise.agreement_id}/",
        "follow-up feed": "/feeds/sv/follow-ups/rss/",
    }


@pytest.mark.usefixtures("page_cache")
def test_partner_reads_are_cached(client, promise):
    for name, url in partner_urls(promise).items():
        first = client.get(url)
        assert first.status_code == 200, name
        second = client.get(url, HTTP_ORIGIN="https://polisen.example")
        assert second[HIT_HEADER] == "hit", name
        assert second["Access-Control-Allow-Origin"] == "*", name
        for header in ("ETag", "Last-Modified", "Cache-Control"):
            assert second[header] == first[header], (name, header)


@pytest.mark.usefixtures("page_cache")
def test_a_cached_answer_gets_its_304_and_a_304_is_never_stored(client, promise):
    for name, url in partner_urls(promise).items():
        # The first request is conditional: the cache stores the 200, the reader gets a 304.
        etag = client.get(url, HTTP_IF_NONE_MATCH='"not-yet"')["ETag"]
        clear_page_cache()
        miss = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert miss.status_code == 304, name
        hit = client.get(url, HTTP_IF_NONE_MATCH=etag, HTTP_ORIGIN="https://polisen.example")
        assert hit.status_code == 304, name
        assert hit["Access-Control-Allow-Origin"] == "*", name
        since = client.get(url, HTTP_IF_MODIFIED_SINCE=miss["Last-Modified"])
        assert since.status_code == 304, name
        full = client.get(url)
        assert full.status_code == 200, name
        assert full[HIT_HEADER] == "hit", name
        assert full["ETag"] == etag, name
        assert full.content, name
        assert client.get(url, HTTP_IF_NONE_MATCH='"stale"').status_code == 200, name


@pytest.mark.usefixtures("page_cache")
def test_promise_status_change_shows_in_api_feed_and_embed_at_once(client, promise):
    urls = partner_urls(promise)
    expected = {
        "API list": '"status": "cancelled"',
        "API detail": '"status": "cancelled"',
        "API agreement": '"status": "cancelled"',
        "API story": '"status": "cancelled"',
        "embed": 'status--cancelled">',
        "embed agreement": 'status--cancelled">',
        "follow-up feed": "inställt",
    }
    for name, url in urls.items():
        client.get(url)
        response = client.get(url)
        assert response[HIT_HEADER] == "hit", name
        assert expected[name] not in response.content.decode(), name

    promise.status = PromiseStatus.CANCELLED
    promise.save_revision().publish()
    PromiseFollowUp.objects.create(
        promise=promise,
        locale=promise.locale,
        date="2021-11-01",
        status=PromiseStatus.CANCELLED,
        note="Inställd på grund av storm.",
    )

    for name, url in urls.items():
        response = client.get(url)
        assert response[HIT_HEADER] == "miss", name
        assert expected[name] in response.content.decode(), name


@pytest.mark.usefixtures("page_cache")
def test_api_with_a_token_bypasses_the_cache(client, promise):
    url = f"/api/v3/promises/{promise.pk}/"
    client.get(url)
    assert client.get(url)[HIT_HEADER] == "hit"
    response = client.get(url, HTTP_AUTHORIZATION="Bearer not-a-real-token")
    assert HIT_HEADER not in response
