"""Shared pytest fixtures: a site with Swedish and English home pages, and the database header."""

import shutil

import pytest
from django.db import connection

from pagecache.generation import clear_page_cache


def pytest_report_header(config):
    """Say which database the suite runs on, so a run on the wrong engine is visible at once."""
    if connection.vendor != "postgresql":
        return f"database: {connection.vendor}"
    import psycopg

    db = connection.settings_dict
    try:
        with psycopg.connect(
            dbname="postgres",  # the test database does not exist yet
            user=db["USER"],
            password=db["PASSWORD"],
            host=db["HOST"],
            port=db["PORT"] or None,
            connect_timeout=5,
        ) as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
    except psycopg.Error as error:
        return f"database: postgresql (not reachable: {error})"
    return f"database: postgresql {version}"


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


@pytest.fixture
def editor_client(client, django_user_model):
    """A logged-in superuser, as the admin's editors are in these tests."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def news_index(home):
    from news.factories import NewsIndexPageFactory

    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def agreement(home):
    from promises.factories import PromisePageFactory

    return PromisePageFactory(
        parent=home, title="Medborgarlöften 2021", slug="medborgarloften-2021"
    )


@pytest.fixture
def kept_fragments(settings):
    """The kept fragments and routes on, the whole-page cache off: an uncached reader's path."""
    settings.PAGE_CACHE_ENABLED = False
    settings.FRAGMENT_CACHE_ENABLED = True
    clear_page_cache()
    yield
    clear_page_cache()


@pytest.fixture
def count_queries(client):
    """The number of queries one GET of `url` runs, after a warm-up request as a server has."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url: str) -> int:
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    return count


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session: starting it is the slow part."""
    from demo.browser import start_browser, stop_browser

    driver = start_browser()
    driver.set_script_timeout(30)
    yield driver
    stop_browser(driver)


@pytest.fixture(autouse=True)
def leave_the_browser_blank(request):
    """After a browser test, no page of it (an admin editor pings its server) runs on."""
    yield
    if "browser" in request.fixturenames:
        request.getfixturevalue("browser").get("about:blank")


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


@pytest.fixture
def world(home):
    """The shared test site: public content and everything that must never leave (tests/world.py)."""
    from tests.world import build_world

    return build_world(home)


@pytest.fixture
def redis_server(tmp_path):
    """Our own Redis on a free port (never a shared one), stopped after the test."""
    from tests.servers import RedisServer

    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (Debian: redis-server; `make test` installs it)")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()
