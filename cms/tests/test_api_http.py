"""Conditional requests, caching and CORS on everything partners read.

CORS is django-cors-headers, ETags and 304s Django's ConditionalGetMiddleware, the rest
core/http.py (settings in cms/settings/base.py).
"""

import re
import time

import pytest
from django.conf import settings
from django.utils.http import http_date

from promises.factories import PromiseFollowUpFactory

pytestmark = pytest.mark.django_db


def partner_urls(world) -> list[str]:
    return [
        "/api/v3/promises/",
        f"/api/v3/promises/{world.walks.pk}/",
        "/api/v3/agreements/",
        f"/api/v3/pages/{world.story.pk}/",
        "/api/v3/pages/",
        "/api/v3/contacts/",
        "/feeds/sv/news/rss/",
        "/feeds/sv/news/atom/",
        "/feeds/sv/follow-ups/atom/",
        f"/open-data/agreements/{world.agreement.pk}/promises.csv",
        f"/open-data/agreements/{world.agreement.pk}/promises.json",
        f"/embed/agreements/{world.agreement.pk}/",
        f"/embed/promises/{world.walks.pk}/",
    ]


def test_reads_carry_validators_cache_control_and_cors(client, world):
    for url in partner_urls(world):
        response = client.get(url, HTTP_ORIGIN="https://polisen.example")
        assert response.status_code == 200, url
        assert response["ETag"].startswith('"'), url
        assert response["Last-Modified"], url
        assert "public" in response["Cache-Control"], url
        assert "max-age=300" in response["Cache-Control"], url
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert "Access-Control-Allow-Credentials" not in response, url


def test_matching_if_none_match_gets_304(client, world):
    for url in partner_urls(world):
        etag = client.get(url)["ETag"]
        response = client.get(url, HTTP_IF_NONE_MATCH=etag, HTTP_ORIGIN="https://polisen.example")
        assert response.status_code == 304, url
        assert response.content == b""
        assert response["ETag"] == etag
        assert response["Last-Modified"], url
        assert "max-age=300" in response["Cache-Control"], url
        assert response["Access-Control-Allow-Origin"] == "*"
        assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_if_modified_since_gets_304_until_the_content_changes(client, world):
    url = f"/api/v3/promises/{world.walks.pk}/"
    first = client.get(url)
    last_modified = first["Last-Modified"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200

    # A new follow-up changes the representation in the same second: still no stale 304.
    PromiseFollowUpFactory(promise=world.walks, note="Ny uppföljning.")
    changed = client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert changed.status_code == 200
    assert "Ny uppföljning." in [f["note"] for f in changed.json()["follow_ups"]]
    assert changed["ETag"] != first["ETag"]
    assert changed["Last-Modified"] != last_modified
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=changed["Last-Modified"]).status_code == 304


def test_last_modified_stays_put_while_nothing_changes(client, world):
    url = "/feeds/sv/follow-ups/rss/"
    first = client.get(url)["Last-Modified"]
    time.sleep(1.1)
    assert client.get(url)["Last-Modified"] == first


SAFELISTED_METHODS = {"GET", "HEAD", "POST"}
SAFELISTED_HEADERS = {"accept", "accept-language", "content-language"}


def preflight(client, method: str, headers: list[str]):
    return client.options(
        "/api/v3/promises/",
        HTTP_ORIGIN="https://polisen.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD=method,
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS=", ".join(headers),
    )


def browser_sends(response, method: str, headers: list[str]) -> bool:
    """Would a browser send this cross-origin request after this preflight (Fetch standard)?

    A CORS-safelisted method (GET, HEAD, POST) needs no Access-Control-Allow-Methods; every
    other request header must be listed in Access-Control-Allow-Headers.
    """
    if not 200 <= response.status_code < 300:
        return False
    if response.get("Access-Control-Allow-Origin") not in ("*", "https://polisen.example"):
        return False
    methods = {m.strip() for m in response.get("Access-Control-Allow-Methods", "").split(",")}
    if method not in SAFELISTED_METHODS and method not in methods:
        return False
    allowed = {
        h.strip().lower() for h in response.get("Access-Control-Allow-Headers", "").split(",")
    }
    return all(h in SAFELISTED_HEADERS or h in allowed for h in headers)


