"""Editors can create every page type through the admin's own forms."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from contacts.factories import ContactPersonFactory
from home.models import StandardPage
from news.models import NewsArticlePage, NewsIndexPage
from promises.factories import PromiseFactory
from promises.models import PromisePage


def add_url(model, parent: Page) -> str:
    return reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )


def publish(data: dict) -> dict:
    return {**nested_form_data(data), "action-publish": "action-publish"}


@pytest.mark.django_db
def test_editor_creates_standard_page(editor_client, home):
    response = editor_client.post(
        add_url(StandardPage, home),
        publish(
            {
                "title": "Om medborgarlöften",
                "slug": "om",
                "lead": "Så fungerar det.",
                "body": streamfield([("text", rich_text("<p>Löften om trygghet.</p>"))]),
            }
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    page = StandardPage.objects.get(slug="om")
    assert page.live
    assert "Löften om trygghet." in str(page.body[0].value)


@pytest.mark.django_db
def test_editor_creates_news_index_and_article_following_a_promise(editor_client, home, agreement):
    promise = PromiseFactory(agreement=agreement, title="Trygghetsvandringar")
    person = ContactPersonFactory(name="Johanna Flogstam")
    response = editor_client.post(
        add_url(NewsIndexPage, home), publish({"title": "Nyheter", "slug": "nyheter"})
    )
    assert response.status_code == 302
    news_index = NewsIndexPage.objects.get(slug="nyheter")

    response = editor_client.post(
        add_url(NewsArticlePage, news_index),
        publish(
            {
                "title": "Nästan alla löften uppfyllda",
                "slug": "uppfyllda",
                "lead": "En uppföljning visar att nästan alla löften är uppfyllda.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Utvecklar samarbetet", "level": "h2"}),
                        ("text", rich_text("<p>Flera föreningar var aktiva.</p>")),
                        ("quote", {"text": "Roligt!", "attribution": "Johanna", "role": ""}),
                        ("promise", promise.pk),
                    ]
                ),
                "contacts": streamfield([("contact", {"person": person.pk, "organisation": ""})]),
                "promise_links": inline_formset([{"promise": promise.pk}]),
            }
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    article = NewsArticlePage.objects.get(slug="uppfyllda")
    assert article.live
    assert [link.promise for link in article.promise_links.all()] == [promise]


@pytest.mark.django_db
def test_editor_creates_promise_page(editor_client, home):
    response = editor_client.post(
        add_url(PromisePage, home),
        publish(
            {
                "title": "Medborgarlöften 2023",
                "slug": "medborgarloften-2023",
                "lead": "Kommunen och polisen lovar.",
                "period_start": "2023-01-01",
                "period_end": "2023-12-31",
                "parties": "Kommunen och polisen",
                "problem_picture": rich_text("<p>Otrygghet i centrum.</p>"),
            }
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    assert PromisePage.objects.get(slug="medborgarloften-2023").live


@pytest.mark.django_db
def test_promise_page_rejects_a_period_that_ends_before_it_starts(editor_client, home):
    response = editor_client.post(
        add_url(PromisePage, home),
        publish(
            {
                "title": "Fel period",
                "slug": "fel",
                "period_start": "2023-12-31",
                "period_end": "2023-01-01",
                "parties": "Kommunen",
                "problem_picture": rich_text(""),
            }
        ),
    )
    assert response.status_code == 200
    assert "period_end" in response.context["form"].errors
    assert not PromisePage.objects.filter(slug="fel").exists()


@pytest.mark.django_db
def test_coordinator_creates_promise_with_follow_up(editor_client, agreement):
    response = editor_client.post(
        reverse("wagtailsnippets_promises_promise:add"),
        {
            **nested_form_data(
                {
                    "agreement": agreement.pk,
                    "title": "Trygghetsvandringar",
                    "slug": "trygghetsvandringar",
                    "focus_area": "Trygghet",
                    "sort_order": "0",
                    "party": "both",
                    "partners": "",
                    "description": rich_text("<p>Två vandringar.</p>"),
                    "target": "2 trygghetsvandringar",
                    "status": "fulfilled",
                    "status_reason": "Båda genomfördes.",
                    "outcome": "",
                    "continues": "",
                    "follow_ups": inline_formset(
                        [
                            {
                                "date": "2021-12-15",
                                "status": "fulfilled",
                                "note": "Genomfört.",
                                "evidence": streamfield([]),
                            }
                        ]
                    ),
                }
            ),
            "locale": "sv",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    from promises.models import Promise

    promise = Promise.objects.get(slug="trygghetsvandringar")
    assert promise.live
    assert [f.note for f in promise.follow_ups.all()] == ["Genomfört."]
