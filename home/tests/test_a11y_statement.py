"""The accessibility statement (tillgänglighetsredogörelse): structured, complete, linked everywhere."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import AccessibilityStatementPage, HomePage, validate_brand_colour


def statement(parent, **fields) -> AccessibilityStatementPage:
    page = AccessibilityStatementPage(
        title="Tillgänglighetsredogörelse",
        slug="tillganglighet",
        organisation_name="Hässleholms kommun",
        site_name="hassleholm.se",
        compliance="partial",
        known_gaps=[
            (
                "gap",
                {
                    "title": "Inskannade PDF-filer",
                    "description": "Kan inte läsas med skärmläsare.",
                    "reason": "disproportionate",
                    "wcag": "1.1.1",
                    "fix_by": "",
                },
            )
        ],
        assessment_date=datetime.date(2026, 11, 1),
        assessment_method="self",
        statement_updated=datetime.date(2026, 11, 27),
        feedback_email="kommunen@example.se",
        **fields,
    )
    parent.add_child(instance=page)
    return page


@pytest.mark.django_db
def test_statement_shows_every_part_the_law_asks_for(client, home):
    page = statement(home)
    text = BeautifulSoup(client.get(page.url).content, "html.parser").main.get_text(" ")
    for expected in (
        "Hässleholms kommun",
        "hassleholm.se",
        "delvis förenlig",
        "Inskannade PDF-filer",
        "Oskälig belastning",
        "1 november 2026",
        "Egen granskning",
        "kommunen@example.se",
        "Myndigheten för digital förvaltning (Digg)",
    ):
        assert expected in text, expected
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.find("a", href="https://www.digg.se/tdosanmalan")


@pytest.mark.django_db
def test_every_page_links_the_statement_in_its_language(client, home, home_en, locales):
    sv = statement(home)
    en = statement(home_en, locale=locales[1], translation_key=sv.translation_key)
    for url, target in (
        ("/sv/", sv.url),
        ("/en/", en.url),
        ("/sv/sok/", sv.url),
        ("/en/x/", en.url),
    ):
        footer = BeautifulSoup(client.get(url).content, "html.parser").find("footer")
        assert footer.find("a", href=target), url


@pytest.mark.django_db
def test_editor_can_create_the_statement(admin_client, home):
    data = nested_form_data(
        {
            "title": "Tillgänglighetsredogörelse",
            "slug": "tillganglighet",
            "organisation_name": "Hässleholms kommun",
            "site_name": "hassleholm.se",
            "compliance": "full",
            "known_gaps": streamfield([]),
            "assessment_date": "2026-11-01",
            "assessment_method": "third_party",
            "statement_updated": "2026-11-27",
            "feedback_email": "kommunen@example.se",
            "supervisory_authority": "Digg",
            "complaint_url": "https://www.digg.se/tdosanmalan",
            "action-publish": "publish",
        }
    )
    response = admin_client.post(
        f"/admin/pages/add/home/accessibilitystatementpage/{home.pk}/", data
    )
    assert response.status_code == 302, response.content[:2000]
    assert AccessibilityStatementPage.objects.live().filter(site_name="hassleholm.se").exists()


@pytest.mark.django_db
def test_demo_content_has_the_statement_in_both_languages_and_runs_twice(client):
    call_command("load_demo")
    call_command("load_demo")
    pages = AccessibilityStatementPage.objects.live()
    assert sorted(p.locale.language_code for p in pages) == ["en", "sv"]
    for page in pages:
        assert client.get(page.url).status_code == 200
    assert HomePage.objects.live().count() == 2


@pytest.mark.parametrize("colour", ["#ffff00", "#77aaff", "red", "#12345", "#00529b;}"])
def test_brand_colour_must_be_readable_on_white(colour):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_brand_colour(colour)


def test_default_brand_colour_passes():
    validate_brand_colour("#00529b")
