"""Every URL that answers GET answers HEAD the same way without a body; TRACE and every other
method a URL does not take get a 405 with Allow (core.http.MethodMiddleware)."""

import pytest
from wagtail_factories import DocumentFactory

pytestmark = pytest.mark.django_db

# What may differ between two answers to the same request.
UNSTABLE_HEADERS = {"date", "x-page-cache"}
UNSUPPORTED = ["TRACE", "CONNECT", "PROPFIND", "MKCOL", "LOCK", "PURGE", "FOO"]


@pytest.fixture
def public_urls(world, settings):
    """One URL of every public kind."""
    settings.WHITENOISE_USE_FINDERS = True  # static files as a server with collectstatic has them
    settings.WHITENOISE_AUTOREFRESH = True
    document = DocumentFactory(title="Protokoll")
    return {
        "home page": "/sv/",
        "agreement page": world.agreement.url,
        "promise permalink": world.walks.get_url(),
        "news index": world.index.url,
        "story": world.story.url,
        "search": "/sv/sok/?q=trygghet",
        "robots.txt": "/robots.txt",
        "sitemap": "/sitemap.xml",
        "news feed": "/feeds/sv/news/rss/",
        "follow-up feed": "/feeds/sv/follow-ups/atom/",
        "API list": "/api/v3/promises/",
        "API detail": f"/api/v3/pages/{world.story.pk}/",
        "open data": f"/open-data/agreements/{world.agreement.pk}/promises.csv",
        "embed": f"/embed/promises/{world.walks.pk}/",
        "document": document.url,
        "static file": "/static/css/site.css",
    }


def stable_headers(response) -> dict[str, str]:
    return {k.lower(): v for k, v in response.items() if k.lower() not in UNSTABLE_HEADERS}


def test_head_answers_like_get_without_a_body(client, public_urls):
    for kind, url in public_urls.items():
        get = client.get(url)
        assert get.status_code == 200, kind
        head = client.head(url)
        assert head.status_code == 200, kind
        assert b"".join(head.streaming_content if head.streaming else [head.content]) == b""
        assert stable_headers(head) == stable_headers(get), kind


def test_unsupported_methods_get_405_with_allow_everywhere(client, public_urls):
    for kind, url in public_urls.items():
        for method in UNSUPPORTED:
            response = client.generic(method, url)
            assert response.status_code == 405, (kind, method)
            allowed = {m.strip() for m in response["Allow"].split(",")}
            assert {"GET", "HEAD"} <= allowed, (kind, method)
            assert method not in allowed


def test_writes_are_refused_where_nothing_takes_them(client, public_urls):
    for kind, url in public_urls.items():
        if url.startswith("/api/"):
            continue  # the API takes writes with a token (cms/tests/test_api_http.py)
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            response = client.generic(method, url)
            assert response.status_code == 405, (kind, method)
            assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_a_plain_options_request_gets_allow_and_no_body(client, public_urls):
    for kind, url in public_urls.items():
        if url.startswith("/api/"):
            continue
        response = client.options(url)
        assert response.status_code == 200, kind
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert response.content == b""


def test_the_admin_and_wagtails_forms_still_take_posts(client, home):
    for url in ("/admin/login/", "/sv/_util/login/"):
        assert client.post(url, {"username": "x", "password": "y"}).status_code == 200, url
    assert client.generic("TRACE", "/admin/login/").status_code == 405
