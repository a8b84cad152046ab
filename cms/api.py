"""The project's API: Wagtail's API v3 with the domain apps' routers added to it.

Upstream has no registration API yet: routers are added to the shared NinjaAPI instance from
`CmsConfig.ready()`, before `api.urls` is first read by the URLconf. Tests cover that they are
served. The routers themselves live with their models (promises/api.py, contacts/api.py).
The error policy goes through Ninja's public `add_exception_handler` and `add_decorator`.
"""

from wagtail.api.v3.api import api
from wagtail.locales.api.v3 import router as locales_router

from contacts.api import contacts_router, organisations_router
from core.api import VALIDATION_ERRORS, bounded_reads, validation_problem
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
    for exc_class in VALIDATION_ERRORS:
        api.add_exception_handler(exc_class, validation_problem)
    api.add_decorator(bounded_reads, mode="view")
    api.nytorget_routers_added = True
