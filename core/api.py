"""What every API router of the project shares: input types, errors, and read-only fields.

Routers live in their domain apps (promises/api.py, contacts/api.py, news/api.py); the project
package lists them (cms/api.py). This module knows nothing of any domain.
"""

from typing import Annotated, Any
from urllib.parse import urlsplit

from django.http import Http404
from ninja.errors import HttpError
from pydantic import AfterValidator, Field, StringConstraints
from rest_framework import serializers
from wagtail.api.rich_text import APIRichText
from wagtail.api.v3.errors import ProblemDetail
from wagtail.models import Locale

#: Documented error answers, so the OpenAPI document says what a bad request gets.
ERROR_RESPONSES = {400: ProblemDetail, 404: ProblemDetail}

#: Bigger ids cannot exist in a PostgreSQL bigint column; refuse them before the database does.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


def _no_nul(value: str) -> str:
    # PostgreSQL text cannot hold NUL: without this check such a value is a 500.
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


#: A short free-text query parameter that the database can take.
QueryText = Annotated[str, StringConstraints(max_length=200), AfterValidator(_no_nul)]


def get_locale_or_400(language_code: str) -> Locale:
    """The locale for `?locale=`, or a 400 that lists the ones that exist."""
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        codes = ", ".join(Locale.objects.order_by("pk").values_list("language_code", flat=True))
        raise HttpError(400, f"Unknown locale {language_code!r}; available: {codes}.")
    return locale


def get_or_404(queryset, pk: int, what: str):
    """One object of `queryset`, or a problem+json 404 that names what was looked for."""
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise Http404(f"No {what} matches the given id.")
    return obj


def html(value: str | None) -> str | None:
    """Rich text as display HTML (WAGTAILAPI_RICH_TEXT_FORMAT), as the pages API does."""
    if value is None:
        return None
    return APIRichText.serialize(value, format=APIRichText.get_default_format())


class WholeObjectField(serializers.Field):
    """A read-only `api_fields` serializer that is handed the whole page, like `source="*"`.

    API v3 types an `APIField(serializer=...)` from `to_representation`'s return annotation,
    so that annotation is what the OpenAPI document shows.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)


def site_base_url(page: Any) -> str:
    """Scheme and host of the site a page belongs to, for absolute API links without a request."""
    if page is None:
        return ""
    parts = urlsplit(page.get_full_url() or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
