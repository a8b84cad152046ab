"""What every API router of the project shares: input types, errors, and read-only fields.

Routers live in their domain apps (promises/api.py, contacts/api.py, news/api.py); the project
package lists them (cms/api.py). This module knows nothing of any domain.
"""

from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import Field, StringConstraints, TypeAdapter
from pydantic import ValidationError as PydanticValidationError
from rest_framework import serializers
from wagtail.api.rich_text import APIRichText
from wagtail.api.utils import get_full_url
from wagtail.api.v3.errors import problem_response
from wagtail.models import Locale
from wagtail.utils.forms import FormValidationError

#: Bigger ids cannot exist in a PostgreSQL bigint column; refuse them before the database does.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
#: PostgreSQL's OFFSET is a bigint too.
Offset = Annotated[int, Field(ge=0, le=MAX_ID)]
Limit = Annotated[int, Field(ge=1, le=settings.WAGTAILAPI_LIMIT_MAX)]

#: PostgreSQL text cannot hold NUL; as a pattern, the OpenAPI document says so too.
NO_NUL = r"^[^\x00]*$"
#: A short free-text query parameter that the database can take.
QueryText = Annotated[str, StringConstraints(max_length=200, pattern=NO_NUL)]
#: Wagtail's `?site=`: a hostname, with `:port` where sites differ by port (a 500 otherwise).
SiteName = Annotated[str, StringConstraints(max_length=255, pattern=r"^[^:\x00]*(:[0-9]{1,5})?$")]

#: `?locale=`: one of the site's content languages, so the document lists them.
LanguageCode = Literal[tuple(code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES)]  # type: ignore[valid-type]

#: Query parameters that every operation taking them must bound, Wagtail's own included:
#: `bounded_reads` refuses values outside them and cms/api.py documents them.
BOUNDED_QUERY = {
    "limit": TypeAdapter(Limit),
    "offset": TypeAdapter(Offset),
    "search": TypeAdapter(QueryText),
    "site": TypeAdapter(SiteName),
}
#: Every path parameter that names a database row (`is_id_parameter`).
ID = TypeAdapter(Id)


def is_id_parameter(name: str) -> bool:
    """A path parameter that names a database row (page_id, promise_id, ...) and so is an `Id`."""
    return name.endswith("_id")


def _describe(error: dict) -> str:
    # ("query", "filters", "status", 0) -> "status.0": name the parameter as the client sent it.
    loc = [str(p) for p in error.get("loc", ()) if p not in ("query", "path", "filters")]
    where = ".".join(loc)
    message = error.get("msg", "invalid value")
    return f"{where}: {message}" if where else message


def validation_problem(request: HttpRequest, exc: Exception) -> HttpResponse:
    """Invalid input as problem+json: 400 on a read, Wagtail's 422 on a write.

    RFC 9110 keeps 422 for a request body that is well-formed but wrong; `limit=-1` or
    `offset=abc` on a GET is simply a bad request, so reads get a 400 with a readable `detail`.
    A read that filters by an object that does not exist (Wagtail's `child_of=<id>`) is a 404,
    as in our own routers. The `errors` list is built as Wagtail's own handler builds it
    (wagtail/api/v3/errors.py).
    """
    if isinstance(exc, FormValidationError):
        errors = [
            {"type": code, "loc": list(path), "msg": message}
            for path, coded_messages in exc.loc_errors
            for message, code in coded_messages
        ]
    elif isinstance(exc, DjangoValidationError):
        errors = [{"msg": message} for message in exc.messages]
    elif isinstance(exc, NinjaValidationError):
        errors = list(exc.errors)
    else:
        errors = [{k: v for k, v in e.items() if k != "input"} for e in exc.errors()]
    if request.method not in ("GET", "HEAD"):
        return problem_response(status=422, detail="Validation failed", errors=errors)
    detail = "; ".join(_describe(e) for e in errors) or "Invalid request"
    missing = errors and all(e.get("type") == "does_not_exist" for e in errors)
    return problem_response(status=404 if missing else 400, detail=detail, errors=errors)


#: The exceptions `validation_problem` answers (register it for each with add_exception_handler).
VALIDATION_ERRORS = (NinjaValidationError, PydanticValidationError, DjangoValidationError)


def _out_of_bounds(request: HttpRequest, path_params: dict) -> list[dict]:
    checks = [
        ("query", name, BOUNDED_QUERY[name], value)
        for name, values in request.GET.lists()
        if name in BOUNDED_QUERY
        for value in values
    ] + [("path", name, ID, value) for name, value in path_params.items() if is_id_parameter(name)]
    errors = []
    for where, name, adapter, value in checks:
        try:
            adapter.validate_python(value)
        except PydanticValidationError as exc:
            errors += [
                {"type": e["type"], "loc": [where, name], "msg": e["msg"]} for e in exc.errors()
            ]
    return errors


def bounded_reads(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A Ninja view decorator: out-of-range ids, offsets and limits, a long search, are a 400.

    Wagtail's operations take `offset`, `search`, `site` and their ids unbounded, and
    PostgreSQL answers an offset beyond a bigint with an error (a 500), as Wagtail's find does
    a `site` with a port that is no number. Checked before Ninja validates anything, on every
    operation, so the rule is the same for Wagtail's routers and ours.
    """

    @wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **path_params: Any) -> HttpResponse:
        if request.method in ("GET", "HEAD"):
            errors = _out_of_bounds(request, path_params)
            if errors:
                return validation_problem(request, NinjaValidationError(errors))
        return run(request, *args, **path_params)

    return wrapper


def get_locale_or_400(language_code: str) -> Locale:
    """The locale for `?locale=`, or a 400 that lists the ones that exist."""
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        codes = ", ".join(Locale.objects.order_by("pk").values_list("language_code", flat=True))
        raise HttpError(400, f"Unknown locale {language_code!r}; available: {codes}.")
    return locale


def per_request(request: HttpRequest, key: Any, compute: Callable[[], Any]) -> Any:
    """`compute()` once per request and key: what every item of one answer shares (a URL)."""
    memo = request.__dict__.setdefault("nytorget_per_request", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


#: An id no object has, put in a reversed URL and swapped for each item's own.
_ID_SLOT = 987654321987


def full_detail_url(request: HttpRequest, url_name: str, pk: int) -> str:
    """get_full_url(request, reverse(url_name, args=[pk])), reversed once per request.

    Resolving a URL name costs about as much as serialising the item it links to.
    """
    template = per_request(
        request,
        ("detail_url", url_name),
        lambda: get_full_url(request, reverse(url_name, args=[_ID_SLOT])),
    )
    return template.replace(str(_ID_SLOT), str(pk))


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
