"""sitemap.xml: every live, public page in every language, promise permalinks, no drafts or
private pages, hreflang alternates between translations."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from promises.factories import PromiseFactory, PromisePageFactory

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client) -> ET.Element:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 - our own sitemap


def locations(root: ET.Element) -> set[str]:
    return {loc.text for loc in root.findall("s:url/s:loc", NS)}


@pytest.mark.django_db
def test_sitemap_lists_live_public_pages_in_every_language(client, home, home_en, locales):
    about = StandardPageFactory(parent=home, title="Om oss", slug="om-oss")
    StandardPageFactory(
        parent=home_en,
        locale=locales[1],
        translation_key=about.translation_key,
        title="About us",
        slug="om-oss",
    )
    draft = StandardPageFactory(parent=home, slug="utkast")
    draft.unpublish()
    private = StandardPageFactory(parent=home, slug="privat")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    StandardPageFactory(parent=private, slug="under-privat")
    agreement = PromisePageFactory(parent=home, slug="loften-2021")
    PromiseFactory(agreement=agreement, slug="trygghetsvandringar")
    PromiseFactory(agreement=agreement, slug="utkastlofte", live=False)

    root = sitemap(client)
    found = locations(root)
    base = "http://testserver"  # the address the request came to (core/public_url.py)
    assert {
        f"{base}/sv/",
        f"{base}/en/",
        f"{base}/sv/om-oss/",
        f"{base}/en/om-oss/",
        f"{base}/sv/loften-2021/",
        f"{base}/sv/loften-2021/trygghetsvandringar/",
    } <= found
    for hidden in ("/utkast/", "/privat/", "/under-privat/", "/utkastlofte/"):
        assert not any(hidden in url for url in found), hidden

    entry = next(
        u for u in root.findall("s:url", NS) if u.find("s:loc", NS).text.endswith("/sv/om-oss/")
    )
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", NS)}
    assert alternates == {
        "sv": f"{base}/sv/om-oss/",
        "en": f"{base}/en/om-oss/",
        "x-default": f"{base}/sv/om-oss/",  # the default language's
    }
    untranslated = next(
        u for u in root.findall("s:url", NS) if u.find("s:loc", NS).text.endswith("/loften-2021/")
    )
    assert untranslated.findall("x:link", NS) == []  # hreflang only links translations


def alternates_of(root: ET.Element, location: str) -> dict[str, str]:
    (entry,) = [u for u in root.findall("s:url", NS) if u.find("s:loc", NS).text == location]
    return {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", NS)}


@pytest.mark.django_db
def test_sitemap_links_promise_permalinks_to_their_translations(client, home, home_en, locales):
    agreement = PromisePageFactory(parent=home, slug="loften-2021")
    agreement_en = PromisePageFactory(
        parent=home_en,
        locale=locales[1],
        translation_key=agreement.translation_key,
        slug="promises-2021",
    )
    promise = PromiseFactory(agreement=agreement, slug="trygghetsvandringar")
    PromiseFactory(agreement=agreement_en, translation_key=promise.translation_key)
    PromiseFactory(agreement=agreement, slug="bara-pa-svenska")

    root = sitemap(client)
    base = "http://testserver"
    sv = f"{base}/sv/loften-2021/trygghetsvandringar/"
    en = f"{base}/en/promises-2021/trygghetsvandringar/"  # the slug is a fact: the original's
    expected = {"sv": sv, "en": en, "x-default": sv}
    assert alternates_of(root, sv) == expected
    assert alternates_of(root, en) == expected
    assert alternates_of(root, f"{base}/sv/loften-2021/bara-pa-svenska/") == {}
    assert (
        alternates_of(root, f"{base}/en/promises-2021/")["x-default"] == f"{base}/sv/loften-2021/"
    )


@pytest.mark.django_db
def test_sitemap_query_count_does_not_grow_with_pages(client, home, django_assert_max_num_queries):
    for n in range(15):
        agreement = PromisePageFactory(parent=home, slug=f"loften-{n}")
        PromiseFactory(agreement=agreement)
    with django_assert_max_num_queries(12):
        sitemap(client)


@pytest.mark.django_db
def test_sitemap_pages_bad_input_and_conditional_get(client, home):
    home.save_revision().publish()  # every page has a publication date: a Last-Modified
    assert client.get("/sitemap.xml?p=abc").status_code == 404
    assert client.get("/sitemap.xml?p=99").status_code == 404
    first = client.get("/sitemap.xml")
    assert client.get("/sitemap.xml", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    since = client.get("/sitemap.xml", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
