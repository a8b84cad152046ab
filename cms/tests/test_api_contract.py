"""Contract tests: the served OpenAPI document is valid, committed, and says what the API sends.

API v3 is a preview upstream and our own routers are registered by hand, so any change to what
partners see must show up as a reviewed diff of docs/openapi.json (`make openapi`).
"""

import json
from collections import defaultdict
from pathlib import Path

import pytest
from django.conf import settings
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate
from pydantic import BaseModel
from wagtail.api.validators import OrderingValidator
from wagtail.documents.api.v3.router import BASE_DOCUMENT_READ_FIELDS
from wagtail.images.api.v3.router import BASE_IMAGE_READ_FIELDS
from wagtail.models import Page, get_page_models
from wagtail_factories import DocumentFactory, ImageFactory

from cms.api import ORDERED_LISTS

COMMITTED = Path(settings.BASE_DIR) / "docs" / "openapi.json"

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client) -> dict:
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


def operations(document: dict):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_served_schema_matches_the_committed_document(document):
    committed = json.loads(COMMITTED.read_text())
    assert document == committed, (
        "The served OpenAPI document differs from docs/openapi.json. If the change is intended, "
        "run `make openapi` and commit the result."
    )


def test_served_schema_is_a_valid_openapi_document(document):
    validate(document)  # raises with the first error: a scheme missing, a bad $ref, ...


def test_anonymous_reads_are_the_empty_security_requirement(document):
    assert set(document["components"]["securitySchemes"]) == {"BearerTokenAuth"}
    pages_list = document["paths"]["/api/v3/pages/"]["get"]
    assert pages_list["security"] == [{"BearerTokenAuth": []}, {}]


def test_every_path_parameter_can_be_sent(document):
    # A parameter that can only be "" makes an operation no request can reach.
    for path, method, operation in operations(document):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path":
                assert parameter["schema"].get("const") != "", (method, path, parameter["name"])


@pytest.mark.parametrize(
    "path",
    [
        "/api/v3/pages/",
        "/api/v3/images/",
        "/api/v3/documents/",
        "/api/v3/promises/",
        "/api/v3/promises/{promise_id}/",
        "/api/v3/agreements/",
        "/api/v3/agreements/{agreement_id}/",
        "/api/v3/organisations/",
        "/api/v3/contacts/",
        "/api/v3/locales/",
    ],
)
def test_project_routers_are_registered_and_documented(document, path):
    assert "get" in document["paths"][path]


def test_every_operation_documents_its_problem_answers(document):
    for path, method, operation in operations(document):
        expected = {"400", "404"}
        if {} not in operation.get("security", [{}]):
            expected |= {"401", "403"}
        if method != "get":
            expected.add("422")
        for status in expected:
            answer = operation["responses"].get(status)
            assert answer, f"{method.upper()} {path} does not document {status}"
            assert answer["content"] == {
                "application/problem+json": {
                    "schema": {"$ref": "#/components/schemas/ProblemDetail"}
                }
            }, f"{method.upper()} {path} {status}"


def test_find_operations_document_their_redirect(document):
    for path in ("/api/v3/pages/find/", "/api/v3/redirects/find/"):
        responses = document["paths"][path]["get"]["responses"]
        assert "302" in responses and "200" not in responses


def test_bounds_are_documented_on_wagtails_operations_too(document):
    parameters = {
        p["name"]: p["schema"] for p in document["paths"]["/api/v3/pages/"]["get"]["parameters"]
    }
    assert parameters["offset"]["maximum"] == 2**63 - 1
    assert parameters["limit"]["maximum"] == settings.WAGTAILAPI_LIMIT_MAX
    assert parameters["search"]["maxLength"] == 200
    detail = document["paths"]["/api/v3/pages/{page_id}/"]["get"]["parameters"][0]
    assert (detail["name"], detail["schema"]["minimum"]) == ("page_id", 1)


def test_ordered_lists_name_wagtails_own_fields():
    # cms/api.py writes out the fields of the routers it cannot import early.
    assert ORDERED_LISTS["images_list"][1] == BASE_IMAGE_READ_FIELDS
    assert ORDERED_LISTS["documents_list"][1] == BASE_DOCUMENT_READ_FIELDS


def test_order_values_are_the_ones_wagtail_accepts(document, client):
    model, fields = ORDERED_LISTS["pages_list"]
    parameters = document["paths"]["/api/v3/pages/"]["get"]["parameters"]
    (order,) = [p for p in parameters if p["name"] == "order"]
    values = order["schema"]["anyOf"][1]["items"]["enum"]
    accepted = OrderingValidator(model=model, fields=[], base_fields=fields, db_fields_only=True)
    assert set(values) == accepted.allowed_fields - {"random"}
    for value in values:
        assert client.get(f"/api/v3/pages/?order={value}").status_code == 200, value


