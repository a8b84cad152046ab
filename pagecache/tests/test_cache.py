"""The anonymous page cache is never wrong: every content change shows at once, editors bypass it."""

from collections.abc import Callable
from io import StringIO

import pytest
from django.http import HttpResponse
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from contacts.factories import ContactPersonFactory, OrganisationFactory
from home.factories import StandardPageFactory
from home.models import SiteSettings
from news.factories import (
    ArticlePromiseFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    TopicFactory,
)
from pagecache.generation import clear_page_cache
from pagecache.middleware import HIT_HEADER, response_is_cacheable
from promises.factories import PromiseFactory, PromiseFollowUpFactory, PromisePageFactory
from promises.models import PromiseFollowUp, PromiseStatus

MODE = {"page": True}


@pytest.fixture
def page_cache(settings, db):
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    MODE["page"] = True
    clear_page_cache()
    yield
    clear_page_cache()


@pytest.fixture(params=["whole pages", "fragments and routes only"])
def any_cache(request, settings, db):
    """Each test runs twice: with the page cache, and with only the shared fragments and routes
    (what a logged-in or uncached request still gets from the cache)."""
    whole_pages = request.param == "whole pages"
    settings.PAGE_CACHE_ENABLED = whole_pages
    settings.FRAGMENT_CACHE_ENABLED = True
    MODE["page"] = whole_pages
    clear_page_cache()
    yield request.param
    clear_page_cache()


@pytest.fixture
def site(home):
    """A small site where one promise shows on its agreement page, its permalink and a story."""
    org = OrganisationFactory(name="Kommunen Ett", locale=home.locale)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation = org
    settings.save()
    agreement = PromisePageFactory(parent=home, slug="loften-2021", title="Medborgarlöften 2021")
    promise = PromiseFactory(
        agreement=agreement,
        slug="trygghetsvandringar",
        title="Trygghetsvandringar i centrum",
        status=PromiseStatus.PLANNED,
    )
    PromiseFollowUpFactory(
        promise=promise, status=PromiseStatus.PLANNED, note="Första vandringen är bokad."
    )
    index = NewsIndexPageFactory(parent=home)
    person = ContactPersonFactory(name="Kim Kontaktsson", organisation=org, locale=home.locale)
    topic = TopicFactory(name="Trygghetsfrågor", slug="trygghet", locale=home.locale)
    article = NewsArticlePageFactory(
        parent=index,
        title="Vandring i centrum",
        slug="vandring",
        contacts=[("contact", {"person": person, "organisation": None})],
    )
    article.topics = [topic]
    article.save()
    ArticlePromiseFactory(page=article, promise=promise)
    return {
        "home": home,
        "org": org,
        "settings": settings,
        "agreement": agreement,
        "promise": promise,
        "index": index,
        "person": person,
        "topic": topic,
        "article": article,
        "urls": {
            "home": "/sv/",
            "agreement": agreement.url,
            "permalink": f"{agreement.url}trygghetsvandringar/",
            "index": index.url,
            "article": article.url,
        },
    }


def warm(client, url: str) -> str:
    """Fill the cache for `url` and prove the next anonymous request is served from it."""
    first = client.get(url)
    assert first.status_code == 200, url
    second = client.get(url)
    if MODE["page"]:
        assert second.get(HIT_HEADER) == "hit", url
    return second.content.decode()


