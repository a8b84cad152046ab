"""Anonymous read API for medborgarlöften: `/api/v3/promises/` and `/api/v3/agreements/`.

Wagtail's own snippet endpoints need a token; this data is public, so it gets its own routers
in the same document and style (limit/offset pagination, problem+json errors).
"""

from datetime import date, datetime
from typing import Annotated, Any, Literal

from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field
from wagtail.api.utils import get_full_url
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.search.backends import get_search_backend

from core.api import (
    Id,
    LanguageCode,
    QueryText,
    full_detail_url,
    get_locale_or_400,
    get_or_404,
    html,
    per_request,
)

from .models import (
    Promise,
    PromisePage,
    PromiseParty,
    PromiseStatus,
    StatusSummary,
    public_agreements,
)
from .schemas import AgreementSummaryOut

promises_router = Router(tags=["promises"])
agreements_router = Router(tags=["agreements"])

StatusLiteral = Literal[tuple(PromiseStatus.values)]  # type: ignore[valid-type]
PartyLiteral = Literal[tuple(PromiseParty.values)]  # type: ignore[valid-type]
Year = Annotated[int, Field(ge=1900, le=2999)]

PROMISE_ORDERING = {
    "id": ("pk",),
    "title": ("title",),
    "status": ("status",),
    "focus_area": ("focus_area", "sort_order"),
    "period": ("agreement__period_start",),
    "last_follow_up": ("last_follow_up",),
}
PromiseOrder = Literal[tuple(f"{sign}{key}" for key in PROMISE_ORDERING for sign in ("", "-"))]  # type: ignore[valid-type]
AGREEMENT_ORDERING = {"id": ("pk",), "title": ("title",), "period": ("period_start",)}
AgreementOrder = Literal[tuple(f"{sign}{key}" for key in AGREEMENT_ORDERING for sign in ("", "-"))]  # type: ignore[valid-type]


def order_by(queryset: QuerySet, order: str | None, fields: dict, default: tuple) -> QuerySet:
    """Order by a documented key, always ending with the id so pages of results are stable."""
    if not order:
        return queryset.order_by(*default, "pk")
    descending = order.startswith("-")
    columns = [f"-{c}" if descending else c for c in fields[order.lstrip("-")]]
    return queryset.order_by(*columns, "-pk" if descending else "pk")


class MetaOut(Schema):
    type: str
    locale: str
    detail_url: str
    html_url: str | None = Field(description="The public permalink on the kommun's site.")


class EvidenceOut(Schema):
    title: str
    url: str


class FollowUpOut(Schema):
    id: int
    date: date
    status: StatusLiteral
    status_label: str
    note: str
    evidence: list[EvidenceOut]


class StoryOut(Schema):
    id: int
    title: str
    lead: str
    first_published_at: datetime | None
    html_url: str | None
    detail_url: str


class AgreementRefOut(Schema):
    id: int
    title: str
    period_start: date
    period_end: date
    meta: MetaOut


class PromiseRefOut(Schema):
    id: int
    title: str
    meta: MetaOut


class PromiseOut(Schema):
    id: int
    meta: MetaOut
    title: str
    slug: str
    focus_area: str
    party: PartyLiteral
    party_label: str
    partners: str
    target: str
    status: StatusLiteral
    status_label: str
    status_reason: str
    last_follow_up: date | None = Field(description="Date of the latest follow-up, if any.")
    agreement: AgreementRefOut

    @staticmethod
    def resolve_meta(obj: Promise, context: dict) -> dict:
        return promise_meta(obj, context["request"])

    @staticmethod
    def resolve_party_label(obj: Promise) -> str:
        return obj.party_label_in(obj.locale.language_code)

    @staticmethod
    def resolve_status_label(obj: Promise) -> str:
        return obj.status_label_in(obj.locale.language_code)

    @staticmethod
    def resolve_last_follow_up(obj: Promise) -> date | None:
        # Both querysets annotate it (with_last_follow_up): no follow-ups to fetch for a list.
        return obj.last_follow_up

    @staticmethod
    def resolve_agreement(obj: Promise, context: dict) -> dict:
        return agreement_ref(obj.agreement, context["request"])


