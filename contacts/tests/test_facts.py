"""A contact's active flag, phone and e-mail, and an organisation's numbers and addresses, are one
fact in every language: changed in Swedish, they are changed everywhere at once."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site
from wagtail_localize.models import TranslationSource

from contacts.factories import ContactPersonFactory, OrganisationFactory
from contacts.models import ContactPerson, Organisation
from home.models import SiteSettings
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory
from tests.admin_forms import contact_person_edit_url, contact_person_form


def translate(instance, locale, **texts):
    """A wagtail-localize translation, then the translator's own words for the text fields."""
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = source.create_or_update_translation(locale, fallback=True)
    for name, value in texts.items():
        setattr(translation, name, value)
    translation.save()
    return translation


@pytest.fixture
def site(home, home_en, locales):
    sv, en = locales
    kommun = OrganisationFactory(name="Hässleholms kommun", switchboard="0451-26 70 00", locale=sv)
    kommun_en = translate(kommun, en, name="Hässleholm Municipality")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation = kommun
    settings.save()
    person = ContactPersonFactory(
        name="Johanna Flogstam",
        role_title="Samordnare",
        phone="0451-11 11 11",
        organisation=kommun,
        locale=sv,
    )
    person_en = translate(person, en, role_title="Coordinator")
    index_en = NewsIndexPageFactory(parent=home_en, locale=en, slug="news")
    story_en = NewsArticlePageFactory(
        parent=index_en,
        locale=en,
        title="Safety walks",
        contacts=[("contact", {"person": person_en, "organisation": None})],
    )
    return {
        "kommun": kommun,
        "kommun_en": kommun_en,
        "person": person,
        "person_en": person_en,
        "story_en": story_en,
    }


def text(client, url: str) -> str:
    return BeautifulSoup(client.get(url).content, "html.parser").get_text(" ")


@pytest.mark.django_db
def test_deactivating_a_contact_in_swedish_hides_her_in_every_language(admin_client, client, site):
    person, person_en = site["person"], site["person_en"]
    assert "Coordinator" in text(client, site["story_en"].url)
    assert str(person_en.pk) in client.get("/api/v3/contacts/?locale=en").content.decode()

    response = admin_client.post(
        contact_person_edit_url(person),
        contact_person_form(person, is_active=False, phone="0451-22 22 22"),
    )
    assert response.status_code == 302

    person_en.refresh_from_db()
    assert not person_en.is_active
    assert person_en.phone == "0451-22 22 22"
    assert person_en.role_title == "Coordinator"
    assert "Johanna Flogstam" not in text(client, site["story_en"].url)
    listing = client.get("/api/v3/contacts/?locale=en").json()
    assert person_en.pk not in [item["id"] for item in listing["items"]]
    assert client.get(f"/api/v3/contacts/{person_en.pk}/").status_code == 404


@pytest.mark.django_db
def test_an_organisations_numbers_and_addresses_are_the_same_in_english(client, site):
    kommun = site["kommun"]
    kommun.switchboard = "0451-99 99 99"
    kommun.visiting_address = "Stadshuset, Nytorget 2\nHässleholm"
    kommun.save()

    kommun_en = Organisation.objects.get(pk=site["kommun_en"].pk)
    # The English person belongs to the English organisation, not the Swedish one.
    assert ContactPerson.objects.get(pk=site["person_en"].pk).organisation == kommun_en
    assert kommun_en.switchboard == "0451-99 99 99"
    assert kommun_en.visiting_address == "Stadshuset, Nytorget 2\nHässleholm"
    assert kommun_en.name == "Hässleholm Municipality"
    footer = BeautifulSoup(client.get(site["story_en"].url).content, "html.parser").footer
    assert "0451-99 99 99" in footer.get_text()
    assert "Nytorget 2" in footer.get_text()


@pytest.mark.django_db
def test_the_english_contact_cannot_change_a_fact(admin_client, site):
    person_en = site["person_en"]
    response = admin_client.get(contact_person_edit_url(person_en))
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("input[name=is_active]").has_attr("disabled")
    assert soup.select_one("input[name=phone]").has_attr("disabled")
    assert not soup.select_one("input[name=role_title]").has_attr("disabled")

    response = admin_client.post(
        contact_person_edit_url(person_en),
        contact_person_form(person_en, is_active=False, role_title="Safety coordinator"),
    )
    assert response.status_code == 302
    assert set(ContactPerson.objects.values_list("is_active", flat=True)) == {True}
    person_en.refresh_from_db()
    assert person_en.role_title == "Safety coordinator"
