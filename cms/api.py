"""The project's API: Wagtail's API v3 with the domain apps' routers added to it.

Upstream has no registration API yet: routers are added to the shared NinjaAPI instance from
`CmsConfig.ready()`, before `api.urls` is first read by the URLconf. Tests cover that they are
served. The routers themselves live with their models (promises/api.py, contacts/api.py).
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.api import api
from wagtail.api.v3.errors import problem_response
from wagtail.locales.api.v3 import router as locales_router

from contacts.api import contacts_router, organisations_router
from promises.api import agreements_router, promises_router

#: Every router the project adds, by path prefix under /api/v3/.
ROUTERS = [
    ("/promises/", promises_router),
    ("/agreements/", agreements_router),
    ("/organisations/", organisations_router),
    ("/contacts/", contacts_router),
    # wagtail_localize.locales replaces wagtail.locales, whose ready() registers this router.
    ("/locales/", locales_router),
]


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


def register_routers() -> None:
    """Add the project's routers and error policy to Wagtail's API instance (once)."""
    if getattr(api, "nytorget_routers_added", False):
        return
    api.title = "Nytorget API"
    api.description = (
        "Pages, medborgarlöften (promises and agreements), organisations and contact people. "
        "Reads are anonymous; see docs/api.md. Built on Wagtail API v3 (a preview upstream)."
    )
    for prefix, router in ROUTERS:
        api.add_router(prefix, router)
    use_400_for_bad_reads(api)
    api.nytorget_routers_added = True
