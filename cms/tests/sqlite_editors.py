"""Editors writing at once on `make run`'s SQLite, run in its own process by test_sqlite_concurrency.py.

    DJANGO_SETTINGS_MODULE=cms.settings.dev DATABASE_URL=sqlite:////tmp/x.sqlite3 \\
        python -m cms.tests.sqlite_editors ROUNDS

One editor publishes a promise with a new follow-up each round while the admin's autosave saves
drafts of the same promise; a second editor publishes another promise and a page. Prints one JSON
line: every answer that was not a success, and every publish whose parts are not all saved.
"""

import json
import sys
import threading
import traceback
import uuid
from collections.abc import Callable

import django


def main(rounds: int) -> dict:
    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from wagtail.models import Site
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    from home.models import StandardPage
    from promises.models import Promise, PromisePage
    from tests.admin_forms import promise_edit_url, promise_form, publish

    run = uuid.uuid4().hex[:8]
    home = Site.objects.get(is_default_site=True).root_page
    agreement = home.add_child(
        instance=PromisePage(
            title=f"Löften {run}",
            slug=f"loften-{run}",
            period_start="2021-01-01",
            period_end="2021-12-31",
            parties="Kommunen och polisen",
        )
    )
    agreement.save_revision().publish()
    promises = {}
    for name in ("anna", "bo"):
        promise = Promise.objects.create(
            agreement=agreement, title=f"Löfte {name}", slug=f"{name}-{run}", focus_area="Trygghet"
        )
        promise.save_revision().publish()
        promises[name] = promise
    page = home.add_child(instance=StandardPage(title=f"Sida {run}", slug=f"sida-{run}"))
    page.save_revision().publish()
    User = get_user_model()
    users = {
        name: User.objects.get_or_create(username=name, defaults={"is_superuser": True})[0]
        for name in ("anna", "bo")
    }
    connection.close()

    failures: list[str] = []
    published: dict[str, list[str]] = {"anna": [], "bo": []}
    start = threading.Barrier(4)

    def editor(name: str, work: Callable[[Client, int], object]) -> Callable[[], None]:
        def act() -> None:
            client = Client()
            client.force_login(users[name])
            start.wait()
            for i in range(rounds):
                try:
                    response = work(client, i)
                    if response.status_code not in (200, 302):
                        failures.append(f"{name} {i}: HTTP {response.status_code}")
                    elif response.status_code == 200 and b'"success": false' in response.content:
                        # Autosave refused as out of date is an answer, not a failure.
                        pass
                except Exception:
                    failures.append(f"{name} {i}: {traceback.format_exc(limit=3)}")
            connection.close()

        return act

    def publish_promise(name: str) -> Callable[[Client, int], object]:
        def work(client: Client, i: int):
            promise = Promise.objects.get(pk=promises[name].pk)
            note = f"{name} {i}"
            data = promise_form(
                promise,
                status_reason=note,
                status="in_progress" if i % 2 else "fulfilled",
                new_follow_ups=[{"date": "2021-12-01", "status": "in_progress", "note": note}],
            )
            response = client.post(promise_edit_url(promise), publish(data))
            if response.status_code == 302:
                published[name].append(note)
            return response

        return work

    def autosave(client: Client, i: int):
        promise = Promise.objects.get(pk=promises["anna"].pk)
        data = promise_form(promise, outcome=f"Utkast {i}")
        return client.post(promise_edit_url(promise), data, HTTP_ACCEPT="application/json")

    def publish_page(client: Client, i: int):
        data = nested_form_data(
            {"title": f"Sida {run} {i}", "slug": f"sida-{run}", "lead": "", "body": streamfield([])}
        )
        data["action-publish"] = "action-publish"
        return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    threads = [
        threading.Thread(target=editor("anna", publish_promise("anna"))),
        threading.Thread(target=editor("anna", autosave)),
        threading.Thread(target=editor("bo", publish_promise("bo"))),
        threading.Thread(target=editor("bo", publish_page)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    half_saved = []
    for name, promise in promises.items():
        promise = Promise.objects.get(pk=promise.pk)
        notes = set(promise.follow_ups.values_list("note", flat=True))
        half_saved += [f"{name}: follow-up {n} lost" for n in published[name] if n not in notes]
        if published[name] and promise.status_reason not in notes:
            half_saved.append(
                f"{name}: live status {promise.status_reason!r} without its follow-up"
            )
    return {"failures": failures, "half_saved": half_saved, "published": published}


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]))))  # noqa: T201 (the test reads it)
