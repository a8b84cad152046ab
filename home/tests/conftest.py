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
