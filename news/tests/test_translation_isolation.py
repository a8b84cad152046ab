"""A translation changes only itself: translating and publishing a story writes to no snippet,
promise or page it merely refers to (issue: the English contact's role title was overwritten)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from contacts.factories import ContactPersonFactory, OrganisationFactory
from contacts.models import ContactPerson, Organisation
from news.factories import ArticlePromiseFactory, NewsArticlePageFactory, NewsIndexPageFactory
from news.models import NewsArticlePage
from promises.factories import PromiseFactory, PromisePageFactory
from promises.models import Promise


def english(obj, en, **fields):
    """A hand-made English translation of a snippet, as load_demo and editors make them."""
    model = type(obj)
    values = {
        f.attname: getattr(obj, f.attname)
        for f in model._meta.concrete_fields
        if f.attname not in ("id", "locale_id")
    }
    return model.objects.create(**{**values, "locale": en, **fields})


@pytest.fixture
def story(home, home_en, locales):
    sv, en = locales
    kommun = OrganisationFactory(name="Hässleholms kommun", locale=sv)
    english(kommun, en, name="Hässleholm Municipality", opening_hours="Weekdays 8-16")
    person = ContactPersonFactory(
        name="Johanna Flogstam",
        role_title="Drog- och brottsförebyggande samordnare",
        organisation=kommun,
        locale=sv,
    )
    english(person, en, role_title="Drug and crime prevention coordinator")
    agreement = PromisePageFactory(parent=home, slug="medborgarloften-2021")
    PromisePageFactory(
        parent=home_en,
        slug="medborgarloften-2021",
        locale=en,
        translation_key=agreement.translation_key,
        title="Citizen promises 2021",
        lead="The municipality and the police promise.",
    )
    promise = PromiseFactory(agreement=agreement, title="Trygghetsvandringar", slug="vandringar")
    promise_en = english(promise, en, title="Safety walks", agreement_id=None)
    promise_en.agreement = Page.objects.get(
        translation_key=agreement.translation_key, locale=en
    ).specific
    promise_en.save()
    index = NewsIndexPageFactory(parent=home)
    NewsIndexPageFactory(
        parent=home_en, locale=en, slug="news", title="News", translation_key=index.translation_key
    )
    story = NewsArticlePageFactory(
        parent=index,
        title="Två nya trygghetsvandringar",
        slug="tva-nya",
        body=[
            ("text", "<p>Kommunen och polisen går igen.</p>"),
            ("contact", {"person": person, "organisation": None}),
            ("promise", promise),
        ],
        contacts=[
            ("contact", {"person": person, "organisation": None}),
            ("contact", {"person": None, "organisation": kommun}),
        ],
    )
    ArticlePromiseFactory(page=story, promise=promise)
    return story


def snapshot() -> dict:
    """Everything a story's translation must leave as it was."""
    return {
        "people": sorted(ContactPerson.objects.values_list("locale_id", "name", "role_title")),
        "organisations": sorted(
            Organisation.objects.values_list("locale_id", "name", "opening_hours")
        ),
        "promises": sorted(Promise.objects.values_list("locale_id", "title", "agreement_id")),
        "pages": sorted(
            Page.objects.not_type(NewsArticlePage).values_list("pk", "title", "latest_revision_id")
        ),
    }


@pytest.mark.django_db
def test_translating_and_publishing_a_story_changes_only_the_story(
    admin_client, client, story, locales, django_capture_on_commit_callbacks
):
    sv, en = locales
    before = snapshot()

    # "Översätt" in the page's menu, then publish the English story with the contact block
    # left untranslated.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[story.pk]),
            {"locales": [en.pk]},
        )
    assert response.status_code == 302
    story_en = NewsArticlePage.objects.get(translation_key=story.translation_key, locale=en)
    translation = Translation.objects.get(source__object_id=story.translation_key)
    assert translation.target_locale == en
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[story_en.pk]), {"action": "publish"}
        )
    assert response.status_code in (200, 302)
    story_en.refresh_from_db()
    assert story_en.live

    assert snapshot() == before
    # The English story shows the English contact, organisation and promise.
    text = BeautifulSoup(client.get(story_en.url).content, "html.parser").get_text(" ")
    assert "Drug and crime prevention coordinator" in text
    assert "Hässleholm Municipality" in text
    assert "Safety walks" in text
    assert "Drog- och brottsförebyggande samordnare" not in text
