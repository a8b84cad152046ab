"""Admin login: throttled per account and per address, with a clear message (django-axes)."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command

pytestmark = pytest.mark.django_db

PASSWORD = "rätt-lösenord-1"  # noqa: S105 (a test user)
ATTACKER = "203.0.113.5"
COLLEAGUE = "198.51.100.7"


@pytest.fixture
def users(django_user_model):
    return (
        django_user_model.objects.create_superuser("redaktor", "r@example.com", PASSWORD),
        django_user_model.objects.create_superuser("kollega", "k@example.com", PASSWORD),
    )


def log_in(client, username: str, password: str, **meta):
    client.cookies.clear()
    return client.post("/admin/login/", {"username": username, "password": password}, **meta)


def logged_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def fail_five_times(client, username: str, **meta) -> None:
    """Four failures get the form with its error; the fifth locks, and says so."""
    for _ in range(4):
        response = log_in(client, username, "fel-lösenord", **meta)
        assert response.status_code == 200
        assert response.context["form"].errors
    assert_locked(log_in(client, username, "fel-lösenord", **meta))


def assert_locked(response) -> None:
    assert response.status_code == 429
    text = response.content.decode()
    assert "För många misslyckade inloggningar" in text
    assert "15 minuter" in text
    assert response["Retry-After"] == "900"


def test_the_sixth_attempt_is_refused_even_with_the_right_password(client, users):
    fail_five_times(client, "redaktor", REMOTE_ADDR=ATTACKER)
    response = log_in(client, "redaktor", PASSWORD, REMOTE_ADDR=ATTACKER)
    assert_locked(response)
    assert client.get("/admin/").status_code == 302  # not logged in
    # Per account: the same account from another address is refused too.
    assert_locked(log_in(client, "redaktor", PASSWORD, REMOTE_ADDR=COLLEAGUE))
    # Per address: another account from the attacker's address is refused.
    assert_locked(log_in(client, "kollega", PASSWORD, REMOTE_ADDR=ATTACKER))
    # Another account from another address still gets in.
    assert logged_in(log_in(client, "kollega", PASSWORD, REMOTE_ADDR=COLLEAGUE))


def test_the_lock_ends_after_the_cool_off(client, users):
    fail_five_times(client, "redaktor", REMOTE_ADDR=ATTACKER)
    assert_locked(log_in(client, "redaktor", PASSWORD, REMOTE_ADDR=ATTACKER))
    sixteen_minutes_ago = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16)
    AccessAttempt.objects.update(attempt_time=sixteen_minutes_ago)
    assert logged_in(log_in(client, "redaktor", PASSWORD, REMOTE_ADDR=ATTACKER))


def test_an_operator_unlocks_an_account_and_an_address(client, users):
    fail_five_times(client, "redaktor", REMOTE_ADDR=ATTACKER)
    call_command("axes_reset_username", "redaktor")
    assert logged_in(log_in(client, "redaktor", PASSWORD, REMOTE_ADDR=ATTACKER))
    # Guessing five different names locks the address alone.
    for name in ("anna", "bertil", "cesar", "david", "erik"):
        log_in(client, name, "gissning", REMOTE_ADDR=ATTACKER)
    assert_locked(log_in(client, "kollega", PASSWORD, REMOTE_ADDR=ATTACKER))
    assert logged_in(log_in(client, "kollega", PASSWORD, REMOTE_ADDR=COLLEAGUE))
    call_command("axes_reset_ip", ATTACKER)
    assert logged_in(log_in(client, "kollega", PASSWORD, REMOTE_ADDR=ATTACKER))


def test_behind_the_proxy_the_client_address_counts_and_cannot_be_forged(client, users, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    fail_five_times(client, "redaktor", HTTP_X_FORWARDED_FOR=ATTACKER, **proxy)
    # Everyone arrives from the proxy's address: only the attacker is locked out.
    assert logged_in(log_in(client, "kollega", PASSWORD, HTTP_X_FORWARDED_FOR=COLLEAGUE, **proxy))
    # The attacker cannot claim another address: the proxy appends the one it saw.
    forged = f"{COLLEAGUE}, {ATTACKER}"
    assert_locked(log_in(client, "kollega", PASSWORD, HTTP_X_FORWARDED_FOR=forged, **proxy))


def test_the_test_clients_login_still_works(client, users):
    assert client.login(username="redaktor", password=PASSWORD)
    assert client.get("/admin/").status_code == 200
