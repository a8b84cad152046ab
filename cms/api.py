"""The project's API: Wagtail's API v3 with the domain apps' routers added, and its contract kept.

Upstream has no registration API yet: routers are added to the shared NinjaAPI instance from
`CmsConfig.ready()`, before `api.urls` is first read by the URLconf. Tests cover that they are
served. The routers themselves live with their models (promises/api.py, contacts/api.py).
Everything here goes through Ninja's public interface: `add_router`, `add_exception_handler`,
`add_decorator` and `get_openapi_schema`.
"""

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.responses import NinjaJSONEncoder
from wagtail.api.v3.api import api
from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail
from wagtail.api.v3.routers.pages import router as pages_router
from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
from wagtail.api.validators import OrderingValidator, SiteFilterValidator
from wagtail.contrib.redirects.api.v3.router import BASE_REDIRECT_READ_FIELDS
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.locales.api.v3 import router as locales_router
from wagtail.models import Locale, Page

from contacts.api import contacts_router, organisations_router
from core.api import (
    BOUNDED_QUERY,
    ID,
    NO_NUL,
    VALIDATION_ERRORS,
    bounded_reads,
    is_id_parameter,
    validation_problem,
)
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

#: Wagtail's find operations answer with a redirect to the object's detail, not the object.
REDIRECTING_OPERATIONS = {"pages_find", "redirects_find"}

#: Wagtail's lists whose `order` must name a field of the model (`OrderingValidator`), with the
#: fields every item of the kind has: its routers' BASE_*_READ_FIELDS. The images' and
#: documents' routers cannot be imported before their apps are ready, so theirs are written
#: out; cms/tests/test_api_contract.py holds them equal to Wagtail's.
ORDERED_LISTS = {
    "pages_list": (Page, BASE_PAGE_READ_FIELDS),
    "images_list": (get_image_model(), ["id", "title", "width", "height"]),
    "documents_list": (get_document_model(), ["id", "title"]),
    "redirects_list": (Redirect, BASE_REDIRECT_READ_FIELDS),
}
ORDER_RULES = (
    "A field, with `-` first to reverse; on pages, also the fields of the one `type` asked for. "
    "`random` only alone and without `offset`; while searching, only the fields the search "
    "index can sort by."
)
#: Rules between Wagtail's parameters that OpenAPI cannot state, so the descriptions do.
PARAMETER_RULES = {
    ("pages_list", "child_of"): "Not together with `descendant_of`.",
    ("pages_list", "descendant_of"): "Not together with `child_of`.",
}


def page_at_served_path(request: HttpRequest, html_path: str) -> Page | None:
    """The page the site serves at `html_path` when it starts with a language: /sv/..., /en/...

    As Wagtail's own serve view does under i18n_patterns: route the rest of the path from the
    translation of the site's root page in that language.
    """
    language, _, rest = html_path.strip("/").partition("/")
    locale = Locale.objects.filter(language_code=language).first()
    try:
        site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
        root = site.root_page.get_translation_or_none(locale) if site and locale else None
        if root is None:
            return None
        page, _, _ = root.specific.route(request, [part for part in rest.split("/") if part])
    except (Http404, ValueError):
        return None
    return page


