"""A page whose contact reference is missing or inactive cannot be published."""

import json

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from contacts.factories import ContactPersonFactory, OrganisationFactory
from news.factories import NewsArticlePageFactory
from news.models import NewsArticlePage


def article_form(contacts: list) -> dict:
    return {
        **nested_form_data(
            {
                "title": "Ny nyhet",
                "slug": "ny-nyhet",
                "lead": "Ingress.",
                "body": streamfield([("text", rich_text("<p>Text.</p>"))]),
                "contacts": streamfield(contacts),
                "promise_links": {
                    "TOTAL_FORMS": "0",
                    "INITIAL_FORMS": "0",
                    "MIN_NUM_FORMS": "0",
                    "MAX_NUM_FORMS": "1000",
                },
            }
        ),
        "action-publish": "action-publish",
    }


def contact_errors(response) -> str:
    """The contacts field's validation messages, as the admin sends them to its editor widget."""
    error = response.context["form"].errors["contacts"].as_data()[0]
    return json.dumps(error.as_json_data(), ensure_ascii=False)


def add_article(client, news_index, contacts: list):
    url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))
    return client.post(url, article_form(contacts))


@pytest.mark.django_db
def test_inactive_person_blocks_publishing_with_a_clear_error(editor_client, news_index):
    person = ContactPersonFactory(name="Gammal Kontakt", is_active=False)

    response = add_article(
        editor_client, news_index, [("contact", {"person": person.pk, "organisation": ""})]
    )

    assert response.status_code == 200
    assert "Gammal Kontakt är inaktiv" in contact_errors(response)
    assert not NewsArticlePage.objects.filter(slug="ny-nyhet").exists()


@pytest.mark.django_db
def test_empty_contact_blocks_publishing(editor_client, news_index):
    response = add_article(
        editor_client, news_index, [("contact", {"person": "", "organisation": ""})]
    )
    assert response.status_code == 200
    assert "Välj en kontaktperson eller en organisation." in contact_errors(response)
    assert not NewsArticlePage.objects.filter(slug="ny-nyhet").exists()


@pytest.mark.django_db
def test_deleted_person_blocks_republishing(editor_client, news_index):
    person = ContactPersonFactory()
    article = NewsArticlePageFactory(
        parent=news_index, contacts=[("contact", {"person": person, "organisation": None})]
    )
    person_pk = person.pk
    person.delete()
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))

    data = article_form([("contact", {"person": person_pk, "organisation": ""})])
    data["slug"] = article.slug
    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "Välj en kontaktperson eller en organisation." in contact_errors(response)
    article.refresh_from_db()
    assert article.title != "Ny nyhet"


@pytest.mark.django_db
def test_active_person_or_organisation_can_be_published(editor_client, news_index):
    person = ContactPersonFactory()
    organisation = OrganisationFactory()

    response = add_article(
        editor_client,
        news_index,
        [
            ("contact", {"person": person.pk, "organisation": ""}),
            ("contact", {"person": "", "organisation": organisation.pk}),
        ],
    )

    assert response.status_code == 302
    assert NewsArticlePage.objects.get(slug="ny-nyhet").live


@pytest.mark.django_db
def test_inactive_person_is_labelled_in_the_admin():
    person = ContactPersonFactory(name="Anna", is_active=False)
    assert str(person) == "Anna (inaktiv)"


@pytest.mark.django_db
def test_report_lists_live_pages_whose_contact_broke(editor_client, news_index):
    kept = ContactPersonFactory()
    leaving = ContactPersonFactory()
    deleted = ContactPersonFactory()
    ok = NewsArticlePageFactory(
        parent=news_index,
        title="Hel sida",
        contacts=[("contact", {"person": kept, "organisation": None})],
    )
    inactive_page = NewsArticlePageFactory(
        parent=news_index,
        title="Inaktiv kontakt",
        contacts=[("contact", {"person": leaving, "organisation": None})],
    )
    deleted_page = NewsArticlePageFactory(
        parent=news_index,
        title="Borttagen kontakt",
        body=[("contact", {"person": deleted, "organisation": None})],
    )
    leaving.is_active = False
    leaving.save()
    deleted.delete()

    response = editor_client.get(reverse("broken_contacts_report"))

    assert response.status_code == 200
    listed = {page.pk for page in response.context["pages"]}
    assert listed == {inactive_page.pk, deleted_page.pk}
    assert ok.pk not in listed
