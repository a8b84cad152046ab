"""Organisations and contact people in the API: active people only."""

import pytest

from contacts.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(locales):
    sv, en = locales
    organisation = OrganisationFactory(name="Polisen", locale=sv)
    active = ContactPersonFactory(
        name="Kommunpolis Andersson",
        organisation=organisation,
        email="polis@example.org",
        locale=sv,
    )
    inactive = ContactPersonFactory(name="Slutat Svensson", is_active=False, locale=sv)
    english = OrganisationFactory(
        name="The Police", locale=en, translation_key=organisation.translation_key
    )
    return organisation, active, inactive, english


def test_only_active_people_are_listed(client, people):
    organisation, active, inactive, _ = people
    response = client.get("/api/v3/contacts/")
    data = response.json()
    assert [p["name"] for p in data["items"]] == ["Kommunpolis Andersson"]
    assert data["items"][0]["organisation"]["id"] == organisation.pk
    assert data["items"][0]["email"] == "polis@example.org"
    assert "Slutat" not in response.content.decode()
    assert "review_by" not in data["items"][0]


def test_inactive_person_is_not_found(client, people):
    _, active, inactive, _ = people
    assert client.get(f"/api/v3/contacts/{active.pk}/").status_code == 200
    response = client.get(f"/api/v3/contacts/{inactive.pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_filters(client, people):
    organisation, _, _, english = people
    assert client.get(f"/api/v3/contacts/?organisation={organisation.pk}").json()["count"] == 1
    assert client.get(f"/api/v3/contacts/?organisation={english.pk}").json()["count"] == 0
    assert client.get("/api/v3/contacts/?search=andersson").json()["count"] == 1


def test_organisations_by_locale(client, people):
    organisation, _, _, english = people
    data = client.get("/api/v3/organisations/?locale=en").json()
    assert [o["name"] for o in data["items"]] == ["The Police"]
    detail = client.get(f"/api/v3/organisations/{organisation.pk}/").json()
    assert detail["name"] == "Polisen"
    assert detail["meta"]["locale"] == "sv"
    assert detail["switchboard"] == "0451-26 70 00"
