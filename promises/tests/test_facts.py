"""A promise's status and its follow-ups' dates and statuses are one fact in every language.

The Swedish editor publishes; the English translation shows it at once on every channel, and no
later English publish (from an old wagtail-localize sync) can bring the old fact back.
"""

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail_localize.models import TranslationSource

from news.factories import ArticlePromiseFactory, NewsArticlePageFactory, NewsIndexPageFactory
from promises.factories import PromiseFactory, PromiseFollowUpFactory, PromisePageFactory
from promises.models import Promise, PromisePage, PromiseStatus
from tests.admin_forms import promise_edit_url, promise_form, publish

NEW_DATE = datetime.date(2021, 12, 20)


def translate(instance, locale, capture):
    """wagtail-localize's own path: a source, then the translation (published on commit)."""
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    with capture(execute=True):
        translation, _ = source.create_or_update_translation(
            locale, fallback=True, copy_parent_pages=True
        )
    return translation


@pytest.fixture
def site(home, home_en, locales, django_capture_on_commit_callbacks):
    sv, en = locales
    capture = django_capture_on_commit_callbacks
    agreement = PromisePageFactory(parent=home, slug="medborgarloften-2021")
    agreement_en = translate(agreement, en, capture)
    promise = PromiseFactory(
        agreement=agreement,
        title="Trygghetsvandringar",
        slug="trygghetsvandringar",
        status=PromiseStatus.PLANNED,
        status_reason="Datum bestäms i vår.",
    )
    PromiseFollowUpFactory(
        promise=promise,
        date=datetime.date(2021, 6, 1),
        status=PromiseStatus.PLANNED,
        note="Första vandringen är bokad.",
    )
    promise.save_revision().publish()
    translate(promise, en, capture)
    promise_en = Promise.objects.get(translation_key=promise.translation_key, locale=en)
    index_en = NewsIndexPageFactory(parent=home_en, locale=en, slug="news")
    story_en = NewsArticlePageFactory(parent=index_en, locale=en, title="Safety walks planned")
    ArticlePromiseFactory(page=story_en, promise=promise_en)
    return {
        "promise": promise,
        "promise_en": promise_en,
        "agreement_en": PromisePage.objects.get(pk=agreement_en.pk),
        "story_en": story_en,
    }


def english_channels(client, site) -> dict[str, str]:
    """What English readers and partners get, channel by channel."""
    promise_en, agreement_en = site["promise_en"], site["agreement_en"]
    promise_en.refresh_from_db()
    pages = {
        "agreement page": agreement_en.url,
        "permalink": promise_en.get_url(),
        "story": site["story_en"].url,
        "embed": reverse("embed_promise", args=[promise_en.pk]),
        "csv": reverse("open_data_promises", args=[agreement_en.pk, "csv"]),
    }
    texts = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        texts[name] = BeautifulSoup(response.content, "html.parser").get_text(" ")
    texts["api"] = client.get(f"/api/v3/promises/{promise_en.pk}/").content.decode()
    texts["api filter"] = client.get(
        "/api/v3/promises/?locale=en&status=fulfilled"
    ).content.decode()
    feed = feedparser.parse(client.get("/feeds/en/follow-ups/rss/").content)
    texts["feed"] = " ".join(e.get("title", "") + " " + e.get("summary", "") for e in feed.entries)
    return texts


@pytest.mark.django_db
def test_a_status_published_in_swedish_reaches_every_english_channel(admin_client, client, site):
    before = english_channels(client, site)
    assert "0 of 1 fulfilled" in before["agreement page"]

    data = promise_form(
        site["promise"],
        status=PromiseStatus.FULFILLED,
        status_reason="Båda vandringarna genomfördes.",
        new_follow_ups=[
            {
                "date": NEW_DATE.isoformat(),
                "status": PromiseStatus.FULFILLED,
                "note": "Andra vandringen genomförd.",
            }
        ],
    )
    response = admin_client.post(promise_edit_url(site["promise"]), publish(data))
    assert response.status_code == 302, response.content.decode()[:3000]

    promise_en = Promise.objects.get(pk=site["promise_en"].pk)
    assert promise_en.status == PromiseStatus.FULFILLED
    # Text stays as translated until someone translates the new reason.
    assert promise_en.status_reason == "Datum bestäms i vår."
    follow_ups = list(promise_en.follow_ups.all())
    assert [(f.date, f.status) for f in follow_ups] == [
        (datetime.date(2021, 6, 1), PromiseStatus.PLANNED),
        (NEW_DATE, PromiseStatus.FULFILLED),
    ]
    assert {f.locale_id for f in follow_ups} == {promise_en.locale_id}

    after = english_channels(client, site)
    assert "1 of 1 fulfilled" in after["agreement page"]
    for name in ("permalink", "story", "embed"):
        assert "fulfilled" in after[name], name
    assert ",fulfilled," in after["csv"]
    assert '"status": "fulfilled"' in after["api"] or '"status":"fulfilled"' in after["api"]
    assert NEW_DATE.isoformat() in after["api"]
    assert (
        f'"id": {promise_en.pk}' in after["api filter"]
        or f'"id":{promise_en.pk}' in after["api filter"]
    )
    assert "20 December 2021" in after["permalink"]


@pytest.mark.django_db
def test_an_old_translation_published_later_cannot_bring_the_old_status_back(
    admin_client, site, locales, django_capture_on_commit_callbacks
):
    sv, en = locales
    promise = site["promise"]
    response = admin_client.post(
        promise_edit_url(promise), publish(promise_form(promise, status=PromiseStatus.FULFILLED))
    )
    assert response.status_code == 302

    # The translator publishes from the source synced while the status was "planerat".
    source = TranslationSource.objects.get(object_id=promise.translation_key)
    assert source.as_instance().status == PromiseStatus.PLANNED
    with django_capture_on_commit_callbacks(execute=True):
        source.create_or_update_translation(en, fallback=True)

    statuses = set(
        Promise.objects.filter(translation_key=promise.translation_key).values_list(
            "status", flat=True
        )
    )
    assert statuses == {PromiseStatus.FULFILLED}


@pytest.mark.django_db
def test_the_english_form_shows_the_facts_read_only(admin_client, site):
    promise_en = site["promise_en"]
    response = admin_client.get(promise_edit_url(promise_en))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("select[name=status]").has_attr("disabled")
    assert soup.select_one("input[name=follow_ups-0-date]").has_attr("disabled")
    assert not soup.select_one("[name=status_reason]").has_attr("disabled")
    assert "Samma på alla språk" in response.content.decode()

    # A changed status in the English form is ignored; the text is saved.
    data = promise_form(
        promise_en, status=PromiseStatus.CANCELLED, status_reason="Dates are set in spring."
    )
    response = admin_client.post(promise_edit_url(promise_en), publish(data))
    assert response.status_code == 302
    promise_en.refresh_from_db()
    assert promise_en.status == PromiseStatus.PLANNED
    assert promise_en.status_reason == "Dates are set in spring."

    # Follow-ups are added in the original: the English form says so and saves nothing.
    data = promise_form(
        promise_en,
        new_follow_ups=[{"date": "2021-09-01", "status": "in_progress", "note": "Walk."}],
    )
    response = admin_client.post(promise_edit_url(promise_en), publish(data))
    assert response.status_code == 200
    assert "läggs till och tas bort i originalet" in response.content.decode()
    assert promise_en.follow_ups.count() == 1
