"""Custom fields for the pages API (`api_fields`): what a partner needs, not raw relation ids.

API v3 types an `APIField(serializer=...)` from the serializer's return annotation, so these
annotations are what the OpenAPI document shows. Models are imported inside methods because
models import this module.
"""

from typing import Any, Literal

from django.utils import translation
from ninja import Schema
from rest_framework import serializers
from wagtail.api.rich_text import APIRichText


class TopicOut(Schema):
    id: int
    name: str
    slug: str


class ContactOut(Schema):
    kind: Literal["person", "organisation"]
    id: int
    name: str
    role_title: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""


class PromiseRefOut(Schema):
    id: int
    title: str
    status: str
    status_label: str
    html_url: str | None
    detail_url: str


class StatusCountOut(Schema):
    status: str
    label: str
    count: int


class AgreementSummaryOut(Schema):
    total: int
    fulfilled: int
    headline: str
    by_status: list[StatusCountOut]


class WholeObjectField(serializers.Field):
    """A read-only field that is handed the whole page, like `source="*"`."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)


class TopicsField(WholeObjectField):
    """The article's topics in the article's language."""

    def to_representation(self, page: Any) -> list[TopicOut]:
        from cms.localization import localize

        topics = localize(list(page.topics.all()), page.locale)
        return [TopicOut(id=t.pk, name=t.name, slug=t.slug) for t in topics]


def contact_out(contact: Any) -> ContactOut:
    """A person or organisation as partners see it (the same facts as the contact card)."""
    from contacts.models import ContactPerson

    if isinstance(contact, ContactPerson):
        return ContactOut(
            kind="person",
            id=contact.pk,
            name=contact.name,
            role_title=contact.role_title,
            organisation=contact.organisation.name if contact.organisation else "",
            phone=contact.phone,
            email=contact.email,
        )
    return ContactOut(
        kind="organisation",
        id=contact.pk,
        name=contact.name,
        phone=contact.switchboard,
        email=contact.email,
    )


class ContactsField(WholeObjectField):
    """The contacts the page shows the public: inactive people never leave, even as an id."""

    def to_representation(self, page: Any) -> list[ContactOut]:
        from contacts.blocks import visible_contact

        # The blocks load their snippets in the active language: make it the page's.
        with translation.override(page.locale.language_code):
            contacts = [visible_contact(block.value) for block in page.contacts]
        return [contact_out(contact) for contact in contacts if contact is not None]


def promise_ref(promise: Any, language: str, agreement_url: str, base: str) -> PromiseRefOut:
    """A promise as pages list it: its status and where to read more."""
    from promises.queries import promise_detail_url, promise_html_url, status_label

    return PromiseRefOut(
        id=promise.pk,
        title=promise.title,
        status=promise.status,
        status_label=status_label(promise.status, language),
        html_url=promise_html_url(promise, agreement_url),
        detail_url=promise_detail_url(promise.pk, base),
    )


class FollowedPromisesField(WholeObjectField):
    """The live promises of public agreements that the story follows up, with their status."""

    def to_representation(self, page: Any) -> list[PromiseRefOut]:
        from promises.queries import base_url, public_agreements

        promises = page.followed_promises()
        base = base_url(page)
        public = set(
            public_agreements()
            .filter(pk__in={p.agreement_id for p in promises})
            .values_list("pk", flat=True)
        )
        language = page.locale.language_code
        return [
            promise_ref(p, language, p.agreement.get_full_url(), base)
            for p in promises
            if p.agreement_id in public
        ]


class AgreementSummaryField(WholeObjectField):
    """How the agreement's promises stand ("5 av 6 uppfyllda"), in the page's language."""

    def to_representation(self, page: Any) -> AgreementSummaryOut:
        from promises.queries import agreement_summary

        return AgreementSummaryOut(**agreement_summary(page, page.live_promises))


class LivePromisesField(WholeObjectField):
    """The agreement's published promises, in order (drafts stay in their revisions)."""

    def to_representation(self, page: Any) -> list[PromiseRefOut]:
        from promises.queries import base_url

        agreement_url, base = page.get_full_url(), base_url(page)
        language = page.locale.language_code
        return [promise_ref(p, language, agreement_url, base) for p in page.live_promises]


def html(value: str | None) -> str | None:
    """Rich text as display HTML (WAGTAILAPI_RICH_TEXT_FORMAT), as the pages API does."""
    if value is None:
        return None
    return APIRichText.serialize(value, format=APIRichText.get_default_format())
