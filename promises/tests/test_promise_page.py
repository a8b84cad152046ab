"""The promise page: summary counts, grouping, permalinks, follow-up stories (never drafts)."""

import pytest
from bs4 import BeautifulSoup

from news.factories import ArticlePromiseFactory, NewsArticlePageFactory
from promises.factories import PromiseFactory, PromiseFollowUpFactory, PromisePageFactory
from promises.models import PromiseStatus, StatusSummary


def text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.mark.django_db
def test_summary_counts_promises_by_status(client, agreement):
    for status in [PromiseStatus.FULFILLED] * 5 + [PromiseStatus.POSTPONED]:
        PromiseFactory(agreement=agreement, status=status)
    PromiseFactory(agreement=agreement, status=PromiseStatus.NOT_FULFILLED, live=False)

    response = client.get(agreement.url)

    assert response.status_code == 200
    summary = response.context["summary"]
    assert (summary.fulfilled, summary.total) == (5, 6)
    assert "5 av 6 uppfyllda" in text(response)
    assert [(r["status"], r["count"]) for r in summary.rows] == [
        (PromiseStatus.FULFILLED, 5),
        (PromiseStatus.POSTPONED, 1),
    ]


def test_summary_of_no_promises_is_empty():
    summary = StatusSummary([])
    assert (summary.total, summary.fulfilled, summary.rows) == (0, 0, [])


@pytest.mark.django_db
def test_promises_are_grouped_by_focus_area_with_status_reason_and_timeline(client, agreement):
    walks = PromiseFactory(
        agreement=agreement,
        title="Trygghetsvandringar",
        focus_area="Trygghet i offentlig miljö",
        status=PromiseStatus.POSTPONED,
        status_reason="Pandemins restriktioner.",
    )
    PromiseFollowUpFactory(promise=walks, note="Vandringen flyttades till hösten.")
    PromiseFactory(agreement=agreement, title="Grannsamverkan", focus_area="Grannsamverkan")

    response = client.get(agreement.url)
    page_text = text(response)

    assert list(response.context["focus_areas"]) == ["Grannsamverkan", "Trygghet i offentlig miljö"]
    assert "framflyttat" in page_text
    assert "Pandemins restriktioner." in page_text
    assert "Vandringen flyttades till hösten." in page_text


@pytest.mark.django_db
def test_each_promise_has_a_permalink(client, agreement):
    promise = PromiseFactory(agreement=agreement, title="Trygghetsvandringar", slug="vandringar")

    response = client.get(promise.get_url())

    assert promise.get_url() == f"{agreement.url}vandringar/"
    assert response.status_code == 200
    assert response.context["promise"] == promise
    assert client.get(f"{agreement.url}finns-inte/").status_code == 404


@pytest.mark.django_db
def test_draft_promise_has_no_permalink(client, agreement):
    promise = PromiseFactory(agreement=agreement, slug="utkast", live=False)
    assert client.get(promise.get_url()).status_code == 404


@pytest.mark.django_db
def test_follow_up_stories_are_listed_and_drafts_are_not(client, agreement, news_index):
    promise = PromiseFactory(agreement=agreement)
    live = NewsArticlePageFactory(parent=news_index, title="Vandringen är genomförd")
    draft = NewsArticlePageFactory(parent=news_index, title="Utkast om vandringen", live=False)
    for page in (live, draft):
        ArticlePromiseFactory(page=page, promise=promise)

    for url in (agreement.url, promise.get_url()):
        page_text = text(client.get(url))
        assert "Vandringen är genomförd" in page_text
        assert "Utkast om vandringen" not in page_text


@pytest.mark.django_db
def test_promise_edited_as_draft_shows_its_published_version(client, agreement):
    promise = PromiseFactory(agreement=agreement, status=PromiseStatus.FULFILLED)
    promise.save_revision().publish()
    promise.status = PromiseStatus.CANCELLED
    promise.title = "Utkastets rubrik"
    promise.save_revision()  # a draft: the published row is untouched

    page_text = text(client.get(agreement.url))
    assert "Utkastets rubrik" not in page_text
    assert "inställt" not in page_text


def agreement_with(home, news_index, count: int):
    """An agreement with `count` promises, each with follow-ups and a story."""
    page = PromisePageFactory(parent=home)
    for _ in range(count):
        promise = PromiseFactory(agreement=page)
        for _ in range(3):
            PromiseFollowUpFactory(promise=promise)
        ArticlePromiseFactory(page=NewsArticlePageFactory(parent=news_index), promise=promise)
    return page


@pytest.mark.django_db
def test_promise_page_queries_do_not_grow_with_promises(home, news_index, count_queries):
    one = agreement_with(home, news_index, 1)
    twenty = agreement_with(home, news_index, 20)
    assert count_queries(twenty.url) == count_queries(one.url) <= 25
    promise = twenty.live_promises[0]
    assert count_queries(promise.get_url()) <= 25


@pytest.mark.django_db
def test_agreement_page_lists_the_newest_stories_and_links_to_all(client, agreement, news_index):
    import datetime

    from django.utils import timezone

    from news.models import NewsArticlePage
    from promises.models import STORIES_PER_PROMISE

    promise = PromiseFactory(agreement=agreement, title="Trygghetsvandringar")
    for day in range(1, STORIES_PER_PROMISE + 3):
        story = NewsArticlePageFactory(parent=news_index, title=f"Vandring {day}")
        ArticlePromiseFactory(page=story, promise=promise)
        moment = timezone.make_aware(datetime.datetime(2021, 5, day))
        NewsArticlePage.objects.filter(pk=story.pk).update(first_published_at=moment)
    total = STORIES_PER_PROMISE + 2

    listed = client.get(agreement.url).context["focus_areas"]["Trygghet"][0]
    assert [s.title for s in listed.stories] == [
        f"Vandring {day}" for day in range(total, total - STORIES_PER_PROMISE, -1)
    ]
    assert listed.story_total == total
    assert f"Alla {total} nyheter om ”Trygghetsvandringar”" in text(client.get(agreement.url))

    permalink = client.get(promise.get_url()).context["entry"]
    assert len(permalink.stories) == total