class PromiseDetailOut(PromiseOut):
    description: str = Field(description="HTML.")
    outcome: str
    follow_ups: list[FollowUpOut] = Field(description="The dated follow-ups, oldest first.")
    stories: list[StoryOut] = Field(description="Live news stories that follow the promise up.")
    continues: PromiseRefOut | None = Field(
        description="The promise of an earlier period that this one carries on."
    )

    @staticmethod
    def resolve_stories(obj: Promise, context: dict) -> list[dict]:
        request = context["request"]
        return [
            {
                "id": story.pk,
                "title": story.title,
                "lead": story.lead,
                "first_published_at": story.first_published_at,
                "html_url": story.get_full_url(request),
                "detail_url": get_full_url(
                    request, reverse("wagtailapi_v3:detail_page", args=[story.pk])
                ),
            }
            for story in obj.stories()
        ]

    @staticmethod
    def resolve_description(obj: Promise) -> str:
        return html(obj.description) or ""

    @staticmethod
    def resolve_continues(obj: Promise, context: dict) -> dict | None:
        earlier = promise_queryset().filter(pk=obj.continues_id).first()
        if earlier is None:
            return None
        return {
            "id": earlier.pk,
            "title": earlier.title,
            "meta": promise_meta(earlier, context["request"]),
        }

    @staticmethod
    def resolve_follow_ups(obj: Promise) -> list[dict]:
        language = obj.locale.language_code
        return [
            {
                "id": f.pk,
                "date": f.date,
                "status": f.status,
                "status_label": f.status_label_in(language),
                "note": f.note,
                "evidence": [
                    {"title": b.value["title"], "url": b.value["url"]} for b in f.evidence
                ],
            }
            for f in obj.follow_ups.all()
        ]


class AgreementLinksOut(Schema):
    export_csv: str
    export_json: str
    embed: str
    follow_ups_feed: str


class AgreementOut(Schema):
    id: int
    meta: MetaOut
    title: str
    lead: str
    period_start: date
    period_end: date
    parties: str
    summary: AgreementSummaryOut
    links: AgreementLinksOut = Field(description="Open data export and the embeddable card.")

    @staticmethod
    def resolve_meta(obj: PromisePage, context: dict) -> dict:
        return page_meta(obj, context["request"])

    @staticmethod
    def resolve_summary(obj: PromisePage) -> dict:
        return StatusSummary(obj.published, obj.locale.language_code).as_dict()

    @staticmethod
    def resolve_links(obj: PromisePage, context: dict) -> dict:
        return agreement_links(obj, context["request"])


class AgreementDetailOut(AgreementOut):
    problem_picture: str = Field(description="HTML: the shared picture the promises build on.")
    promises: list[PromiseOut]

    @staticmethod
    def resolve_problem_picture(obj: PromisePage) -> str:
        return html(obj.problem_picture) or ""

    @staticmethod
    def resolve_promises(obj: PromisePage) -> list[Promise]:
        return obj.published


def agreement_url(page: PromisePage, request: HttpRequest) -> str | None:
    """The agreement page's full URL, built once per request: its promises all start with it."""
    return per_request(request, ("agreement_url", page.pk), lambda: page.get_full_url(request))


def page_meta(page: PromisePage, request: HttpRequest) -> dict:
    return {
        "type": PromisePage._meta.label,
        "locale": page.locale.language_code,
        "detail_url": full_detail_url(request, "wagtailapi_v3:agreements_detail", page.pk),
        "html_url": agreement_url(page, request),
    }


def agreement_ref(page: PromisePage, request: HttpRequest) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "period_start": page.period_start,
        "period_end": page.period_end,
        "meta": page_meta(page, request),
    }


def agreement_links(page: PromisePage, request: HttpRequest) -> dict:
    def url(name: str, **kwargs: Any) -> str:
        return get_full_url(request, reverse(name, kwargs={"page_id": page.pk, **kwargs}))

    return {
        "export_csv": url("open_data_promises", format="csv"),
        "export_json": url("open_data_promises", format="json"),
        "embed": url("embed_agreement"),
        "follow_ups_feed": url("agreement_follow_ups_feed_atom"),
    }


def promise_meta(promise: Promise, request: HttpRequest) -> dict:
    page = promise.agreement
    return {
        "type": Promise._meta.label,
        "locale": promise.locale.language_code,
        "detail_url": full_detail_url(request, "wagtailapi_v3:promises_detail", promise.pk),
        # Promise.get_full_url's rule, with the agreement's URL built once per request.
        "html_url": PromisePage.permalink(agreement_url(page, request), promise.slug)
        if page is not None
        else None,
    }


def promise_queryset(follow_ups: bool = True) -> QuerySet:
    """Public promises for the API; a list needs only the newest follow-up's date (annotated)."""
    # Each agreement fetched once for all its promises: a page is costly to build, and joining
    # its columns to every promise made the query slow to plan.
    agreements = Prefetch("agreement", queryset=PromisePage.objects.select_related("locale"))
    queryset = (
        Promise.objects.public()
        .select_related("locale")
        .prefetch_related(agreements)
        .with_last_follow_up()
    )
    return queryset.prefetch_related("follow_ups") if follow_ups else queryset


