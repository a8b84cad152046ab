"""What of the promise data may leave the site: one definition for API, feeds, export and embed."""

from collections import Counter
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from wagtail.query import PageQuerySet

from .models import (
    Promise,
    PromiseFollowUp,
    PromisePage,
    PromiseParty,
    PromiseQuerySet,
    PromiseStatus,
    StatusSummary,
)


def public_agreements() -> PageQuerySet:
    """Agreements anyone may read: published and not behind a view restriction."""
    return PromisePage.objects.live().public()


def public_promises() -> PromiseQuerySet:
    """Published promises of public agreements. The row is the published version; drafts are
    revisions, so reading rows never shows a draft."""
    return Promise.objects.live().filter(agreement__in=public_agreements())


def public_follow_ups():
    return PromiseFollowUp.objects.filter(promise__in=public_promises())


def status_label(status: str, language: str) -> str:
    with translation.override(language):
        return str(PromiseStatus(status).label)


def party_label(party: str, language: str) -> str:
    with translation.override(language):
        return str(PromiseParty(party).label)


def base_url(page: Page | None) -> str:
    """Scheme and host of the site a page belongs to, for absolute API links without a request."""
    if page is None:
        return ""
    full_url = page.get_full_url() or ""
    parts = urlsplit(full_url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


def promise_detail_url(pk: int, base: str = "") -> str:
    return base + reverse("wagtailapi_v3:promises_detail", kwargs={"promise_id": pk})


def agreement_detail_url(pk: int, base: str = "") -> str:
    return base + reverse("wagtailapi_v3:agreements_detail", kwargs={"agreement_id": pk})


def promise_html_url(promise: Promise, agreement_url: str | None) -> str | None:
    """The promise's permalink under its agreement page (see PromisePage.promise_detail)."""
    return f"{agreement_url}{promise.slug}/" if agreement_url else None


def agreement_summary(page: PromisePage, promises: list[Promise]) -> dict:
    """Counts by status and the "5 av 6 uppfyllda" headline, in the agreement's language."""
    with translation.override(page.locale.language_code):
        summary = StatusSummary(promises)
        counts = Counter(p.status for p in promises)
        return {
            "total": summary.total,
            "fulfilled": summary.fulfilled,
            "headline": summary.headline,
            "by_status": [
                {"status": status, "label": str(label), "count": counts[status]}
                for status, label in PromiseStatus.choices
                if counts[status]
            ],
        }
