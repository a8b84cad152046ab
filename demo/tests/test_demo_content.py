"""The demo command: idempotent, and every page it makes is served in both languages."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page

from contacts.models import ContactPerson, Organisation
from news.models import NewsArticlePage
from promises.models import Promise, PromisePage, PromiseStatus

SEED = "/sv/nyheter/nastan-alla-medborgarloften-for-2021-ar-uppfyllda/"


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (Page, Promise, Organisation, ContactPerson, NewsArticlePage)
    }


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    """Load the demo once for this module, inside a transaction rolled back at its end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def demo(demo_once, db):
    return None


@pytest.mark.django_db
def test_runs_twice_without_duplicating(demo):
    before = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before
    assert before["NewsArticlePage"] >= 6
    assert Promise.objects.filter(locale__language_code="en").count() == before["Promise"] / 2


@pytest.mark.django_db
def test_every_demo_page_returns_200_in_both_languages(client, demo):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    languages = {page.locale.language_code for page in pages}
    assert languages == {"sv", "en"}
    for page in pages:
        assert client.get(page.url).status_code == 200, page.url
    for promise in Promise.objects.live().select_related("agreement"):
        assert client.get(promise.get_url()).status_code == 200, promise.get_url()


@pytest.mark.django_db
def test_seed_article_is_published_as_the_kommun_wrote_it(client, demo):
    soup = BeautifulSoup(client.get(SEED).content, "html.parser")
    text = soup.get_text(" ", strip=True)
    assert soup.h1.get_text() == "Nästan alla medborgarlöften för 2021 är uppfyllda"
    assert "Publicerad 9 februari 2022" in text
    assert "Johanna Flogstam" in soup.blockquote.parent.get_text()
    assert "Ingen giltig användare vald" not in text
    for promise in PromisePage.objects.get(
        slug="medborgarloften-2021", locale__language_code="sv"
    ).live_promises:
        assert promise.title in text
    # The footer carries the kommun's addresses, as the old site did.
    for line in ("Stadshuset, Nytorget 1", "281 80 Hässleholm", "0451-26 70 00"):
        assert line in soup.footer.get_text()


@pytest.mark.django_db
def test_seed_article_has_an_english_translation(client, demo):
    response = client.get(SEED.replace("/sv/", "/en/"))
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "Almost all citizen promises for 2021 have been fulfilled"
    assert soup.html["lang"] == "en"


@pytest.mark.django_db
def test_promise_page_2021_lists_the_seed_article_under_its_promises(client, demo):
    page = PromisePage.objects.get(slug="medborgarloften-2021", locale__language_code="en")
    response = client.get(page.url)
    promises = [p for ps in response.context["focus_areas"].values() for p in ps]
    assert len(promises) == 12
    for promise in promises:
        assert "Almost all citizen promises for 2021 have been fulfilled" in [
            s.title for s in promise.stories
        ]


@pytest.mark.django_db
def test_english_pages_speak_english(client, demo):
    text = BeautifulSoup(client.get(SEED.replace("/sv/", "/en/")).content, "html.parser").get_text(
        " ", strip=True
    )
    assert "Published 9 February 2022" in text
    assert "Publicerad" not in text
    page = PromisePage.objects.get(slug="medborgarloften-2021", locale__language_code="en")
    assert "9 of 12 fulfilled" in BeautifulSoup(
        client.get(page.url).content, "html.parser"
    ).get_text(" ", strip=True)


@pytest.mark.django_db
def test_contact_card_is_translated_with_its_organisation(client, demo):
    soup = BeautifulSoup(client.get(SEED.replace("/sv/", "/en/")).content, "html.parser")
    card = soup.select_one(".contact-card").get_text(" ", strip=True)
    assert "Drug and crime prevention coordinator, Hässleholm Municipality" in card


# What the seed article (Hässleholm's "Nästan alla medborgarlöften för 2021 är uppfyllda") says.
CANCELLED = {  # "De delar av löftena som inte kunde genomföras...": taken up again in 2022
    "grannsamverkan": "ett nytt utbildningstillfälle och kontaktombudsträff för grannsamverkan",
    "manniskan-bakom-uniformen": "samarbetet med Människan bakom uniformen (MBU) återupptas",
    "myndighetstillsyner": "siktar även på att genomföra gemensamma myndighetstillsyner",
}
DONE = {
    "trygghetsvandringar": "arrangerar bland annat trygghetsvandringar tillsammans",
    "nattvandring": "flera föreningar aktiva i den föreningsdrivna nattvandringen",
    "samverkan-kring-unga": "Det här arbetet har fortsatt under pandemin",
    "information-till-anhoriga": "Maria Skåne nordost arbetar vidare med att bland annat sprida",
}


@pytest.mark.django_db
def test_2021_statuses_agree_with_the_headline_and_the_article(client, demo):
    article = BeautifulSoup(client.get(SEED).content, "html.parser").get_text(" ", strip=True)
    agreement = PromisePage.objects.get(slug="medborgarloften-2021", locale__language_code="sv")
    summary = agreement.summary()
    # "Nästan alla": at least three in four kept, but not all.
    assert 4 * summary.fulfilled >= 3 * summary.total
    assert summary.fulfilled < summary.total
    page = BeautifulSoup(client.get(agreement.url).content, "html.parser").get_text(" ")
    assert f"{summary.fulfilled} av {summary.total} uppfyllda" in page
    statuses = {p.slug: p.status for p in agreement.live_promises}
    for slug, words in CANCELLED.items():
        assert words in article, slug
        assert statuses[slug] != PromiseStatus.FULFILLED, slug
    for slug, words in DONE.items():
        assert words in article, slug
        assert statuses[slug] == PromiseStatus.FULFILLED, slug
