"""Wiring of the project's routers into Wagtail's API v3 (`wagtail.api.v3.api.api`).

Upstream has no registration API yet: routers are added to the shared NinjaAPI instance from
`AppConfig.ready()`, before `api.urls` is first read by the URLconf. Tests cover that they are
served.
"""

from typing import Annotated

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import AfterValidator, Field, StringConstraints
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.errors import ProblemDetail, problem_response
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
    from ninja.errors import HttpError

    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        codes = ", ".join(Locale.objects.order_by("pk").values_list("language_code", flat=True))
        raise HttpError(400, f"Unknown locale {language_code!r}; available: {codes}.")
    return locale


def _describe(error: dict) -> str:
    # ("query", "filters", "status", 0) -> "status.0": name the parameter as the client sent it.
    loc = [str(p) for p in error.get("loc", ()) if p not in ("query", "path", "filters")]
    where = ".".join(loc)
    message = error.get("msg", "invalid value")
    return f"{where}: {message}" if where else message


def use_400_for_bad_reads(api: NinjaAPI) -> None:
    """A bad query string or path on a read is a 400 with a readable message.

    Wagtail answers every validation error with 422, which RFC 9110 keeps for a request body
    that is well-formed but wrong; `limit=-1` or `offset=abc` on a GET is simply a bad
    request. Writes keep Wagtail's 422.
    """
    for exc_class in (NinjaValidationError, PydanticValidationError, DjangoValidationError):
        original = api._exception_handlers[exc_class]

        def handler(request: HttpRequest, exc: Exception, original=original) -> HttpResponse:
            response = original(request, exc)
            if request.method not in ("GET", "HEAD") or response.status_code != 422:
                return response
            if isinstance(exc, NinjaValidationError):
                errors = list(exc.errors)
            elif isinstance(exc, PydanticValidationError):
                errors = [{k: v for k, v in e.items() if k != "input"} for e in exc.errors()]
            else:
                errors = [{"msg": m} for m in exc.messages]
            return problem_response(
                status=400,
                detail="; ".join(_describe(e) for e in errors) or "Invalid request",
                errors=errors,
            )

        api.add_exception_handler(exc_class, handler)


def register_site_routers() -> None:
    """Bring back what wagtail_localize.locales drops, and apply the project's error policy."""
    from wagtail.api.v3.api import api
    from wagtail.locales.api.v3 import router as locales_router

    api.title = "Nytorget API"
    api.description = (
        "Pages, medborgarlöften (promises and agreements), organisations and contact people. "
        "Reads are anonymous; see docs/api.md. Built on Wagtail API v3 (a preview upstream)."
    )
    # wagtail_localize.locales replaces wagtail.locales, whose ready() registers this router.
    if not any(prefix == "/locales/" for prefix, _ in api._routers):
        api.add_router("/locales/", locales_router)
    use_400_for_bad_reads(api)
