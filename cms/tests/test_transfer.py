"""Fast over the wire: compressed HTML (also from the page cache), compressed static files with
hashed, long-cached names, and feeds whose unchanged state gets a 304."""

import gzip
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from pagecache.generation import clear_page_cache
from pagecache.middleware import HIT_HEADER

pytestmark = pytest.mark.django_db


def test_html_is_gzipped_for_clients_that_accept_it(client, home):
    plain = client.get(home.url)
    assert "Content-Encoding" not in plain
    packed = client.get(home.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content).decode().startswith("<!DOCTYPE html>")
    assert len(packed.content) < len(plain.content) / 2


def test_api_answers_are_gzipped_and_a_head_gets_the_gets_headers(client, home):
    url = "/api/v3/openapi.json"  # large, whatever the content
    get = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert get["Content-Encoding"] == "gzip"
    assert gzip.decompress(get.content).startswith(b"{")
    head = client.head(url, HTTP_ACCEPT_ENCODING="gzip")
    assert head.content == b""
    # Not Content-Length: Django pads each gzip answer by a random length (BREACH).
    for header in ("Content-Encoding", "Vary", "ETag", "Content-Type"):
        assert head[header] == get[header], header


def test_pages_from_the_page_cache_are_gzipped_too(client, settings, home):
    settings.PAGE_CACHE_ENABLED = True
    clear_page_cache()
    client.get(home.url)  # the first request ever also creates the site settings row
    client.get(home.url)
    hit = client.get(home.url, HTTP_ACCEPT_ENCODING="gzip")
    assert hit[HIT_HEADER] == "hit"
    assert hit["Content-Encoding"] == "gzip"
    # The cache keeps the plain body: a client without gzip still gets a readable page.
    assert client.get(home.url)[HIT_HEADER] == "hit"
    assert client.get(home.url).content.startswith(b"<!DOCTYPE html>")
    clear_page_cache()


def test_static_files_are_hashed_compressed_and_cached_for_a_year(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    (hashed,) = list((tmp_path / "css").glob("site.*.css"))
    assert Path(f"{hashed}.br").exists() and Path(f"{hashed}.gz").exists()

    client = Client()  # a new handler: WhiteNoise reads the collected files at start
    url = f"/static/css/{hashed.name}"
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "br"
    assert "max-age=315360000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    assert client.get(url, HTTP_ACCEPT_ENCODING="gzip")["Content-Encoding"] == "gzip"


@pytest.mark.parametrize(
    "url",
    ["/feeds/sv/news/rss/", "/feeds/sv/news/atom/", "/feeds/agreements/{pk}/follow-ups/atom/"],
)
def test_an_empty_feed_keeps_its_etag_and_gets_a_304(client, home, agreement, url):
    url = url.format(pk=agreement.pk)
    first = client.get(url)
    assert first.status_code == 200
    time.sleep(1.1)  # "now" would have moved on by a second
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
