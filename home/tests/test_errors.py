"""Friendly 404 and 500 pages in the visitor's language, with search and the contact footer."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import OperationalError
from django.test import RequestFactory

from cms import urls
from contacts.factories import OrganisationFactory
from home.models import SiteSettings
from home.views import server_error


@pytest.fixture
def organisation(home, home_en, locales):
    organisation = OrganisationFactory(name="Hässleholms kommun", switchboard="0451-26 70 00")
    settings = SiteSettings.for_site(home.get_site())
    settings.organisation = organisation
    settings.save()
    return organisation


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sv", "en"])
def test_404_is_friendly_in_the_visitors_language(client, organisation, language):
    response = client.get(f"/{language}/finns-inte/alls/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    assert soup.h1
    assert soup.find("form", role="search", action=f"/{language}/sok/")
    assert "0451-26 70 00" in soup.find("footer").get_text()


@pytest.mark.django_db
def test_500_needs_no_database_and_keeps_language_search_and_contacts(
    client, organisation, django_assert_num_queries
):
    assert urls.handler500 == "home.views.server_error"
    cache.clear()
    client.get("/en/")  # an ordinary page remembers the footer for the error page
    request = RequestFactory().get("/en/nyheter/trasig/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.find("form", role="search", action="/en/sok/")
    assert "0451-26 70 00" in soup.find("footer").get_text()
    assert soup.find("a", href="/en/")


def test_500_renders_even_with_nothing_cached():
    cache.clear()
    response = server_error(RequestFactory().get("/sv/"))
    assert response.status_code == 500
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == "sv"


def raised_by_the_database(request):
    """What Django's handler does with an exception no view handled: the 500 view, called
    while the exception is being handled (here one a database that went away raises)."""
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        return server_error(request)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_database_outage_is_a_503_in_the_visitors_language(
    client, organisation, language, django_assert_num_queries
):
    client.get(f"/{language}/")  # an ordinary page remembers the footer for the error pages
    request = RequestFactory().get(f"/{language}/nyheter/")
    with django_assert_num_queries(0):
        response = raised_by_the_database(request)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    assert soup.h1
    assert soup.find("a", href=f"/{language}/")
    assert "0451-26 70 00" in soup.find("footer").get_text()


def test_a_database_outage_in_the_api_is_a_problem_503():
    response = raised_by_the_database(RequestFactory().get("/api/v3/promises/"))
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == "30"


def test_other_errors_stay_500():
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(RequestFactory().get("/sv/"))
    assert response.status_code == 500
