"""Contract test: the served OpenAPI document is the committed docs/openapi.json.

API v3 is a preview upstream and our own routers are registered by hand, so any change to what
partners see must show up as a reviewed diff of docs/openapi.json (`make openapi`).
"""

import json
from pathlib import Path

import pytest
from django.conf import settings

COMMITTED = Path(settings.BASE_DIR) / "docs" / "openapi.json"

pytestmark = pytest.mark.django_db


def test_served_schema_matches_the_committed_document(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    served = response.json()
    committed = json.loads(COMMITTED.read_text())
    assert served == committed, (
        "The served OpenAPI document differs from docs/openapi.json. If the change is intended, "
        "run `make openapi` and commit the result."
    )


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
def test_project_routers_are_registered_and_documented(path):
    document = json.loads(COMMITTED.read_text())
    assert "get" in document["paths"][path]


def test_article_fields_are_documented():
    schemas = json.loads(COMMITTED.read_text())["components"]["schemas"]
    fields = schemas["NewsArticlePageSchema"]["properties"]
    for name in ("lead", "body", "last_published_at", "topics", "contacts", "followed_promises"):
        assert name in fields


def test_every_page_type_declares_api_fields():
    from wagtail.models import Page, get_page_models

    missing = [
        model._meta.label
        for model in get_page_models()
        if model is not Page and not getattr(model, "api_fields", None)
    ]
    assert missing == []
