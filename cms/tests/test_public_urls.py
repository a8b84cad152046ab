"""Absolute URLs everywhere follow one rule (core/public_url.py): the address the request came to
under `make run` and in tests, and PUBLIC_BASE_URL, required, in production."""

import csv
import io
import os
import subprocess
import sys

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.core.management import call_command
from wagtail.models import Page, Site

pytestmark = pytest.mark.django_db

MAKE_RUN_HOST = "127.0.0.1:8123"


def urls_on_page(client, url: str, **headers) -> list[str]:
    soup = BeautifulSoup(client.get(url, **headers).content, "html.parser")
    found = [link["href"] for link in soup.find_all("link", rel=["canonical", "alternate"])]
    found += [meta["content"] for meta in soup.find_all("meta", property=["og:url", "og:image"])]
    return [url for url in found if url.startswith("http")]


def every_absolute_url(client, world, **headers) -> list[str]:
    """Absolute URLs in a story's head, a feed, the CSV export and the API, for one host."""
    found = urls_on_page(client, world.story.url, **headers)
    feed = feedparser.parse(client.get("/feeds/sv/news/rss/", **headers).content)
    found += [feed.feed.link] + [entry.link for entry in feed.entries]
    export = client.get(f"/open-data/agreements/{world.agreement.pk}/promises.csv", **headers)
    found += [row["url"] for row in csv.DictReader(io.StringIO(export.content.decode()))]
    promises = client.get("/api/v3/promises/", **headers).json()["items"]
    found += [p["meta"][key] for p in promises for key in ("html_url", "detail_url")]
    detail = client.get(f"/api/v3/promises/{world.walks.pk}/", **headers).json()
    found += [story["html_url"] for story in detail["stories"]]
    story = client.get(f"/api/v3/pages/{world.story.pk}/", **headers).json()
    found += [story["meta"]["html_url"], story["meta"]["detail_url"]]
    found += [p["html_url"] for p in story["followed_promises"]]
    return found


def test_without_a_configured_address_urls_name_the_address_that_serves_the_site(client, world):
    assert django_settings.PUBLIC_BASE_URL == ""  # as under `make run`
    urls = every_absolute_url(client, world, HTTP_HOST=MAKE_RUN_HOST)
    assert len(urls) > 10
    assert all(url.startswith(f"http://{MAKE_RUN_HOST}/") for url in urls), urls


def test_production_uses_the_configured_public_base_url_whatever_the_host(client, world, settings):
    settings.PUBLIC_BASE_URL = "https://www.hassleholm.se"
    urls = every_absolute_url(client, world, HTTP_HOST="127.0.0.1:8000")  # behind a proxy
    assert all(url.startswith("https://www.hassleholm.se/") for url in urls), urls


def test_migrate_keeps_the_wagtail_site_on_the_public_base_url(settings, home):
    settings.PUBLIC_BASE_URL = "https://www.hassleholm.se"
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("www.hassleholm.se", 443)
    # Wagtail's own URLs of a plain Page (the API's page list, CDN purges) now agree.
    assert Page.objects.get(pk=home.pk).get_full_url() == "https://www.hassleholm.se/sv/"


def production_settings(**env) -> subprocess.CompletedProcess:
    base = {
        "SECRET_KEY": "x",
        "ALLOWED_HOSTS": "www.hassleholm.se",
        "WAGTAILADMIN_BASE_URL": "https://www.hassleholm.se",
        "PUBLIC_BASE_URL": "https://www.hassleholm.se/",
    }
    script = (
        "import cms.settings.production as s;"
        "print(s.PUBLIC_BASE_URL, s.STORAGES['staticfiles']['BACKEND'], s.MIDDLEWARE[2])"
    )
    environment = {k: v for k, v in os.environ.items() if k not in base} | base | env
    environment = {k: v for k, v in environment.items() if v is not None}
    return subprocess.run(  # noqa: S603 (our own settings module, in a fresh interpreter)
        [sys.executable, "-c", script],
        cwd=django_settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_require_the_public_base_url_and_compress():
    result = production_settings()
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "https://www.hassleholm.se",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "django.middleware.gzip.GZipMiddleware",
    ]
    missing = production_settings(PUBLIC_BASE_URL=None)
    assert missing.returncode != 0
    assert "PUBLIC_BASE_URL must be set" in missing.stderr
    wrong = production_settings(PUBLIC_BASE_URL="www.hassleholm.se")
    assert wrong.returncode != 0
    assert "must start with https://" in wrong.stderr