def test_preflight_allows_reads_only(client, world):
    response = preflight(client, "GET", ["if-none-match"])
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert set(response["Access-Control-Allow-Headers"].split(", ")) == {
        "Accept",
        "Accept-Language",
        "If-None-Match",
        "If-Modified-Since",
    }
    assert response["Access-Control-Max-Age"] == "86400"
    assert "Access-Control-Allow-Credentials" not in response
    assert browser_sends(response, "GET", ["if-none-match", "if-modified-since"])


def test_a_browser_cannot_write_cross_origin(client, world):
    """Writes need a token (Authorization) and JSON (Content-Type), which no preflight allows.

    django-cors-headers puts Access-Control-Allow-Origin on every answer under the partner
    paths, the 401 of a refused write included. That answer only ever reaches a write a
    browser sends without a preflight: one without a token, so refused. A write with a token
    is preflighted, and the preflight fails: POST passes the method check (a browser allows
    it without Access-Control-Allow-Methods) but not the header check; PUT, PATCH and DELETE
    fail both.
    """
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        for headers in (["authorization"], ["content-type"], ["authorization", "content-type"]):
            response = preflight(client, method, headers)
            assert not browser_sends(response, method, headers), (method, headers)
    # The model above is not vacuous: a read with validators passes it.
    assert browser_sends(preflight(client, "GET", ["if-none-match"]), "GET", ["if-none-match"])

    response = client.post(
        "/api/v3/pages/",
        data={},
        content_type="application/json",
        HTTP_ORIGIN="https://evil.example",
        HTTP_AUTHORIZATION="Bearer not-a-real-token",
    )
    assert response.status_code in (401, 403, 405)
    assert "Access-Control-Allow-Credentials" not in response
    assert "POST" not in response.get("Access-Control-Allow-Methods", "")


def test_cors_covers_exactly_the_public_read_paths(client, world):
    pattern = settings.CORS_URLS_REGEX
    for prefix in settings.PUBLIC_READ_PATH_PREFIXES:
        assert re.match(pattern, prefix), prefix
    for path in (
        "/sv/",
        "/sitemap.xml",
        "/admin/",
        "/api/v2/",
        "/sv/api/v3/",
        "/feeds",
        "/embeds/",
    ):
        assert not re.match(pattern, path), path
    for url in partner_urls(world):
        assert (
            client.get(url, HTTP_ORIGIN="https://a.example")["Access-Control-Allow-Origin"] == "*"
        )


def test_a_plain_options_request_is_no_server_error(client, world):
    for url in partner_urls(world):
        assert client.options(url).status_code < 500, url


def test_head_is_get_without_a_body(client, world):
    for url in partner_urls(world):
        get = client.get(url)
        head = client.head(url)
        assert head.status_code == 200, url
        assert head.content == b""
        assert head["ETag"] == get["ETag"], url
        assert head["Last-Modified"] == get["Last-Modified"], url
        assert head["Content-Length"] == str(len(get.content)), url


def test_a_token_makes_the_answer_private(client, world):
    response = client.get("/api/v3/pages/", HTTP_AUTHORIZATION="Bearer not-a-real-token")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_errors_are_not_cached_but_readable_cross_origin(client, world):
    for url in ("/api/v3/promises/?limit=-1", "/api/v3/promises/?search=a%00b"):
        response = client.get(url, HTTP_ORIGIN="https://polisen.example")
        assert response.status_code == 400, url
        assert response["Content-Type"] == "application/problem+json", url
        assert "no-cache" in response["Cache-Control"], url
        assert response["Access-Control-Allow-Origin"] == "*", url


def test_site_pages_get_no_cors_headers(client, world):
    response = client.get("/sv/medborgarloften-2021/", HTTP_ORIGIN="https://polisen.example")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    assert response["X-Frame-Options"] == "DENY"


def test_api_404_is_not_redirected_to_a_language_prefix(client, world):
    response = client.get("/api/v3/promises/99999999/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_answers_do_not_depend_on_accept_language(client, world):
    for url in ["/api/v3/openapi.json", "/api/v3/promises/", "/feeds/sv/news/atom/"]:
        swedish = client.get(url)
        english = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert swedish.content == english.content, url
        assert "Accept-Language" not in english.get("Vary", "")