def pydantic_classes_by_name() -> dict[str, set[type]]:
    """Every loaded pydantic model class, by class name: the name Ninja gives its component."""
    by_name, todo = defaultdict(set), [BaseModel]
    while todo:
        for subclass in todo.pop().__subclasses__():
            by_name[subclass.__name__].add(subclass)
            todo.append(subclass)
    return by_name


#: Wagtail's own classes that share a name (a static base class and the schema generated from it,
#: of slightly different shapes). Not ours to rename: what the operations send is checked
#: against the document below, for every page type, an image and a document.
WAGTAIL_NAME_CLASHES = {"PageSchema", "PageMetaSchema", "ImageSchema", "DocumentSchema"}


def test_no_two_schema_classes_share_a_component_name(document):
    # Ninja files every schema under its class name: of two classes with one name, the document
    # keeps one and every reference to the other describes the wrong object.
    by_name = pydantic_classes_by_name()
    shared = {}
    for name in document["components"]["schemas"]:
        shapes = {
            json.dumps(
                cls.model_json_schema(mode="serialization"), sort_keys=True, default=str
            ): cls
            for cls in by_name.get(name, ())
        }
        modules = sorted(f"{c.__module__}.{c.__qualname__}" for c in shapes.values())
        if len(shapes) > 1 and not (
            name in WAGTAIL_NAME_CLASHES
            and all(m.startswith(("wagtail.", "abc.")) for m in modules)
        ):
            shared[name] = modules
    assert shared == {}


def validator_for(document: dict, operation: dict, status: str = "200") -> OAS31Validator:
    schema = operation["responses"][status]["content"]["application/json"]["schema"]
    return OAS31Validator({**schema, "components": document["components"]})


def assert_sent_as_documented(client, document: dict, path: str, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, url
    errors = [
        e.message
        for e in validator_for(document, document["paths"][path]["get"]).iter_errors(
            response.json()
        )
    ]
    assert errors == [], (url, errors)
    return response.json()


def test_every_page_of_the_world_is_sent_as_documented(client, world, document):
    pages = assert_sent_as_documented(client, document, "/api/v3/pages/", "/api/v3/pages/?limit=50")
    types = {item["meta"]["type"] for item in pages["items"]}
    assert {"news.NewsArticlePage", "promises.PromisePage", "home.HomePage"} <= types
    for item in pages["items"]:
        assert_sent_as_documented(
            client, document, "/api/v3/pages/{page_id}/", f"/api/v3/pages/{item['id']}/"
        )


def test_images_and_documents_are_sent_as_documented(client, document):
    image, file = ImageFactory(), DocumentFactory()
    for kind, obj in (("images", image), ("documents", file)):
        listed = assert_sent_as_documented(client, document, f"/api/v3/{kind}/", f"/api/v3/{kind}/")
        assert listed["count"] == 1
        path = f"/api/v3/{kind}/{{{kind[:-1]}_id}}/"
        assert_sent_as_documented(client, document, path, f"/api/v3/{kind}/{obj.pk}/")


@pytest.mark.parametrize(
    ("page", "field", "schema"),
    [
        ("story", "followed_promises", "NewsArticlePageSchema"),
        ("agreement", "promises", "PromisePageSchema"),
    ],
)
def test_promise_fields_of_pages_are_documented_as_sent(
    client, world, document, page, field, schema
):
    sent = client.get(f"/api/v3/pages/{getattr(world, page).pk}/").json()[field]
    assert sent, f"the world's {page} has no {field}"
    components = document["components"]["schemas"]
    ref = components[schema]["properties"][field]["anyOf"][0]["items"]["$ref"]
    documented = components[ref.rsplit("/", 1)[-1]]
    for item in sent:
        assert set(item) == set(documented["properties"])
        assert set(documented["required"]) <= set(item)


def test_article_fields_are_documented(document):
    fields = document["components"]["schemas"]["NewsArticlePageSchema"]["properties"]
    for name in ("lead", "body", "last_published_at", "topics", "contacts", "followed_promises"):
        assert name in fields


def test_every_page_type_declares_api_fields():
    missing = [
        model._meta.label
        for model in get_page_models()
        if model is not Page and not getattr(model, "api_fields", None)
    ]
    assert missing == []
