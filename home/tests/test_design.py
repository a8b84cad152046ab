"""The second design pass: status colours, icons, titles, the password page, the language
switcher on search, the news filter form, the brand stylesheet, the home page's agreement at a
glance and the agreement's open data."""

import itertools
import math
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from wagtail.models import PageViewRestriction

from contacts.factories import OrganisationFactory
from home.factories import StandardPageFactory
from home.models import SiteSettings, contrast_with_white, relative_luminance
from promises.factories import PromiseFactory, PromisePageFactory
from promises.models import PromiseStatus

STATUS_CSS = Path(settings.BASE_DIR) / "static" / "css" / "status.css"

# Machado, Oliveira & Fernandes (2009), severity 1: colour vision deficiencies on linear RGB.
SIMULATIONS = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
MIN_DISTANCE = 12  # CIE76 ΔE between any two statuses' fills, for every kind of vision


def status_palette() -> dict[str, dict[str, str]]:
    """{status: {"bg": ..., "fg": ..., "edge": ...}} from the custom properties of status.css."""
    palette: dict[str, dict[str, str]] = {}
    for status, part, colour in re.findall(
        r"--status-(\w+)-(bg|fg|edge):\s*(#[0-9a-f]{6})", STATUS_CSS.read_text()
    ):
        palette.setdefault(status, {})[part] = colour
    return palette


def contrast(a: str, b: str) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def lab(colour: str, matrix) -> tuple[float, float, float]:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    rgb = [linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5)]
    r, g, b = (
        min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in matrix
    )
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_every_status_has_readable_colours_of_its_own():
    palette = status_palette()
    assert set(palette) == set(PromiseStatus.values)
    for status, colours in palette.items():
        assert contrast(colours["fg"], colours["bg"]) >= 4.5, status  # text on the badge
        assert contrast(colours["edge"], "#ffffff") >= 3, status  # the badge against the page


def test_status_colours_stay_apart_for_colour_blind_readers():
    palette = status_palette()
    for vision, matrix in SIMULATIONS.items():
        for a, b in itertools.combinations(palette, 2):
            distance = math.dist(lab(palette[a]["bg"], matrix), lab(palette[b]["bg"], matrix))
            assert distance >= MIN_DISTANCE, (vision, a, b, round(distance, 1))


def test_site_and_embed_use_the_one_status_stylesheet(client, world):
    for url in (world.agreement.url, f"/embed/agreements/{world.agreement.pk}/"):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        sheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
        assert "/static/css/status.css" in sheets, url


@pytest.mark.django_db
def test_favicon_and_touch_icons_are_served(client, home):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    soup = BeautifulSoup(client.get(home.url).content, "html.parser")
    icons = [link["href"] for link in soup.find_all("link", rel=["icon", "apple-touch-icon"])]
    assert len(icons) == 3 and soup.find("link", rel="apple-touch-icon")
    for href in icons:
        if href.startswith(settings.STATIC_URL):  # tests serve static files without collecting
            assert finders.find(href.removeprefix(settings.STATIC_URL)), href
        else:
            assert client.get(href).status_code == 200, href


@pytest.mark.django_db
def test_home_page_title_names_the_kommun_once(client, home):
    organisation = OrganisationFactory(name="Hässleholms kommun")
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.organisation = organisation
    site_settings.save()
    home.title = "Hässleholms kommun"
    home.save()
    page = StandardPageFactory(parent=home, title="Om oss")
    assert BeautifulSoup(client.get(home.url).content, "html.parser").title.string == (
        "Hässleholms kommun"
    )
    assert BeautifulSoup(client.get(page.url).content, "html.parser").title.string == (
        "Om oss – Hässleholms kommun"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "button"),
    [("sv", "Lösenord krävs", "Fortsätt"), ("en", "Password required", "Continue")],
)
def test_password_page_is_in_the_sites_design_and_language(
    client, home, home_en, language, heading, button
):
    parent = home if language == "sv" else home_en
    page = StandardPageFactory(parent=parent, title="Skyddad", locale=parent.locale)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    assert soup.find("header", class_="site-header") is not None  # the site's own layout
    assert soup.h1.string == heading
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.select_one(".password-form button").string == button
    form = soup.find("form", class_="password-form")
    label = form.find("label")
    assert form.find(id=label["for"])["type"] == "password"

    data = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name")}
    wrong = client.post(form["action"], {**data, "password": "fel"})
    assert wrong.status_code == 200
    assert BeautifulSoup(wrong.content, "html.parser").find(class_="form-error")
    right = client.post(form["action"], {**data, "password": "hemligt"})
    assert right.status_code == 302
    assert client.get(page.url).context["page"] == page


