"""WCAG 2.1 AA in a real browser: axe-core on every public page type, keyboard use, lang and dir."""

import pytest
from django.core.management import call_command
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from demo.browser import axe_violations

PAGES = [
    "/sv/",
    "/en/",
    "/sv/nyheter/",
    "/sv/nyheter/nastan-alla-medborgarloften-for-2021-ar-uppfyllda/",
    "/en/nyheter/nastan-alla-medborgarloften-for-2021-ar-uppfyllda/",
    "/sv/om-medborgarloften/",
    "/sv/medborgarloften-2021/",
    "/sv/medborgarloften-2021/trygghetsvandringar/",
    "/en/medborgarloften-2021/trygghetsvandringar/",
    "/sv/tillganglighetsredogorelse/",
    "/en/tillganglighetsredogorelse/",
    "/sv/sok/",
    "/sv/sok/?q=trygghetsvandringar",
    "/sv/sok/?q=l%C3%B6fte&type=promises",
    "/en/search-nothing-here/",
    "/sv/finns-inte/",
]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_pages_have_no_axe_violations_and_right_language(live_server, browser):
    call_command("load_demo")
    failures = {}
    for path in PAGES:
        browser.get(live_server.url + path)
        html = browser.find_element(By.TAG_NAME, "html")
        language = path.split("/")[1]
        assert html.get_attribute("lang") == language, path
        assert html.get_attribute("dir") == "ltr", path
        violations = axe_violations(browser)
        if violations:
            failures[path] = violations
    assert not failures, failures


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_skip_link_is_first_visible_on_focus_and_moves_focus_to_main(live_server, browser):
    call_command("load_demo")
    browser.get(live_server.url + "/sv/nyheter/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.get_attribute("class") == "skip-link"
    assert active.is_displayed()
    # Visible focus: the focused link has an outline.
    outline = browser.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    rect = browser.execute_script("return document.activeElement.getBoundingClientRect().left")
    assert rect >= 0  # on screen, not parked off the left edge
    active.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main"
    # No keyboard trap: tabbing on from the content reaches the footer's statement link.
    seen = []
    for _ in range(60):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        seen.append(browser.switch_to.active_element.get_attribute("href") or "")
        if "tillganglighetsredogorelse" in seen[-1]:
            break
    assert any("tillganglighetsredogorelse" in href for href in seen), seen
