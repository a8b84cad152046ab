"""Bad input gets a 400 problem+json with a readable `detail` on every endpoint, never a 500.

Out-of-range numbers once reached PostgreSQL (`offset=2**63` is beyond its bigint: a 500), and
Wagtail's own operations took any search text. Checked with DEBUG off, as in production, and on,
where Wagtail answers unhandled errors itself.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import APIToken

pytestmark = pytest.mark.django_db

LISTS = [
    "pages",
    "images",
    "documents",
    "redirects",
    "promises",
    "agreements",
    "organisations",
    "contacts",
    "locales",
]
BAD_QUERIES = [
    ("offset", str(2**63)),
    ("offset", str(10**30)),
    ("offset", "-1"),
    ("offset", "abc"),
    ("limit", str(2**63)),
    ("limit", str(10**30)),
    ("limit", "0"),
    ("limit", "51"),
    ("search", "x" * 201),
    ("search", "x" * 100_000),
]
BAD_IDS = [str(2**63), str(10**30), "0", "-1", "abc"]


@pytest.fixture(params=[False, True], ids=["production", "debug"])
def api(request, client, settings, django_user_model):
    """A client with a token (locales need one), with DEBUG off and on."""
    settings.DEBUG = request.param
    user = django_user_model.objects.create_superuser("partner", "partner@example.com", "pw")
    token = APIToken.create_token(user=user, name="test")[1]
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    client.raise_request_exception = False  # a 500 is a failed assertion, not an exception
    return client


def assert_bad_request(response, parameter: str) -> None:
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400
    assert problem["detail"].startswith(f"{parameter}: "), problem["detail"]


@pytest.mark.parametrize("kind", LISTS)
def test_out_of_range_and_oversized_query_values(api, kind):
    for name, value in BAD_QUERIES:
        assert_bad_request(api.get(f"/api/v3/{kind}/", {name: value}), name)


@pytest.mark.parametrize("kind", LISTS)
def test_out_of_range_ids(api, kind):
    singular = {"organisations": "organisation", "contacts": "contact"}.get(kind, kind[:-1])
    for value in BAD_IDS:
        assert_bad_request(api.get(f"/api/v3/{kind}/{value}/"), f"{singular}_id")


def test_the_largest_offset_is_an_empty_page(api, world):
    for kind in LISTS:
        response = api.get(f"/api/v3/{kind}/", {"offset": str(2**63 - 1)})
        assert response.status_code == 200, (kind, response.content[:300])
        assert response.json()["items"] == []


def test_a_filter_naming_nothing_is_a_404_as_in_our_routers(client, world):
    for url in ["/api/v3/pages/?child_of=99999999", "/api/v3/promises/?translation_of=99999999"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/problem+json"
        assert "matches the given" in response.json()["detail"]


def test_a_bad_head_is_a_400_too(client):
    response = client.head("/api/v3/pages/?offset=abc")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_a_bad_write_keeps_wagtails_422(api, world):
    response = api.post("/api/v3/pages/", {"meta": {}}, content_type="application/json")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "Validation failed"


def private_attributes(path: Path) -> list[str]:
    """Reads of another object's private attribute (`api._routers`); Django's `_meta` is public."""
    return [
        f"{path.name}:{node.lineno} {node.attr}"
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
        and node.attr != "_meta"
    ]


def test_the_api_wiring_uses_public_interfaces_only():
    # A private attribute of Ninja or Wagtail breaks silently on upgrade (docs/architecture.md).
    base = Path(settings.BASE_DIR)
    modules = ["cms/api.py", "core/api.py", "promises/api.py", "contacts/api.py"]
    assert [found for module in modules for found in private_attributes(base / module)] == []
