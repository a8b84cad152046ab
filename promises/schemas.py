"""How pages show promises in the pages API (`api_fields`): links with their status and counts.

No model is imported here: the fields only call the promise's and the page's own methods, so the
models can declare these fields without an import circle.
"""

from typing import Any

from django.urls import reverse
from ninja import Schema

from core.api import WholeObjectField, site_base_url


class PromiseLinkOut(Schema):
    """A promise as a page lists it: its status and where to read more."""

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


def promise_link(promise: Any, language: str, base: str) -> PromiseLinkOut:
    return PromiseLinkOut(
        id=promise.pk,
        title=promise.title,
        status=promise.status,
        status_label=promise.status_label_in(language),
        html_url=promise.get_full_url(),
        detail_url=base + reverse("wagtailapi_v3:promises_detail", args=[promise.pk]),
    )


class PromiseLinksField(WholeObjectField):
    """The public promises a page shows (`promise_source` names the page's method or property)."""

    def __init__(self, promise_source: str, **kwargs: Any) -> None:
        self.promise_source = promise_source
        super().__init__(**kwargs)

    def to_representation(self, page: Any) -> list[PromiseLinkOut]:
        promises = getattr(page, self.promise_source)
        if callable(promises):
            promises = promises()
        language, base = page.locale.language_code, site_base_url(page)
        return [promise_link(p, language, base) for p in promises]


class AgreementSummaryField(WholeObjectField):
    """How the agreement's promises stand ("5 av 6 uppfyllda"), in the page's language."""

    def to_representation(self, page: Any) -> AgreementSummaryOut:
        return AgreementSummaryOut(**page.summary().as_dict())
