import pytest


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session: starting it is the slow part."""
    from .browser import start_browser, stop_browser

    driver = start_browser()
    driver.set_script_timeout(30)
    yield driver
    stop_browser(driver)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached header, footer or menu from an earlier test's pages."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def restore_migration_data_after_browser_tests(django_db_setup, django_db_blocker):
    """Browser tests are transactional: Django empties every table after each one.

    `serialized_rollback` restores the data that migrations made (locales, the site, the Swedish
    home page) before each such test; this puts it back once more at the end of the session, so
    that a later run with --reuse-db finds the database as migrations left it.
    """
    yield
    from django.db import connection

    contents = getattr(connection, "_test_serialized_contents", None)
    if not contents:
        return
    with django_db_blocker.unblock():
        from wagtail.models import Locale

        if not Locale.objects.exists():
            connection.creation.deserialize_db_from_string(contents)
