"""Anonymous read API for organisations and contact people: `/api/v3/organisations/`, `/contacts/`.

Only active contact people are ever listed or found; an inactive one is a plain 404.
"""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field
from wagtail.api.utils import get_full_url
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from core.api import Id, LanguageCode, QueryText, get_locale_or_400

from .models import ContactPerson, Organisation

organisations_router = Router(tags=["contacts"])
contacts_router = Router(tags=["contacts"])


class ContactMetaOut(Schema):
    type: str
    locale: str
    detail_url: str


class OrganisationRefOut(Schema):
    id: int
    name: str
    detail_url: str


class OrganisationOut(Schema):
    id: int
    meta: ContactMetaOut
    name: str
    visiting_address: str
    postal_address: str
    switchboard: str
    email: str
    opening_hours: str
    website: str

    @staticmethod
    def resolve_meta(obj: Organisation, context: dict) -> dict:
        return meta(obj, "wagtailapi_v3:organisations_detail", context["request"])


class ContactPersonOut(Schema):
    id: int
    meta: ContactMetaOut
    name: str
    role_title: str
    phone: str
    email: str
    organisation: OrganisationRefOut | None

    @staticmethod
    def resolve_meta(obj: ContactPerson, context: dict) -> dict:
        return meta(obj, "wagtailapi_v3:contacts_detail", context["request"])

    @staticmethod
    def resolve_organisation(obj: ContactPerson, context: dict) -> dict | None:
        if obj.organisation is None:
            return None
        return {
            "id": obj.organisation.pk,
            "name": obj.organisation.name,
            "detail_url": meta(
                obj.organisation, "wagtailapi_v3:organisations_detail", context["request"]
            )["detail_url"],
        }


def meta(obj: Organisation | ContactPerson, url_name: str, request: HttpRequest) -> dict:
    return {
        "type": obj._meta.label,
        "locale": obj.locale.language_code,
        "detail_url": get_full_url(request, reverse(url_name, args=[obj.pk])),
    }


class ContactFilters(Schema):
    locale: LanguageCode | None = Field(None, description="Language code.")
    search: QueryText | None = Field(None, description="Part of the name, any case.")

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        if self.locale:
            queryset = queryset.filter(locale=get_locale_or_400(self.locale))
        if self.search:
            queryset = queryset.filter(name__icontains=self.search)
        return queryset.order_by("name", "pk")


class ContactPersonFilters(ContactFilters):
    organisation: Id | None = Field(None, description="Id of an organisation.")

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        if self.organisation:
            queryset = queryset.filter(organisation_id=self.organisation)
        return super().filter_queryset(queryset)


def organisations() -> QuerySet:
    return Organisation.objects.select_related("locale")


def active_people() -> QuerySet:
    return ContactPerson.objects.active().select_related("locale", "organisation")


@organisations_router.get(
    "/",
    response=list[OrganisationOut],
    url_name="organisations_list",
    summary="List organisations",
    operation_id="organisations_list",
)
@paginate(WagtailLimitOffsetPagination)
def list_organisations(
    request: HttpRequest,
    filters: ContactFilters = Query(...),  # noqa: B008
    **kwargs: Any,
) -> QuerySet:
    return filters.filter_queryset(organisations())


@organisations_router.get(
    "/{organisation_id}/",
    response=OrganisationOut,
    url_name="organisations_detail",
    summary="Organisation detail",
    operation_id="organisations_detail",
)
def get_organisation(request: HttpRequest, organisation_id: Id) -> Organisation:
    organisation = organisations().filter(pk=organisation_id).first()
    if organisation is None:
        raise Http404("No organisation matches the given id.")
    return organisation


@contacts_router.get(
    "/",
    response=list[ContactPersonOut],
    url_name="contacts_list",
    summary="List active contact people",
    operation_id="contacts_list",
)
@paginate(WagtailLimitOffsetPagination)
def list_contacts(
    request: HttpRequest,
    filters: ContactPersonFilters = Query(...),  # noqa: B008
    **kwargs: Any,
) -> QuerySet:
    return filters.filter_queryset(active_people())


@contacts_router.get(
    "/{contact_id}/",
    response=ContactPersonOut,
    url_name="contacts_detail",
    summary="Active contact person detail",
    operation_id="contacts_detail",
)
def get_contact(request: HttpRequest, contact_id: Id) -> ContactPerson:
    person = active_people().filter(pk=contact_id).first()
    if person is None:
        raise Http404("No active contact person matches the given id.")
    return person
