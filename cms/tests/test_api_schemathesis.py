"""Property-based run against the served OpenAPI document, with every Schemathesis check.

Schemathesis generates requests for every documented read (GET) operation from
/api/v3/openapi.json (path ids, filters, pagination, free text; valid and invalid; the
boundary values of the coverage phase) and sends them to the WSGI application, on PostgreSQL
with the shared test content. Every response must conform to the document: its status code,
content type, headers and body schema; no server error; valid input accepted, invalid input
refused; a token-only operation refuses a request without a valid token (a superuser's token
is configured for the operations that take one). Deterministic and bounded, to stay fast.

Wagtail's snippet operations are not in the document (cms/api.py says why), so not here either.
"""

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import APIToken, Site
from wagtail_factories import DocumentFactory, ImageFactory

from tests.world import build_world

TOKEN = APIToken.generate_token()

CONFIG = schemathesis.Config.from_dict(
    {
        "seed": 8,
        # `--checks all`: every built-in check, each at its default strictness.
        "checks": {"enabled": True},
        "generation": {"mode": "all", "deterministic": True, "max-examples": 6},
        "auth": {"openapi": {"BearerTokenAuth": {"bearer": TOKEN}}},
        # Methods the document does not list, sent to each path. OPTIONS is left out: core/http.py
        # answers every OPTIONS under /api/ itself (the CORS preflight) with `Allow: GET, HEAD,
        # OPTIONS`, the methods open cross-origin, where the document also lists token writes.
        "phases": {"coverage": {"unexpected-methods": ["put", "post", "delete", "patch", "trace"]}},
    }
)

# Loaded from the running application at collection (the document needs no database).
# Schemathesis' lazy fixture loader does not work with pytest 9, hence module level.
schema = schemathesis.openapi.from_wsgi(
    "/api/v3/openapi.json", WSGIHandler(), config=CONFIG
).include(method="GET")


@pytest.fixture(scope="module")
def served_world(django_db_setup, django_db_blocker):
    """The shared test content, an image, a document, a redirect and a partner's token.

    Built once for all operations.

    Each test still runs in its own transaction (a savepoint of this one); this outer one is
    rolled back at the end, so nothing is left behind.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        site = Site.objects.get(is_default_site=True)
        build_world(site.root_page.specific)
        # Something for Wagtail's lists of images, documents and redirects to send, too.
        ImageFactory()
        DocumentFactory()
        Redirect.objects.create(
            site=site, old_path="/gammal-sida", redirect_link="https://example.org/"
        )
        user = get_user_model().objects.create_superuser("partner", "partner@example.com", "pw")
        APIToken.objects.create(
            user=user, name="schemathesis", key_hash=APIToken.hash_token(TOKEN), prefix=TOKEN[:12]
        )
        # As Django's test client does: keep the transaction (and its data) open across
        # requests instead of closing the connection at the end of each one.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        yield
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        transaction.set_rollback(True)


def keep_wagtail_rules(case) -> None:
    """Make a valid request keep the rules between Wagtail's list parameters.

    OpenAPI cannot state them, so the document states them in the parameters' descriptions
    (cms/api.py: PARAMETER_RULES, ORDER_RULES) and valid requests are made to keep them here.
    Every check still runs on every request; invalid requests are left as generated.
    """
    query = case.query
    if not query or case.meta is None or not case.meta.generation.mode.is_positive:
        return
    order = query.get("order")
    random_page = order in ("random", ["random"]) and query.get("offset") not in (None, 0, "0")
    drop = {"descendant_of"} if "child_of" in query else set()
    if order and ("search" in query or random_page):
        drop.add("order")
    if drop & set(query):
        case.query = {name: value for name, value in query.items() if name not in drop}


@schema.parametrize()
@hypothesis_settings(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_keeps_its_contract(case, served_world, db):
    keep_wagtail_rules(case)
    # Schemathesis' WSGI transport asks for gzip but does not unpack it, as HTTP clients do;
    # compression is tested on its own (cms/tests/test_transfer.py).
    case.call_and_validate(headers={"Accept-Encoding": "identity"})