@pytest.mark.usefixtures("page_cache")
def test_anonymous_get_is_served_from_the_cache(client, site):
    url = site["urls"]["article"]
    first = client.get(url)
    assert first[HIT_HEADER] == "miss"
    second = client.get(url)
    assert second[HIT_HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["X-Frame-Options"] == first["X-Frame-Options"]


@pytest.mark.usefixtures("any_cache")
def test_promise_status_change_shows_everywhere_at_once(client, site):
    urls = [site["urls"][name] for name in ("agreement", "permalink", "article")]
    for url in urls:
        page = warm(client, url)
        assert "planerat" in page and "inställt" not in page

    promise = site["promise"]
    promise.status = PromiseStatus.CANCELLED
    promise.save_revision().publish()

    for url in urls:
        response = client.get(url)
        if MODE["page"]:
            assert response.get(HIT_HEADER) == "miss", url
        assert "inställt" in response.content.decode(), url


@pytest.mark.usefixtures("any_cache")
def test_promise_published_from_the_admin_shows_at_once(client, admin_client, site):
    """The editor's real path: the snippet edit form, "Publicera"."""
    url = site["urls"]["agreement"]
    assert "inställt" not in warm(client, url)
    promise = site["promise"]
    follow_up = promise.follow_ups.get()
    data = nested_form_data(
        {
            "agreement": site["agreement"].pk,
            "title": promise.title,
            "slug": promise.slug,
            "focus_area": promise.focus_area,
            "sort_order": 0,
            "party": promise.party,
            "partners": "",
            "description": rich_text("<p>Beskrivning.</p>"),
            "target": "2 vandringar",
            "status": PromiseStatus.CANCELLED,
            "status_reason": "Vandringen ställdes in på grund av storm.",
            "outcome": "",
            "continues": "",
            "follow_ups": inline_formset(
                [
                    {
                        "id": follow_up.pk,
                        "date": "2021-12-15",
                        "status": PromiseStatus.CANCELLED,
                        "note": "Inställd på grund av storm.",
                        "evidence-count": 0,
                    }
                ],
                initial=1,
            ),
            "action-publish": "action-publish",
        }
    )
    response = admin_client.post(f"/admin/snippets/promises/promise/edit/{promise.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]

    page = client.get(url).content.decode()
    assert "Vandringen ställdes in på grund av storm." in page
    assert "Inställd på grund av storm." in page


def change_follow_up(site: dict) -> None:
    PromiseFollowUp.objects.create(
        promise=site["promise"],
        locale=site["promise"].locale,
        date="2021-11-01",
        status=PromiseStatus.IN_PROGRESS,
        note="Andra vandringen genomförd i Tyringe.",
    )


def change_organisation(site: dict) -> None:
    site["org"].name = "Kommunen Två"
    site["org"].save()


def change_site_settings(site: dict) -> None:
    site["settings"].organisation = OrganisationFactory(
        name="Kommunen Två", locale=site["home"].locale
    )
    site["settings"].save()


def change_contact_person(site: dict) -> None:
    site["person"].name = "Kommunen Två"
    site["person"].save()


def change_topic(site: dict) -> None:
    site["topic"].name = "Kommunen Två"
    site["topic"].save()


def change_page_title(site: dict) -> None:
    article = site["article"]
    article.title = "Kommunen Två"
    article.save_revision().publish()


@pytest.mark.parametrize(
    ("change", "url_names", "expected"),
    [
        (change_follow_up, ["agreement", "permalink"], "Andra vandringen genomförd i Tyringe."),
        (change_organisation, ["home", "agreement", "index", "article"], "Kommunen Två"),
        (change_site_settings, ["home", "agreement", "index", "article"], "Kommunen Två"),
        (change_contact_person, ["article"], "Kommunen Två"),
        (change_topic, ["article", "index"], "Kommunen Två"),
        (change_page_title, ["home", "index", "article", "agreement"], "Kommunen Två"),
    ],
    ids=lambda v: getattr(v, "__name__", None),
)
@pytest.mark.usefixtures("any_cache")
def test_content_change_shows_at_once(
    client, site, change: Callable, url_names: list[str], expected: str
):
    urls = [site["urls"][name] for name in url_names]
    for url in urls:
        assert expected not in warm(client, url), url
    change(site)
    for url in urls:
        assert expected in client.get(url).content.decode(), url


@pytest.mark.usefixtures("any_cache")
def test_inactive_contact_disappears_at_once(client, site):
    url = site["urls"]["article"]
    assert "Kim Kontaktsson" in warm(client, url)
    site["person"].is_active = False
    site["person"].save()
    assert "Kim Kontaktsson" not in client.get(url).content.decode()


@pytest.mark.usefixtures("any_cache")
def test_unpublished_page_is_gone_at_once(client, site):
    urls = site["urls"]
    for name in ("article", "index", "home", "agreement"):
        assert "Vandring i centrum" in warm(client, urls[name])
    site["article"].unpublish()
    assert client.get(urls["article"]).status_code == 404
    for name in ("index", "home", "agreement"):
        assert "Vandring i centrum" not in client.get(urls[name]).content.decode(), name


@pytest.mark.usefixtures("any_cache")
def test_deleted_page_is_gone_at_once(client, site):
    urls = site["urls"]
    for name in ("article", "index"):
        warm(client, urls[name])
    Page.objects.get(pk=site["article"].pk).delete()
    assert client.get(urls["article"]).status_code == 404
    assert "Vandring i centrum" not in client.get(urls["index"]).content.decode()


@pytest.mark.usefixtures("any_cache")
def test_moved_page_leaves_its_old_address_at_once(client, site):
    home = site["home"]
    about = StandardPageFactory(parent=home, slug="om", title="Om oss")
    child = StandardPageFactory(parent=home, slug="kontakt", title="Kontakta oss")
    old_url = child.url
    warm(client, old_url)
    child.move(about, pos="last-child")
    old = client.get(old_url)
    # Wagtail leaves a redirect at the old address; the cached page must not answer there.
    assert old.status_code == 301
    assert old["Location"] == f"{about.url}kontakt/"
    assert client.get(f"{about.url}kontakt/").status_code == 200


@pytest.mark.usefixtures("any_cache")
def test_unpublished_promise_disappears_at_once(client, site):
    urls = site["urls"]
    for name in ("agreement", "article"):
        assert "Trygghetsvandringar i centrum" in warm(client, urls[name])
    site["promise"].unpublish()
    for name in ("agreement", "article"):
        assert "Trygghetsvandringar i centrum" not in client.get(urls[name]).content.decode()
    assert client.get(urls["permalink"]).status_code == 404


@pytest.mark.usefixtures("page_cache")
def test_logged_in_editor_neither_reads_nor_fills_the_cache(client, admin_client, site):
    url = site["urls"]["article"]
    warm(client, url)
    # A change that bypasses every signal: only a request that skips the cache can see it.
    Page.objects.filter(pk=site["article"].pk).update(title="Ändrad utan signal")
    assert "Ändrad utan signal" not in client.get(url).content.decode()  # stale on purpose
    editor = admin_client.get(url)
    assert HIT_HEADER not in editor
    assert "Ändrad utan signal" in editor.content.decode()

    clear_page_cache()
    admin_client.get(url)
    assert client.get(url)[HIT_HEADER] == "miss"  # the editor's visit stored nothing


@pytest.mark.usefixtures("page_cache")
def test_preview_neither_reads_nor_fills_the_cache(client, admin_client, site):
    article = site["article"]
    url = site["urls"]["article"]
    warm(client, url)
    data = nested_form_data(
        {
            "title": "Utkast som inte får läcka",
            "slug": article.slug,
            "lead": article.lead,
            "body-count": 0,
            "contacts-count": 0,
            "promise_links": inline_formset([]),
        }
    )
    preview_url = f"/admin/pages/{article.pk}/edit/preview/"
    assert admin_client.post(preview_url, data).json()["is_valid"]
    preview = admin_client.get(preview_url)
    assert "Utkast som inte får läcka" in preview.content.decode()
    assert HIT_HEADER not in preview
    anonymous = client.get(url)
    assert "Utkast som inte får läcka" not in anonymous.content.decode()


@pytest.mark.usefixtures("page_cache")
def test_saved_draft_does_not_leak_into_the_cache(client, site):
    article = site["article"]
    url = site["urls"]["article"]
    warm(client, url)
    article.title = "Utkast som inte får läcka"
    article.save_revision()  # a draft, not published
    assert "Utkast som inte får läcka" not in client.get(url).content.decode()
    assert "Utkast som inte får läcka" not in client.get(url).content.decode()


@pytest.mark.usefixtures("page_cache")
def test_requests_with_a_session_or_token_bypass_the_cache(client, site):
    url = site["urls"]["article"]
    warm(client, url)
    client.cookies["sessionid"] = "abc"
    assert HIT_HEADER not in client.get(url)
    del client.cookies["sessionid"]
    client.cookies["messages"] = "x"
    assert HIT_HEADER not in client.get(url)
    del client.cookies["messages"]
    assert HIT_HEADER not in client.get(url, HTTP_AUTHORIZATION="Bearer abc")
    assert client.get(url)[HIT_HEADER] == "hit"


@pytest.mark.usefixtures("page_cache")
def test_only_successful_gets_are_stored(client, site):
    missing = "/sv/finns-inte/"
    assert client.get(missing).status_code == 404
    assert HIT_HEADER not in client.get(missing)
    url = site["urls"]["index"]
    response = client.post(url)
    assert HIT_HEADER not in response
    assert client.get(url)[HIT_HEADER] == "miss"
    head = client.head(url)
    assert head[HIT_HEADER] == "hit"
    assert head.content == b""
    assert int(head["Content-Length"]) == len(client.get(url).content)


@pytest.mark.usefixtures("page_cache")
def test_a_cached_page_gets_its_304_and_a_304_is_never_stored(client, site):
    url = site["urls"]["article"]
    etag = client.get(url)["ETag"]
    hit = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert hit.status_code == 304
    assert hit.content == b""
    again = client.get(url)
    assert again.status_code == 200
    assert again[HIT_HEADER] == "hit"
    assert again["ETag"] == etag
    assert "Brödtext." in again.content.decode()
    head = client.head(url)
    assert head["ETag"] == etag
    assert head.content == b""


@pytest.mark.usefixtures("page_cache")
def test_languages_are_cached_apart(client, site, home_en):
    assert client.get("/sv/")[HIT_HEADER] == "miss"
    english = client.get("/en/")
    assert english[HIT_HEADER] == "miss"
    assert '<html lang="en"' in english.content.decode()


def test_responses_that_set_cookies_or_are_private_are_not_stored():
    response = HttpResponse("x")
    assert response_is_cacheable(response)
    response.set_cookie("csrftoken", "abc")
    assert not response_is_cacheable(response)
    private = HttpResponse("x", headers={"Cache-Control": "private"})
    assert not response_is_cacheable(private)
    varies = HttpResponse("x", headers={"Vary": "Cookie, Authorization"})
    assert not response_is_cacheable(varies)
    assert response_is_cacheable(HttpResponse("x", headers={"Vary": "Cookie, Accept-Language"}))


@pytest.mark.usefixtures("any_cache")
def test_view_restriction_applies_at_once_and_keeps_applying(client, site):
    from wagtail.models import PageViewRestriction

    url = site["urls"]["article"]
    assert "Vandring i centrum" in warm(client, url)
    PageViewRestriction.objects.create(
        page=site["article"], restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    for _ in range(3):  # the first request fills the route cache, the others read it
        response = client.get(url)
        assert 'name="password"' in response.content.decode()
        assert "Brödtext." not in response.content.decode()
        assert HIT_HEADER not in response or response[HIT_HEADER] != "hit"
    PageViewRestriction.objects.filter(page=site["article"]).delete()
    assert "Brödtext." in client.get(url).content.decode()


@pytest.fixture
def route_memo_only(settings, db):
    """No whole-page cache: every request is served by Wagtail, with the route memo warm."""
    settings.PAGE_CACHE_ENABLED = False
    settings.FRAGMENT_CACHE_ENABLED = True
    MODE["page"] = False
    clear_page_cache()
    yield
    clear_page_cache()


@pytest.mark.usefixtures("route_memo_only")
@pytest.mark.parametrize("kind", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_wagtail_checks_view_restrictions_while_the_route_is_remembered(client, site, kind):
    """The route memo keeps which page a URL is, never whether the reader may see it."""
    url = site["urls"]["article"]
    warm(client, url)
    # Changes made without signals leave the memo warm; the old title shows that it is used.
    Page.objects.filter(pk=site["article"].pk).update(title="Ändrad utan signal")
    assert "Vandring i centrum" in client.get(url).content.decode()
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=site["index"], restriction_type=kind, password="hemligt")]
    )
    for _ in range(2):
        response = client.get(url)
        assert "Brödtext." not in response.content.decode()
        if kind == PageViewRestriction.PASSWORD:
            assert 'name="password"' in response.content.decode()
        else:
            assert response.status_code == 302
            assert "login" in response["Location"]


@pytest.mark.usefixtures("route_memo_only")
def test_route_memo_leaves_routable_pages_and_unknown_paths_to_wagtail(client, site):
    permalink = site["urls"]["permalink"]
    warm(client, permalink)
    Page.objects.filter(pk=site["agreement"].pk).update(title="Ändrad utan signal")
    assert "Ändrad utan signal" in client.get(permalink).content.decode()
    assert client.get("/sv/finns-inte/").status_code == 404
    assert client.get(f"{site['urls']['article']}finns-inte/").status_code == 404


@pytest.mark.usefixtures("page_cache")
def test_login_restricted_page_is_not_shown_to_anonymous_readers(client, site):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=site["index"], restriction_type=PageViewRestriction.LOGIN
    )
    url = site["urls"]["article"]  # restricted through its parent
    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login/" in response["Location"] or "login" in response["Location"]


