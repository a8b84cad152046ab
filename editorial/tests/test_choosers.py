"""Choosers that tell things apart: promises by agreement, year and status; topics and contacts
in the page's own language; ASCII slugs for Swedish titles."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from contacts.factories import ContactPersonFactory
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory, TopicFactory
from promises.factories import PromiseFactory, PromisePageFactory
from promises.models import PromiseStatus


def modal_text(response) -> str:
    """The modal's text (a JSON envelope), or the results panel's (plain HTML)."""
    assert response.status_code == 200
    html = response.json()["html"] if response["Content-Type"] == "application/json" else None
    return BeautifulSoup(html or response.content, "html.parser").get_text(" ", strip=True)


@pytest.fixture
def two_years(home):
    def agreement(year: int):
        return PromisePageFactory(
            parent=home,
            title=f"Medborgarlöften {year}",
            slug=f"medborgarloften-{year}",
            period_start=datetime.date(year, 1, 1),
            period_end=datetime.date(year, 12, 31),
        )

    first, second = agreement(2021), agreement(2022)
    PromiseFactory(agreement=first, title="Trygghetsvandringar", status=PromiseStatus.FULFILLED)
    PromiseFactory(agreement=second, title="Trygghetsvandringar", status=PromiseStatus.PLANNED)
    return first, second


@pytest.mark.django_db
def test_the_promise_chooser_tells_the_same_title_apart(admin_client, two_years):
    first, second = two_years
    url = reverse("wagtailsnippetchoosers_promises_promise:choose")
    text = modal_text(admin_client.get(url))
    assert text.count("Trygghetsvandringar") == 2
    for words in ("Medborgarlöften 2021", "Medborgarlöften 2022", "uppfyllt", "planerat"):
        assert words in text

    results = reverse("wagtailsnippetchoosers_promises_promise:choose_results")
    text = modal_text(admin_client.get(results, {"agreement": first.pk}))
    assert "uppfyllt" in text and "planerat" not in text
    text = modal_text(admin_client.get(results, {"status": PromiseStatus.PLANNED}))
    assert "Medborgarlöften 2022" in text and "Medborgarlöften 2021" not in text
    assert admin_client.get(results, {"status": "nonsense"}).status_code == 200


@pytest.mark.django_db
def test_a_chosen_promise_is_named_with_its_agreement_and_status(admin_client, two_years):
    promise = two_years[0].promises.get()
    response = admin_client.get(
        reverse("wagtailsnippetchoosers_promises_promise:chosen", args=[promise.pk])
    )
    assert response.json()["result"]["string"] == (
        "Trygghetsvandringar (Medborgarlöften 2021, uppfyllt)"
    )


@pytest.mark.django_db
def test_topics_are_offered_in_the_pages_own_language(admin_client, home, home_en, locales):
    sv, en = locales
    safety = TopicFactory(name="Trygghet", slug="trygghet", locale=sv)
    TopicFactory(name="Safety", slug="trygghet", locale=en, translation_key=safety.translation_key)
    index = NewsIndexPageFactory(parent=home)
    index_en = NewsIndexPageFactory(parent=home_en, locale=en, slug="news")

    def topics_offered(url: str) -> dict[str, bool]:
        soup = BeautifulSoup(admin_client.get(url).content, "html.parser")
        return {
            box.find_parent("label").get_text(strip=True): box.has_attr("checked")
            for box in soup.select("input[name=topics]")
        }

    add = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", index.pk))
    assert topics_offered(add) == {"Trygghet": False}
    # An English story that wagtail-localize gave the Swedish topic shows its English one.
    story_en = NewsArticlePageFactory(parent=index_en, locale=en)
    story_en.topics = [safety]
    story_en.save()
    edit = reverse("wagtailadmin_pages:edit", args=[story_en.pk])
    assert topics_offered(edit) == {"Safety": True}


@pytest.mark.django_db
def test_contact_choosers_open_in_the_pages_language(admin_client, home, home_en, locales):
    sv, en = locales
    person = ContactPersonFactory(name="Johanna Flogstam", locale=sv)
    ContactPersonFactory(
        name="Johanna Coordinator", locale=en, translation_key=person.translation_key
    )
    index = NewsIndexPageFactory(parent=home)
    story = NewsArticlePageFactory(parent=index)
    # The admin's choosers send the edited page's language (wagtailConfig.ACTIVE_CONTENT_LOCALE).
    page = BeautifulSoup(
        admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content,
        "html.parser",
    )
    config = json.loads(page.select_one("#wagtail-config").string)
    assert config["ACTIVE_CONTENT_LOCALE"] == "sv"
    url = reverse("wagtailsnippetchoosers_contacts_contactperson:choose")
    text = modal_text(admin_client.get(url, {"locale": config["ACTIVE_CONTENT_LOCALE"]}))
    assert "Johanna Flogstam" in text and "Coordinator" not in text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_swedish_title_gets_an_ascii_slug_in_the_admin(live_server, browser, home):
    """The editor's own path: type the title in the admin, and the slug follows it."""
    get_user_model().objects.create_superuser("redaktor", "r@example.org", "lösenord")
    index = NewsIndexPageFactory(parent=home)
    add = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", index.pk))
    try:
        browser.get(live_server.url + reverse("wagtailadmin_login"))
        browser.find_element(By.NAME, "username").send_keys("redaktor")
        browser.find_element(By.NAME, "password").send_keys("lösenord", Keys.ENTER)
        WebDriverWait(browser, 30).until(lambda b: "/login/" not in b.current_url)
        browser.get(live_server.url + add)
        title = WebDriverWait(browser, 30).until(lambda b: b.find_element(By.NAME, "title"))
        title.send_keys("Två nya trygghetsvandringar på Östergård", Keys.TAB)
        slug = "return document.querySelector('input[name=slug]').value"
        WebDriverWait(browser, 30).until(lambda b: b.execute_script(slug))
        assert browser.execute_script(slug) == "tva-nya-trygghetsvandringar-pa-ostergard"
    finally:
        browser.delete_all_cookies()