class PromiseFilters(Schema):
    agreement: Id | None = Field(None, description="Id of an agreement (see /agreements/).")
    year: Year | None = Field(None, description="Promises of agreements in force that year.")
    status: list[StatusLiteral] = Field([], description="One or more statuses.")
    party: list[PartyLiteral] = Field([], description="Who promises.")
    focus_area: QueryText | None = Field(None, description="Exact focus area, any case.")
    locale: LanguageCode | None = Field(None, description="Language code.")
    translation_of: Id | None = Field(None, description="Translations of this promise id.")
    search: QueryText | None = Field(None, description="Free text (Swedish stemming).")
    order: PromiseOrder | None = Field(None, description="Default: newest period first.")

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        if self.agreement:
            queryset = queryset.filter(agreement_id=self.agreement)
        if self.year:
            queryset = queryset.filter(
                agreement__period_start__year__lte=self.year,
                agreement__period_end__year__gte=self.year,
            )
        if self.status:
            queryset = queryset.filter(status__in=self.status)
        if self.party:
            queryset = queryset.filter(party__in=self.party)
        if self.focus_area:
            queryset = queryset.filter(focus_area__iexact=self.focus_area)
        if self.locale:
            queryset = queryset.filter(locale=get_locale_or_400(self.locale))
        if self.translation_of:
            original = Promise.objects.filter(pk=self.translation_of).first()
            if original is None:
                raise Http404("No promise matches the given translation_of value.")
            queryset = queryset.filter(translation_key=original.translation_key).exclude(
                pk=original.pk
            )
        if self.search:
            # Search the index for ids, then filter: the index cannot filter by agreement.
            hits = get_search_backend().search(
                self.search, Promise.objects.filter(live=True), order_by_relevance=False
            )
            queryset = queryset.filter(pk__in=[hit.pk for hit in hits])
        return order_by(
            queryset,
            self.order,
            PROMISE_ORDERING,
            ("-agreement__period_start", "focus_area", "sort_order"),
        )


@promises_router.get(
    "/",
    response=list[PromiseOut],
    url_name="promises_list",
    summary="List promises",
    operation_id="promises_list",
)
@paginate(WagtailLimitOffsetPagination)
def list_promises(
    request: HttpRequest,
    filters: PromiseFilters = Query(...),  # noqa: B008
    **kwargs: Any,
) -> QuerySet:
    return filters.filter_queryset(promise_queryset(follow_ups=False))


@promises_router.get(
    "/{promise_id}/",
    response=PromiseDetailOut,
    url_name="promises_detail",
    summary="Promise detail, with its follow-ups and the stories about it",
    operation_id="promises_detail",
)
def get_promise(request: HttpRequest, promise_id: Id) -> Promise:
    return get_or_404(promise_queryset(), promise_id, "promise")


class AgreementFilters(Schema):
    year: Year | None = Field(None, description="Agreements in force that year.")
    locale: LanguageCode | None = Field(None, description="Language code.")
    translation_of: Id | None = Field(None, description="Translations of this agreement id.")
    order: AgreementOrder | None = Field(None, description="Default: newest period first.")

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        if self.year:
            queryset = queryset.filter(
                period_start__year__lte=self.year, period_end__year__gte=self.year
            )
        if self.locale:
            queryset = queryset.filter(locale=get_locale_or_400(self.locale))
        if self.translation_of:
            original = PromisePage.objects.filter(pk=self.translation_of).first()
            if original is None:
                raise Http404("No agreement matches the given translation_of value.")
            queryset = queryset.filter(translation_key=original.translation_key).exclude(
                pk=original.pk
            )
        return order_by(queryset, self.order, AGREEMENT_ORDERING, ("-period_start",))


def agreement_queryset() -> QuerySet:
    promises = (
        Promise.objects.live()
        .select_related("locale", "agreement", "agreement__locale")
        .with_last_follow_up()
        .order_by("focus_area", "sort_order", "pk")
    )
    return (
        public_agreements()
        .select_related("locale")
        .prefetch_related(Prefetch("promises", queryset=promises, to_attr="published"))
    )


@agreements_router.get(
    "/",
    response=list[AgreementOut],
    url_name="agreements_list",
    summary="List agreements (one page per year and language)",
    operation_id="agreements_list",
)
@paginate(WagtailLimitOffsetPagination)
def list_agreements(
    request: HttpRequest,
    filters: AgreementFilters = Query(...),  # noqa: B008
    **kwargs: Any,
) -> QuerySet:
    return filters.filter_queryset(agreement_queryset())


@agreements_router.get(
    "/{agreement_id}/",
    response=AgreementDetailOut,
    url_name="agreements_detail",
    summary="Agreement detail, with its promises and their status",
    operation_id="agreements_detail",
)
def get_agreement(request: HttpRequest, agreement_id: Id) -> PromisePage:
    return get_or_404(agreement_queryset(), agreement_id, "agreement")