def find_served_paths(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A view decorator for Wagtail's pages router: `pages/find` takes the paths the site serves.

    Wagtail's find routes `html_path` from the site's root page, so `/sv/nyheter/...` (every
    path the site serves carries its language) is a 404. A path with a language prefix is
    resolved here and handed on to Wagtail's find as `id`: Wagtail still checks that the
    caller may see the page and answers with its usual redirect to the page's detail.
    """

    @wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        html_path = request.GET.get("html_path")
        if request.resolver_match.view_name == "wagtailapi_v3:find_page" and html_path:
            page = page_at_served_path(request, html_path)
            if page is not None:
                query = request.GET.copy()
                query.pop("html_path")
                query["id"] = str(page.pk)
                request.GET = query
        return run(request, *args, **kwargs)

    return wrapper


def _problem(description: str) -> dict:
    schema = {"$ref": "#/components/schemas/ProblemDetail"}
    return {"description": description, "content": {PROBLEM_JSON: {"schema": schema}}}


def _forbid_nul(schema: Any) -> None:
    # Free strings only: an enum, a format or a pattern already says what may be sent.
    if isinstance(schema, list):
        for item in schema:
            _forbid_nul(item)
    elif isinstance(schema, dict):
        if schema.get("type") == "string" and not {"enum", "const", "format", "pattern"} & set(
            schema
        ):
            schema["pattern"] = NO_NUL
        for value in schema.values():
            _forbid_nul(value)


def _order(parameter: dict, model: type, base_fields: list[str]) -> None:
    fields = OrderingValidator(
        model=model, fields=[], base_fields=list(base_fields), db_fields_only=True
    ).allowed_fields
    parameter["description"] = ORDER_RULES
    parameter["schema"] = {
        "anyOf": [
            {"const": "random", "type": "string"},
            {"items": {"enum": sorted(fields - {"random"}), "type": "string"}, "type": "array"},
        ],
        "default": [],
        "title": "Order",
    }


def _describe_parameters(operation: dict) -> None:
    for parameter in operation.get("parameters", []):
        key = (operation["operationId"], parameter["name"])
        if parameter["name"] == "order" and key[0] in ORDERED_LISTS:
            _order(parameter, *ORDERED_LISTS[key[0]])
        else:
            _bound(parameter)
        if key in PARAMETER_RULES:
            parameter["description"] = PARAMETER_RULES[key]


def _bound(parameter: dict) -> None:
    if parameter["in"] == "query" and parameter["name"] in BOUNDED_QUERY:
        bound = BOUNDED_QUERY[parameter["name"]]
    elif parameter["in"] == "path" and is_id_parameter(parameter["name"]):
        bound = ID
    else:
        _forbid_nul(parameter["schema"])
        return
    kept = {
        k: v for k, v in parameter["schema"].items() if k in ("default", "description", "title")
    }
    parameter["schema"] = bound.json_schema() | kept


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"].rsplit("/", 1)[-1]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(_refs(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(item) for item in node))
    return set()


def _drop_unreferenced_schemas(document: dict) -> None:
    schemas = document["components"]["schemas"]
    reachable, todo = set(), _refs(document["paths"])
    while todo:
        name = todo.pop()
        reachable.add(name)
        todo |= _refs(schemas.get(name)) - reachable
    for name in set(schemas) - reachable:
        del schemas[name]


def _correct_operation(method: str, operation: dict) -> None:
    _describe_parameters(operation)
    security = operation.get("security")
    if security:
        operation["security"] = [{} if s == {"AllowAnonymous": []} else s for s in security]
    responses = operation["responses"]
    if operation["operationId"] in REDIRECTING_OPERATIONS:
        del responses["200"]
        responses["302"] = {
            "description": "Found: `Location` is the detail URL of what matched.",
            "headers": {"Location": {"schema": {"type": "string"}}},
        }
    errors = {"400": "Bad Request: a parameter is invalid", "404": "Not Found"}
    if security and {} not in operation["security"]:
        errors |= {"401": "No valid token", "403": "The token's user may not do this"}
    if method != "get":
        errors["422"] = "The request body is invalid"
    for status, description in errors.items():
        responses.setdefault(status, _problem(description))


def _callable(operation: dict) -> bool:
    path_parameters = [p for p in operation.get("parameters", []) if p["in"] == "path"]
    return all(p["schema"].get("const") != "" for p in path_parameters)


def correct_openapi_document(document: dict) -> dict:
    """Make the generated OpenAPI document say what the API does (served and exported alike).

    What Ninja generates from Wagtail's routers (and ours) gets wrong or leaves out:
    - `AllowAnonymous` is no HTTP auth scheme: an anonymous read is the empty requirement `{}`;
    - an operation whose path parameter can only be "" cannot be called: Wagtail's snippets
      router when no snippet model has `api_fields` (none has: promises and contacts have
      routers of their own), so it is left out;
    - the bounds that `core.api.bounded_reads` enforces, that no string may hold NUL, and the
      `order` values Wagtail accepts;
    - errors are problem+json: 400 and 404 on every operation, 401 and 403 where a token is
      needed, 422 on writes;
    - Wagtail's find operations answer 302 with the detail URL, not the object.
    """
    # Plain JSON from here on: status codes become strings, as in the served document.
    document = json.loads(json.dumps(document, cls=NinjaJSONEncoder))
    components = document["components"]
    components["schemas"]["ProblemDetail"] = ProblemDetail.model_json_schema(mode="serialization")
    components.get("securitySchemes", {}).pop("AllowAnonymous", None)
    for path, operations in list(document["paths"].items()):
        for method, operation in list(operations.items()):
            if _callable(operation):
                _correct_operation(method, operation)
            else:
                del operations[method]
        if not operations:
            del document["paths"][path]
    _drop_unreferenced_schemas(document)
    return document


def publish_corrected_document(api: NinjaAPI) -> None:
    """Serve and export `correct_openapi_document`'s version of the document.

    Ninja's way to change the document is to override `get_openapi_schema`, which both
    /openapi.json and `manage.py export_openapi_schema` call. Wagtail owns the NinjaAPI
    instance, so the override is made on the instance rather than in a subclass.
    """
    generate = api.get_openapi_schema

    @wraps(generate)
    def get_openapi_schema(**kwargs: Any) -> dict:
        return correct_openapi_document(generate(**kwargs))

    api.get_openapi_schema = get_openapi_schema


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
    pages_router.add_decorator(find_served_paths, mode="view")
    publish_corrected_document(api)
    api.nytorget_routers_added = True
