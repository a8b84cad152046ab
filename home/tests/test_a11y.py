"""WCAG 2.1 AA in a real browser: axe-core on every public page type, keyboard use, lang and dir."""

import pytest
from django.core.management import call_command
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from demo.browser import axe_violations, reset_viewport, set_viewport

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


PHONE_PAGES = [
    "/sv/",
    "/sv/nyheter/",
    "/sv/nyheter/nastan-alla-medborgarloften-for-2021-ar-uppfyllda/",
    "/sv/medborgarloften-2021/",
    "/sv/medborgarloften-2021/trygghetsvandringar/",
    "/sv/tillganglighetsredogorelse/",
    "/sv/sok/?q=trygghetsvandringar",
]
# Links, buttons and fields smaller than 44 px, outside running text (where WCAG exempts them).
SMALL_TARGETS_JS = """
const small = [];
for (const el of document.querySelectorAll(
    'a[href], button, summary, input:not([type=hidden]), select, textarea')) {
  const box = el.getBoundingClientRect();
  if (!box.width || !box.height || el.classList.contains('skip-link')) continue;
  if (el.closest('p, dd, .rich-text, address, figcaption, blockquote')) continue;
  if (box.height < 43.5) small.push(el.outerHTML.slice(0, 100) + ' ' + Math.round(box.height));
}
return small;
"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_phone_layout_compact_header_menu_without_javascript_18px_text_44px_targets(
    live_server, browser
):
    call_command("load_demo")
    set_viewport(browser, 390, 844)
    try:
        browser.get(live_server.url + "/sv/nyheter/")
        assert browser.execute_script("return innerWidth") == 390
        assert browser.find_elements(By.TAG_NAME, "script") == []  # the site has no JavaScript
        assert browser.find_element(By.CSS_SELECTOR, ".site-header").size["height"] <= 80
        assert not browser.find_element(By.CSS_SELECTOR, ".site-nav").is_displayed()
        links = browser.find_elements(By.CSS_SELECTOR, ".menu-toggle__panel .main-menu a")
        assert links and not any(link.is_displayed() for link in links)
        button = browser.find_element(By.CSS_SELECTOR, "summary.menu-toggle__button")
        button.click()
        assert all(link.is_displayed() for link in links)
        assert browser.find_element(By.ID, "menu-search").is_displayed()
        assert not axe_violations(browser)  # also with the menu open

        small, text_sizes = {}, {}
        for path in PHONE_PAGES:
            browser.get(live_server.url + path)
            if found := browser.execute_script(SMALL_TARGETS_JS):
                small[path] = found
            # Nothing wider than the phone: no sideways scrolling.
            assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
            # Body text: paragraphs without a class (not dates, kickers or captions).
            text_sizes[path] = browser.execute_script(
                "return [...document.querySelectorAll('main p:not([class])')]"
                ".map(p => parseFloat(getComputedStyle(p).fontSize))"
            )
        assert not small, small
        sizes = [size for page_sizes in text_sizes.values() for size in page_sizes]
        assert len(sizes) > 20 and min(sizes) >= 18, text_sizes
    finally:
        reset_viewport(browser)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_wide_screen_shows_the_menu_bar_and_no_menu_button(live_server, browser):
    call_command("load_demo")
    browser.get(live_server.url + "/sv/")
    assert not browser.find_element(By.CSS_SELECTOR, ".menu-toggle").is_displayed()
    menu = browser.find_elements(By.CSS_SELECTOR, ".site-nav .main-menu a")
    assert menu and all(link.is_displayed() for link in menu)
    # Headings and text share one measure.
    browser.get(live_server.url + "/sv/nyheter/nastan-alla-medborgarloften-for-2021-ar-uppfyllda/")
    widths = browser.execute_script(
        "return [...document.querySelectorAll('article h1, article h2, article > p')]"
        ".map(e => Math.round(e.getBoundingClientRect().width))"
    )
    assert max(widths) <= 41 * 16, widths