@pytest.mark.usefixtures("any_cache")
def test_a_permalink_keeps_its_own_language_links(client, site, home_en, locales):
    """The agreement page serves its permalinks too: its cached language links must not leak."""
    agreement, promise = site["agreement"], site["promise"]
    agreement_en = PromisePageFactory(
        parent=home_en,
        locale=locales[1],
        slug="promises-2021",
        title="Citizen promises 2021",
        translation_key=agreement.translation_key,
    )
    PromiseFactory(
        agreement=agreement_en,
        locale=locales[1],
        slug=promise.slug,
        translation_key=promise.translation_key,
    )
    english_permalink = f"{agreement_en.url}{promise.slug}/"
    assert english_permalink not in warm(client, site["urls"]["agreement"])
    assert english_permalink in client.get(site["urls"]["permalink"]).content.decode()


@pytest.mark.usefixtures("page_cache")
def test_a_new_release_or_clear_page_cache_starts_afresh(client, site, settings):
    from django.core.management import call_command

    url = site["urls"]["article"]
    warm(client, url)
    settings.PAGE_CACHE_RELEASE = "a-new-deploy"
    assert client.get(url)[HIT_HEADER] == "miss"
    assert client.get(url)[HIT_HEADER] == "hit"
    call_command("clear_page_cache", stdout=StringIO())
    assert client.get(url)[HIT_HEADER] == "miss"
