"""With a CDN configured (wagtail.contrib.frontend_cache), a content change purges what shows it.

The CDN here is a real HTTP server on loopback that records the PURGE requests Wagtail's
HTTPBackend sends it, as Varnish or a similar cache would receive them.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from news.factories import ArticlePromiseFactory, NewsArticlePageFactory, NewsIndexPageFactory
from pagecache.generation import clear_page_cache
from promises.factories import PromiseFactory, PromisePageFactory
from promises.models import PromiseStatus

pytestmark = pytest.mark.django_db


class Purged(list):
    """The PURGE requests received: a path, or `xkey:<tags>` for a purge by tag."""

    location = ""


@pytest.fixture
def cdn(settings):
    purged = Purged()

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            keys = self.headers.get("xkey-purge")
            purged.append(f"xkey:{keys}" if keys else self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    purged.location = f"http://127.0.0.1:{server.server_address[1]}/"
    yield purged
    server.shutdown()
    server.server_close()


def test_promise_change_purges_its_pages_and_the_stories_about_it(
    home, cdn, django_capture_on_commit_callbacks
):
    agreement = PromisePageFactory(parent=home, slug="loften-2021")
    promise = PromiseFactory(agreement=agreement, slug="vandringar", status=PromiseStatus.PLANNED)
    index = NewsIndexPageFactory(parent=home)
    story = NewsArticlePageFactory(parent=index, slug="vandring")
    ArticlePromiseFactory(page=story, promise=promise)
    unrelated = NewsArticlePageFactory(parent=index, slug="annat")

    with django_capture_on_commit_callbacks(execute=True):
        promise.status = PromiseStatus.FULFILLED
        promise.save_revision().publish()

    purged = set(cdn)
    assert "/sv/loften-2021/" in purged
    assert "/sv/loften-2021/vandringar/" in purged
    assert "/sv/nyheter/vandring/" in purged  # the story that follows the promise up
    assert "/sv/nyheter/" in purged and "/sv/" in purged  # listings
    assert unrelated.url not in purged


def test_no_cdn_configured_means_no_purge(home, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    agreement = PromisePageFactory(parent=home)
    promise = PromiseFactory(agreement=agreement)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        promise.title = "Nytt namn"
        promise.save()
    # Only the tag versions written for other servers; no purge callback.
    assert callbacks and all(c.__name__ == "write_tag_versions" for c in callbacks)


def test_publishing_a_story_purges_its_tags_from_varnish(
    home, cdn, settings, client, django_capture_on_commit_callbacks
):
    """With Varnish's xkey (PAGE_CACHE_XKEY_PURGE), a publish purges the tags it bumped, and the
    responses name their tags for Varnish (PAGE_CACHE_SURROGATE_KEYS)."""
    settings.WAGTAILFRONTENDCACHE = {}
    settings.PAGE_CACHE_XKEY_PURGE = [cdn.location]
    settings.PAGE_CACHE_SURROGATE_KEYS = True
    settings.PAGE_CACHE_ENABLED = True
    index = NewsIndexPageFactory(parent=home)
    story = NewsArticlePageFactory(parent=index, slug="vandring")
    clear_page_cache()
    assert f"page:{story.pk}" in client.get(story.url)["xkey"].split()
    assert "list" in client.get(index.url)["xkey"].split()

    with django_capture_on_commit_callbacks(execute=True):
        story.title = "Ny rubrik"
        story.save_revision().publish()

    purges = [set(p.removeprefix("xkey:").split()) for p in cdn if p.startswith("xkey:")]
    assert purges and all(f"page:{story.pk}" in keys and "list" in keys for keys in purges)
    assert all("all" not in keys for keys in purges)
    assert not [p for p in cdn if not p.startswith("xkey:")]  # no URL purges configured
