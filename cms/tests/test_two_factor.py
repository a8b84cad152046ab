"""Two-factor authentication in the admin, through real requests, with codes computed from the
device's key as an authenticator app computes them."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "ett-långt-lösenord"  # noqa: S105 (a test user)


def code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """What the app shows now, or `steps_ahead` periods of 30 s later (a code is used once)."""
    device.refresh_from_db()
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{value:0{device.digits}d}"


def log_in(client, username: str):
    client.logout()
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, "the password was refused"
    return client.get("/admin/")


def enrol(client, user) -> TOTPDevice:
    page = client.get("/admin/2fa/setup/")
    assert page.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in page.content.decode()  # the QR code
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/admin/2fa/setup/", {"code": code(device), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    return device


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("chef", "chef@example.com", PASSWORD)


def member_of(django_user_model, group: str, username: str):
    user = django_user_model.objects.create_user(username, f"{username}@example.com", PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_a_user_enrols_an_app_and_is_asked_for_its_code_at_every_login(client, superuser):
    assert log_in(client, "chef").status_code == 200  # offered, not required, by default
    page = client.get("/admin/2fa/setup/")
    device = TOTPDevice.objects.get(user=superuser)
    wrong = client.post("/admin/2fa/setup/", {"code": "000000"})
    assert wrong.status_code == 200
    assert "Koden stämmer inte" in wrong.content.decode()
    assert page.status_code == 200
    device.throttling_failure_count = 0  # the app user waits a moment before trying again
    device.save()
    device = enrol(client, superuser)

    response = log_in(client, "chef")
    assert response.status_code == 302
    assert response["Location"] == "/admin/2fa/?next=/admin/"
    for path in ["/admin/pages/", "/django-admin/", "/admin/2fa/setup/", "/sv/"]:
        assert client.get(path)["Location"].startswith("/admin/2fa/?next="), path
    refused = client.post("/admin/2fa/", {"code": "123456", "next": "/admin/pages/"})
    assert refused.status_code == 200
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.save()
    response = client.post("/admin/2fa/", {"code": code(device, 1), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_guessing_codes_is_throttled(client, superuser):
    log_in(client, "chef")
    device = enrol(client, superuser)
    log_in(client, "chef")
    client.post("/admin/2fa/", {"code": "000000"})
    # Straight after a wrong code even the right one is refused, and says why.
    response = client.post("/admin/2fa/", {"code": code(device, 1)})
    assert response.status_code == 200
    assert "För många felaktiga koder" in response.content.decode()
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/")


def test_required_groups_must_enrol_before_any_admin_page(
    client, superuser, settings, django_user_model
):
    settings.ADMIN_2FA_REQUIRED_GROUPS = ["Granskare"]
    moderator = member_of(django_user_model, "Granskare", "moderator")
    member_of(django_user_model, "Redaktörer", "redaktor")

    response = log_in(client, "moderator")
    assert response["Location"] == "/admin/2fa/setup/?next=/admin/"
    assert client.get("/admin/pages/")["Location"].startswith("/admin/2fa/setup/")
    setup = client.get("/admin/2fa/setup/")
    assert "Ditt konto måste använda tvåstegsverifiering" in setup.content.decode()
    enrol(client, moderator)
    assert client.get("/admin/pages/").status_code == 200

    assert log_in(client, "chef")["Location"].startswith("/admin/2fa/setup/")  # superusers too
    assert log_in(client, "redaktor").status_code == 200  # Redaktörer are not named

    settings.ADMIN_2FA_REQUIRED_GROUPS = ["*"]
    assert log_in(client, "redaktor")["Location"].startswith("/admin/2fa/setup/")


def test_the_password_alone_cannot_replace_an_enrolled_app(client, superuser):
    log_in(client, "chef")
    device = enrol(client, superuser)
    log_in(client, "chef")
    assert client.get("/admin/2fa/setup/")["Location"].startswith("/admin/2fa/")
    assert client.post("/admin/2fa/setup/", {"code": "000000"}).status_code == 302
    assert list(TOTPDevice.objects.filter(user=superuser)) == [device]


def test_an_operator_removes_a_lost_app(client, superuser):
    log_in(client, "chef")
    enrol(client, superuser)
    call_command("reset_two_factor", "chef")
    assert log_in(client, "chef").status_code == 200
