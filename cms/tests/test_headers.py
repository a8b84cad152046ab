"""Security headers: CSP on every page and the admin, Permissions-Policy, and, with production
settings, HSTS, secure cookies and a clean `check --deploy`."""

import json
import os
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection
from selenium.webdriver.common.by import By

from promises.views import EMBED_CSP

PUBLIC_PAGES = [
    "/sv/",
    "/sv/nyheter/",
    "/sv/nyheter/nastan-alla-loften-uppfyllda/",
    "/sv/medborgarloften-2021/",
    "/sv/medborgarloften-2021/trygghetsvandringar/",
    "/sv/sok/?q=trygghet",
    "/sv/finns-inte/",
    "/api/v3/docs/",
]
UNSAFE = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "http:", "https:", "data:"}


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def sources(directives: dict[str, list[str]], name: str) -> set[str]:
    """The sources a browser applies for `name`: its own, or default-src's when it has none."""
    return set(directives.get(name, directives["default-src"]))


@pytest.mark.django_db
def test_public_pages_allow_no_inline_script_or_style(client, world, settings):
    settings.PAGE_CACHE_ENABLED = True  # a page served from the cache carries the policy too
    for path in PUBLIC_PAGES + PUBLIC_PAGES:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        directives = policy(response)
        assert sources(directives, "script-src") & UNSAFE == set(), path
        assert sources(directives, "style-src") & UNSAFE == set(), path
        assert sources(directives, "default-src") == {"'self'"}
        assert sources(directives, "img-src") == {"'self'", "data:"}
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'self'"]
        assert directives["base-uri"] == ["'self'"]
        assert directives["form-action"] == ["'self'"]
    assert client.get("/sv/").get("X-Page-Cache") == "hit"


@pytest.mark.django_db
def test_admin_has_its_own_policy_with_nothing_from_other_origins(editor_client, world):
    for path in ["/admin/", f"/admin/pages/{world.story.pk}/edit/", "/django-admin/"]:
        response = editor_client.get(path)
        assert response.status_code == 200, path
        directives = policy(response)
        # Wagtail 8's admin writes inline scripts and styles: allowed there, and only there.
        assert sources(directives, "script-src") == {"'self'", "'unsafe-inline'"}
        assert sources(directives, "style-src") == {"'self'", "'unsafe-inline'"}
        assert sources(directives, "connect-src") == {"'self'"}
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'self'"]


@pytest.mark.django_db
def test_embeds_keep_their_framable_policy(client, world):
    for path in [
        f"/embed/agreements/{world.agreement.pk}/",
        f"/embed/promises/{world.walks.pk}/",
    ]:
        response = client.get(path)
        assert response.status_code == 200
        assert response["Content-Security-Policy"] == EMBED_CSP
        assert "X-Frame-Options" not in response


@pytest.mark.django_db
def test_permissions_policy_denies_powerful_features(client, editor_client, world):
    for response in [client.get("/sv/"), editor_client.get("/admin/")]:
        features = dict(
            item.strip().split("=", 1) for item in response["Permissions-Policy"].split(",")
        )
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert features[feature] == "()"


# --- Production settings, in their own process -------------------------------------------------

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "k" * 20 + "-production-like-secret-key-for-tests-0123456789",
    "ALLOWED_HOSTS": "www.kommun.se,testserver",
    "WAGTAILADMIN_BASE_URL": "https://www.kommun.se",
    "PUBLIC_BASE_URL": "https://www.kommun.se",
}


def run_production(code: str, **env: str) -> subprocess.CompletedProcess:
    database = connection.settings_dict
    database_url = (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    environment = {**os.environ, **PRODUCTION_ENV, "DATABASE_URL": database_url, **env}
    environment.pop("REDIS_URL", None)
    return subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("ssl_redirect", ["true", "false"])
def test_check_deploy_reports_nothing(ssl_redirect):
    result = run_production(
        "import django; django.setup(); from django.core.management import call_command; "
        "call_command('check', '--deploy', '--fail-level', 'WARNING')",
        SECURE_SSL_REDIRECT=ssl_redirect,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout, result.stdout


PRODUCTION_REQUEST = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client, override_settings
# Nothing is collected here: static files from the finders, unhashed.
plain = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES=plain):
    response = Client().get("/admin/login/", headers={"X-Forwarded-Proto": "https"})
print(json.dumps({
    "status": response.status_code,
    "hsts": response.get("Strict-Transport-Security"),
    "csp": response.get("Content-Security-Policy"),
    "csrf_cookie_secure": response.cookies["csrftoken"]["secure"],
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE,
}))
"""


@pytest.mark.django_db
def test_production_sends_hsts_and_secure_cookies_even_when_the_proxy_redirects():
    result = run_production(PRODUCTION_REQUEST, SECURE_SSL_REDIRECT="false")
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["status"] == 200
    assert seen["hsts"] == "max-age=31536000; includeSubDomains"
    assert "frame-ancestors 'self'" in seen["csp"]
    assert seen["csrf_cookie_secure"] is True
    assert seen["session_cookie_secure"] is True


# --- In a browser: pages work under their policies ---------------------------------------------

VIOLATION_LISTENER = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.cspViolations.push(
    {directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample}));
"""


def violations(browser, url: str) -> list[dict]:
    browser.get(url)
    time.sleep(0.5)  # let the admin's scripts run
    return browser.execute_script("return window.cspViolations")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pages_and_admin_work_under_their_policies(live_server, browser, world, django_user_model):
    django_user_model.objects.create_superuser("chef", "chef@example.com", "ett-långt-lösenord")
    listener = browser.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": VIOLATION_LISTENER}
    )["identifier"]
    try:
        public = {path: violations(browser, live_server.url + path) for path in PUBLIC_PAGES}
        # No inline style or script is left for the policy to block (the brand colour is a
        # stylesheet of its own, the status chart's bars are classes).
        assert public == {path: [] for path in PUBLIC_PAGES}

        assert violations(browser, live_server.url + "/admin/login/") == []
        browser.find_element(By.NAME, "username").send_keys("chef")
        browser.find_element(By.NAME, "password").send_keys("ett-långt-lösenord")
        browser.find_element(By.CSS_SELECTOR, "form.login-form button[type=submit]").click()
        assert browser.current_url == live_server.url + "/admin/"
        admin = [
            "/admin/",
            f"/admin/pages/{world.story.pk}/edit/",
            f"/admin/snippets/promises/promise/edit/{world.walks.pk}/",
            "/admin/images/",
            "/admin/documents/multiple/add/",
            "/django-admin/",
        ]
        found = {path: violations(browser, live_server.url + path) for path in admin}
        assert found == {path: [] for path in admin}
        # The page editor really ran its scripts: the editing form came up.
        browser.get(live_server.url + f"/admin/pages/{world.story.pk}/edit/")
        assert browser.find_elements(By.CSS_SELECTOR, "[data-edit-form]")
    finally:
        browser.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": listener}
        )
