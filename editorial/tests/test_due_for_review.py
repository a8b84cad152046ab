"""Reminders of what is going stale: review-by dates, a report, and each editor's dashboard."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from contacts.factories import ContactPersonFactory
from home.factories import StandardPageFactory
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory
from promises.factories import PromiseFactory, PromiseFollowUpFactory, PromisePageFactory
from promises.models import PromiseStatus

TODAY = timezone.localdate()
PAST = TODAY - datetime.timedelta(days=3)
FUTURE = TODAY + datetime.timedelta(days=30)


@pytest.fixture
def user_in(django_user_model):
    def make(group: str, username: str):
        user = django_user_model.objects.create_user(username, password="pw")
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def stale(home, user_in):
    """Things past their review-by date, things not yet due, and promises nobody followed up."""
    mine, theirs = user_in("Redaktörer", "anna"), user_in("Redaktörer", "bo")
    index = NewsIndexPageFactory(parent=home)
    ended = PromisePageFactory(
        parent=home,
        title="Medborgarlöften 2021",
        period_start=datetime.date(2021, 1, 1),
        period_end=datetime.date(2021, 12, 31),
    )
    current = PromisePageFactory(
        parent=home,
        title="Medborgarlöften i år",
        period_start=TODAY.replace(month=1, day=1),
        period_end=TODAY.replace(month=12, day=31),
    )
    followed = PromiseFactory(agreement=ended, title="Uppföljt löfte", status="fulfilled")
    PromiseFollowUpFactory(promise=followed)
    return {
        "mine": mine,
        "my page": StandardPageFactory(
            parent=home, title="Om medborgarlöften", review_by=PAST, owner=mine
        ),
        "their page": NewsArticlePageFactory(
            parent=index, title="Äldre nyhet", review_by=PAST, owner=theirs
        ),
        "fresh page": StandardPageFactory(parent=home, title="Nyskriven sida", review_by=FUTURE),
        "due promise": PromiseFactory(
            agreement=current, title="Löfte att granska", review_by=PAST, status="in_progress"
        ),
        "fresh promise": PromiseFactory(
            agreement=current, title="Nyss granskat löfte", review_by=FUTURE
        ),
        "no follow-up": PromiseFactory(
            agreement=ended, title="Löfte utan uppföljning", status="fulfilled"
        ),
        "no status": PromiseFactory(
            agreement=ended, title="Löfte utan status", status=PromiseStatus.NOT_FOLLOWED_UP
        ),
        "followed": followed,
        "due contact": ContactPersonFactory(
            name="Kim Granskas", review_by=PAST, locale=home.locale
        ),
    }


def listed(response) -> str:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").get_text(" ")


@pytest.mark.django_db
def test_the_report_lists_what_is_due_and_unreported_promises(admin_client, stale):
    text = listed(admin_client.get(reverse("due_for_review")))
    for key in ("my page", "their page", "due promise", "no follow-up", "no status"):
        assert stale[key].title in text, key
    assert "Kim Granskas" in text
    for key in ("fresh page", "fresh promise", "followed"):
        assert stale[key].title not in text, key


@pytest.mark.django_db
def test_an_editors_dashboard_shows_their_own_pages_due(client, stale):
    client.force_login(stale["mine"])
    text = listed(client.get(reverse("wagtailadmin_home")))
    assert "Att göra" in text
    assert "Om medborgarlöften" in text
    assert "Äldre nyhet" not in text  # another editor's page
    assert "Löfte att granska" not in text  # promises are the promise owners' work
    assert "Kim Granskas" in text  # editors keep contact people


@pytest.mark.django_db
def test_a_promise_owners_dashboard_shows_promises_to_follow_up(client, stale, user_in):
    client.force_login(user_in("Löftesansvariga", "lina"))
    text = listed(client.get(reverse("wagtailadmin_home")))
    for key in ("due promise", "no follow-up", "no status"):
        assert stale[key].title in text, key
    assert "Om medborgarlöften" not in text
    assert "Nyss granskat löfte" not in text
