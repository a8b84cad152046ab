"""A feed of promise follow-ups: each dated follow-up is an entry (promise, new status, note)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.feeds import StableAtomFeed, StableRssFeed

from .models import Promise, PromiseFollowUp, PromisePage, public_agreements

FEED_LENGTH = 50


@dataclass
class FollowUpSource:
    locale: Locale
    agreement: PromisePage | None
    request: HttpRequest
    site_name: str = ""


class FollowUpRssFeed(Feed):
    """Follow-ups of published promises of public agreements, newest first.

    Reached either per language (`/feeds/<language>/follow-ups/...`) or per agreement
    (`/feeds/agreements/<id>/follow-ups/...`, in that agreement's language).
    """

    feed_type = StableRssFeed

    def __init__(self, publisher: Callable[[], str]) -> None:
        super().__init__()
        self.publisher = publisher

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        source = self.get_source(request, **kwargs)
        with translation.override(source.locale.language_code):
            source.site_name = self.publisher()
            request.follow_up_source = source
            return super().__call__(request, *args, **kwargs)

    def get_source(
        self, request: HttpRequest, language: str | None = None, page_id: int | None = None
    ) -> FollowUpSource:
        if page_id is not None:
            agreement = public_agreements().select_related("locale").filter(pk=page_id).first()
            if agreement is None:
                raise Http404("No agreement matches the given id.")
            return FollowUpSource(locale=agreement.locale, agreement=agreement, request=request)
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            raise Http404("Unknown language.")
        return FollowUpSource(locale=locale, agreement=None, request=request)

    def get_object(self, request: HttpRequest, *args, **kwargs) -> FollowUpSource:
        return request.follow_up_source

    def title(self, source: FollowUpSource) -> str:
        if source.agreement is not None:
            return _("Uppföljningar: %(agreement)s") % {"agreement": source.agreement.title}
        return _("Uppföljningar av medborgarlöften – %(site)s") % {"site": source.site_name}

    def description(self, source: FollowUpSource) -> str:
        return _("Hur det går med medborgarlöftena: varje uppföljning med datum och status.")

    subtitle = description

    def link(self, source: FollowUpSource) -> str:
        if source.agreement is not None:
            return source.agreement.get_full_url(source.request) or "/"
        return f"/{source.locale.language_code}/"

    def feed_url(self, source: FollowUpSource) -> str:
        return source.request.path

    def feed_extra_kwargs(self, source: FollowUpSource) -> dict:
        # An empty feed is as old as its agreement page, never "now" (core/feeds.py).
        return {"empty_updated": source.agreement.last_published_at if source.agreement else None}

    def author_name(self, source: FollowUpSource) -> str:
        return source.site_name

    def items(self, source: FollowUpSource) -> list[PromiseFollowUp]:
        follow_ups = PromiseFollowUp.objects.filter(
            promise__in=Promise.objects.public(), promise__locale=source.locale
        )
        if source.agreement is not None:
            follow_ups = follow_ups.filter(promise__agreement=source.agreement)
        items = list(
            follow_ups.select_related("promise", "promise__agreement").order_by("-date", "-pk")[
                :FEED_LENGTH
            ]
        )
        language = source.locale.language_code
        for item in items:
            item.permalink = item.promise.get_full_url(source.request)
            item.status_label = item.status_label_in(language)
        return items

    def item_title(self, item: PromiseFollowUp) -> str:
        return f"{item.promise.title}: {item.status_label}"

    def item_description(self, item: PromiseFollowUp) -> str:
        # The description is HTML to a reader: the plain-text note must arrive as text.
        return escape(item.note)

    def item_link(self, item: PromiseFollowUp) -> str:
        return item.permalink

    def item_guid(self, item: PromiseFollowUp) -> str:
        # One promise has many follow-ups: the permalink alone would not be unique.
        return f"{item.permalink}#follow-up-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: PromiseFollowUp) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time.min))

    # Atom requires an entry's <updated>: a follow-up is not edited after its date.
    item_updateddate = item_pubdate

    def item_categories(self, item: PromiseFollowUp) -> list[str]:
        return [item.status_label, item.promise.focus_area]


class FollowUpAtomFeed(FollowUpRssFeed):
    feed_type = StableAtomFeed
