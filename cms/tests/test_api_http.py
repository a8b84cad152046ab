"""Conditional requests, caching and CORS on everything partners read (core/http.py)."""

import time

import pytest
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
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304, url
        assert response.content == b""
        assert response["ETag"] == etag
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


def test_preflight_allows_reads_only(client, world):
    response = client.options(
        "/api/v3/promises/",
        HTTP_ORIGIN="https://polisen.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]
    assert "Authorization" not in response["Access-Control-Allow-Headers"]


def test_writes_get_no_cors_headers(client, world):
    response = client.post(
        "/api/v3/pages/",
        data={},
        content_type="application/json",
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code in (401, 403)
    assert "Access-Control-Allow-Origin" not in response


def test_head_is_get_without_a_body(client, world):
    url = f"/api/v3/promises/{world.walks.pk}/"
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Length"] == str(len(get.content))


def test_a_token_makes_the_answer_private(client, world):
    response = client.get("/api/v3/pages/", HTTP_AUTHORIZATION="Bearer not-a-real-token")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_errors_are_not_cached_but_readable_cross_origin(client, world):
    response = client.get("/api/v3/promises/?limit=-1")
    assert response.status_code == 400
    assert "no-cache" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_site_pages_are_untouched(client, world):
    response = client.get("/sv/medborgarloften-2021/")
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