@pytest.mark.django_db
def test_language_switcher_on_search_keeps_the_query(client, home, home_en):
    soup = BeautifulSoup(client.get("/sv/sok/?q=trygghet&type=news").content, "html.parser")
    switcher = soup.find("nav", class_="language-switcher")
    assert switcher.find("a", hreflang="en")["href"] == "/en/sok/?q=trygghet&type=news"
    assert switcher.find("a", hreflang="sv")["aria-current"] == "true"
    alternates = {
        link["hreflang"] for link in soup.find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates == {"sv", "en", "x-default"}


@pytest.mark.django_db
def test_news_filter_form_submits_to_the_index(client, news_index):
    soup = BeautifulSoup(client.get(news_index.url).content, "html.parser")
    assert soup.find("form", class_="filters")["action"] == news_index.url


@pytest.mark.django_db
def test_brand_colour_comes_from_a_cached_stylesheet_not_inline_style(client, home):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.brand_colour = "#7a1f5c"
    site_settings.save()
    soup = BeautifulSoup(client.get(home.url).content, "html.parser")
    assert soup.find("style") is None
    href = soup.find("link", href=re.compile(r"^/brand/"))["href"]
    assert href == "/brand/7a1f5c.css"
    response = client.get(href)
    assert response.status_code == 200
    assert "--brand: #7a1f5c;" in response.content.decode()
    assert "immutable" in response["Cache-Control"]
    assert contrast_with_white("#7a1f5c") >= 4.5
    # A colour the settings would refuse (unreadable on white), or no colour at all: 404.
    assert client.get("/brand/ffff00.css").status_code == 404
    assert client.get("/brand/zzz.css").status_code == 404


@pytest.mark.django_db
def test_default_brand_colour_needs_no_extra_stylesheet(client, home):
    soup = BeautifulSoup(client.get(home.url).content, "html.parser")
    assert soup.find("link", href=re.compile(r"^/brand/")) is None


@pytest.mark.django_db
def test_home_page_shows_the_current_agreement_at_a_glance(client, home):
    agreement = PromisePageFactory(parent=home, title="Medborgarlöften 2022")
    for status in (PromiseStatus.FULFILLED, PromiseStatus.FULFILLED, PromiseStatus.POSTPONED):
        PromiseFactory(agreement=agreement, status=status)
    soup = BeautifulSoup(client.get(home.url).content, "html.parser")
    glance = soup.find("section", class_="glance")
    assert glance.h2.a["href"] == agreement.url
    assert glance.find(class_="glance__headline").string == "2 av 3 uppfyllda"
    legend = [li.get_text(" ", strip=True) for li in glance.select(".glance__legend li")]
    assert legend == ["Uppfyllt 2 av 3 (67 %)", "Framflyttat 1 av 3 (33 %)"]
    assert glance.find("svg")["aria-hidden"] == "true"


@pytest.mark.django_db
def test_agreement_page_links_its_open_data_feed_and_embed(client, world):
    soup = BeautifulSoup(client.get(world.agreement.url).content, "html.parser")
    section = soup.find("section", class_="open-data")
    assert section.h2.string == "Öppna data"
    hrefs = [a["href"] for a in section.find_all("a")]
    pk = world.agreement.pk
    for href in (
        f"/open-data/agreements/{pk}/promises.csv",
        f"/open-data/agreements/{pk}/promises.json",
        f"/feeds/agreements/{pk}/follow-ups/rss/",
    ):
        assert href in hrefs
        assert client.get(href).status_code == 200, href
    code = section.find("textarea")
    assert soup.find("label", attrs={"for": code["id"]}) is not None
    assert f'src="http://testserver/embed/agreements/{pk}/"' in code.string
    assert section.find("iframe")["src"] == f"/embed/agreements/{pk}/"
    assert section.find("iframe")["title"]
