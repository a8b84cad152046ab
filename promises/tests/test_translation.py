"""Promises are translated with wagtail-localize and land on the agreement page of their language."""

import pytest
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from promises.factories import PromiseFactory, PromiseFollowUpFactory, PromisePageFactory
from promises.models import Promise


@pytest.mark.django_db
def test_translated_promise_points_at_the_translated_agreement(client, home, home_en, locales):
    sv, en = locales
    agreement = PromisePageFactory(parent=home, slug="medborgarloften-2021")
    agreement_en = PromisePageFactory(
        parent=home_en,
        slug="medborgarloften-2021",
        locale=en,
        translation_key=agreement.translation_key,
        title="Citizen promises 2021",
    )
    promise = PromiseFactory(agreement=agreement, title="Trygghetsvandringar", slug="vandringar")
    PromiseFollowUpFactory(promise=promise, note="Genomfört.")

    source, _ = TranslationSource.get_or_create_from_instance(promise)
    source.create_or_update_translation(en, fallback=True)

    translated = Promise.objects.get(translation_key=promise.translation_key, locale=en)
    assert translated.agreement == agreement_en
    assert [f.locale for f in translated.follow_ups.all()] == [en]
    assert isinstance(translated.agreement, Page)
    response = client.get(agreement_en.url)
    assert translated in [e.promise for es in response.context["focus_areas"].values() for e in es]
    assert client.get(translated.get_url()).status_code == 200
