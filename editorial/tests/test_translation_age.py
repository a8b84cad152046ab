"""Where a translation's text is older than its original, the editor sees it on opening it;
a changed fact (a status) is no reason, since facts reach translations by themselves."""

import pytest
from django.urls import reverse
from wagtail_localize.models import TranslationSource

from home.factories import StandardPageFactory
from promises.factories import PromiseFactory, PromisePageFactory
from promises.models import Promise, PromiseStatus
from tests.admin_forms import promise_edit_url, promise_form, publish

WARNING = "har ändrats sedan den här översättningen gjordes"


def translate(instance, locale, capture):
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    with capture(execute=True):
        translation, _ = source.create_or_update_translation(
            locale, fallback=True, copy_parent_pages=True
        )
    return translation


@pytest.mark.django_db
def test_an_english_promise_is_flagged_when_the_swedish_text_changes(
    admin_client, home, home_en, locales, django_capture_on_commit_callbacks
):
    sv, en = locales
    agreement = PromisePageFactory(parent=home)
    translate(agreement, en, django_capture_on_commit_callbacks)
    promise = PromiseFactory(agreement=agreement, status=PromiseStatus.PLANNED)
    promise.save_revision().publish()
    promise_en = translate(promise, en, django_capture_on_commit_callbacks)
    assert WARNING not in admin_client.get(promise_edit_url(promise_en)).content.decode()

    admin_client.post(
        promise_edit_url(promise), publish(promise_form(promise, status=PromiseStatus.FULFILLED))
    )
    assert Promise.objects.get(pk=promise_en.pk).status == PromiseStatus.FULFILLED
    assert WARNING not in admin_client.get(promise_edit_url(promise_en)).content.decode()

    promise.refresh_from_db()
    admin_client.post(
        promise_edit_url(promise),
        publish(promise_form(promise, status_reason="Båda vandringarna är gjorda.")),
    )
    assert WARNING in admin_client.get(promise_edit_url(promise_en)).content.decode()


@pytest.mark.django_db
def test_an_english_page_made_by_hand_is_flagged_when_the_swedish_text_changes(
    admin_client, home, home_en, locales
):
    sv, en = locales
    page = StandardPageFactory(parent=home, title="Om medborgarlöften", lead="Så fungerar det.")
    page.save_revision().publish()
    page_en = StandardPageFactory(
        parent=home_en,
        locale=en,
        translation_key=page.translation_key,
        title="About citizen promises",
        lead="How it works.",
    )
    page_en.save_revision().publish()
    edit_en = reverse("wagtailadmin_pages:edit", args=[page_en.pk])
    assert WARNING not in admin_client.get(edit_en).content.decode()

    page.lead = "Så fungerar det, och så följs löftena upp."
    page.save_revision().publish()
    assert WARNING in admin_client.get(edit_en).content.decode()
