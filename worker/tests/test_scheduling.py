"""Scheduling from the admin: a promise owner and an editor set a go-live time, and
`run_worker` publishes at that time (time passing is the one thing the test moves)."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.factories import StandardPageFactory
from promises.factories import PromiseFactory
from tests.admin_forms import promise_edit_url, promise_form, publish


def in_an_hour() -> str:
    """As the admin's date-time field posts it (to the minute)."""
    return (timezone.localtime() + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")


def an_hour_passes(obj) -> None:
    """Move the scheduled revision's go-live time into the past, as the clock would."""
    past = timezone.now() - datetime.timedelta(seconds=1)
    revision = Revision.objects.get(
        pk__in=obj.revisions.values("pk"), approved_go_live_at__isnull=False
    )
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])


@pytest.mark.django_db
def test_a_promise_scheduled_in_the_admin_goes_live_when_the_worker_runs(admin_client, agreement):
    promise = PromiseFactory(agreement=agreement, title="Nytt löfte", live=False)
    data = promise_form(promise, go_live_at=in_an_hour())
    response = admin_client.post(promise_edit_url(promise), publish(data))
    assert response.status_code == 302, response.content.decode()[:2000]
    promise.refresh_from_db()
    assert not promise.live
    call_command("run_worker", "--once")
    promise.refresh_from_db()
    assert not promise.live  # not yet

    an_hour_passes(promise)
    call_command("run_worker", "--once")
    promise.refresh_from_db()
    assert promise.live


@pytest.mark.django_db
def test_a_page_scheduled_in_the_admin_goes_live_when_the_worker_runs(admin_client, home):
    page = StandardPageFactory(parent=home, title="Öppet hus", slug="oppet-hus", live=False)
    data = nested_form_data(
        {
            "title": "Öppet hus",
            "slug": "oppet-hus",
            "lead": "Välkommen till stadshuset.",
            "body": streamfield([("text", rich_text("<p>Kom och fika.</p>"))]),
            "go_live_at": in_an_hour(),
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), publish(data))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live

    an_hour_passes(page)
    call_command("run_worker", "--once")
    page.refresh_from_db()
    assert page.live
