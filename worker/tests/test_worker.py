"""Scheduled work happens by itself: the real `run_worker` process publishes a story and expires a
promise on time, runs the queued tasks, and the cached pages show it."""

import datetime
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
import requests
from django.conf import settings as django_settings
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from news.factories import NewsArticlePageFactory, NewsIndexPageFactory
from pagecache.generation import clear_page_cache
from pagecache.middleware import HIT_HEADER
from promises.factories import PromiseFactory, PromisePageFactory

DEADLINE_SECONDS = 90


def database_url() -> str:
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def wait_for(condition: Callable[[], bool], worker: subprocess.Popen, what: str) -> None:
    """Poll until `condition()` holds; fail with the worker's output at the deadline."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not condition():
        if worker.poll() is not None or time.monotonic() > deadline:
            worker.terminate()
            output = worker.communicate(timeout=10)[0]
            pytest.fail(f"{what} did not happen; worker said:\n{output}")
        time.sleep(0.2)


@contextmanager
def running_worker() -> Iterator[subprocess.Popen]:
    """`manage.py run_worker` against the test database, with the database task queue."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url(),
        "TASKS_BACKEND": "database",
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--interval", "1"],
        cwd=django_settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_scheduled_story_goes_live_and_promise_expires_by_themselves(live_server, settings, home):
    settings.PAGE_CACHE_ENABLED = True
    clear_page_cache()
    soon = timezone.now() + datetime.timedelta(seconds=5)
    index = NewsIndexPageFactory(parent=home)
    story = NewsArticlePageFactory(parent=index, title="Schemalagd nyhet", live=False)
    story.go_live_at = soon
    story.save_revision().publish()
    agreement = PromisePageFactory(parent=home, slug="medborgarloften-2021")
    promise = PromiseFactory(agreement=agreement, title="Löfte som upphör", slug="upphor")
    promise.expire_at = soon
    promise.save()
    story.refresh_from_db()
    assert not story.live

    def get(path: str) -> requests.Response:
        return requests.get(live_server.url + path, timeout=10)

    # The index is cached without the story, the promise's permalink is live. (The first view
    # of the site makes its settings row, a content change.)
    get(index.url)
    assert "Schemalagd nyhet" not in get(index.url).text
    assert get(index.url).headers.get(HIT_HEADER) == "hit"
    assert get(promise.get_url()).status_code == 200

    with running_worker() as worker:
        wait_for(lambda: "Schemalagd nyhet" in get(index.url).text, worker, "the go-live")
        assert get(story.url).status_code == 200
        wait_for(lambda: get(promise.get_url()).status_code == 404, worker, "the expiry")
        # The queued tasks (search index and others) ran in the same process.
        wait_for(
            lambda: (
                DBTaskResult.objects.exists()
                and not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
            ),
            worker,
            "the task queue",
        )
        # Search finds the story now that it is live (its link; the title is highlighted).
        wait_for(lambda: story.url in get("/sv/sok/?q=Schemalagd").text, worker, "the search")
