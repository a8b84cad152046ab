"""Shared pytest fixtures: a site with Swedish and English home pages, and the database header."""

import pytest
from django.db import connection


def pytest_report_header(config):
    """Say which database the suite runs on, so a run on the wrong engine is visible at once."""
    try:
        with connection._nodb_cursor() as cursor:
            cursor.execute(
                "SHOW server_version" if connection.vendor == "postgresql" else "SELECT 1"
            )
            version = cursor.fetchone()[0]
    except Exception as error:
        return f"database: {connection.vendor} (not reachable: {error})"
    return f"database: {connection.vendor} {version}"


@pytest.fixture
def locales(db):
    from wagtail.models import Locale

    return Locale.objects.get(language_code="sv"), Locale.objects.get(language_code="en")


@pytest.fixture
def home(locales):
    """The Swedish home page that the initial migration made the site root."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def home_en(home, locales):
    from home.factories import HomePageFactory

    return HomePageFactory.translation_of(home, locales[1])
