"""The admin's password reset works by e-mail, end to end, and does not skip the second factor."""

import re

import pytest
from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

OLD = "gammalt-lösenord-1"
NEW = "nytt-långt-lösenord-2"


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_superuser("redaktor", "redaktor@kommun.se", OLD)


def reset_by_mail(client, email: str) -> None:
    response = client.post("/admin/password_reset/", {"email": email})
    assert response.status_code == 302
    assert response["Location"] == "/admin/password_reset/done/"
    [message] = mail.outbox
    assert message.to == [email]
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", message.body)
    assert link, message.body
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200
    set_password_url = form.redirect_chain[-1][0]
    response = client.post(set_password_url, {"new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    assert response["Location"] == "/admin/password_reset/complete/"


def log_in(client, password: str):
    client.logout()
    return client.post("/admin/login/", {"username": "redaktor", "password": password})


def test_a_forgotten_password_is_reset_by_mail(client, user):
    reset_by_mail(client, "redaktor@kommun.se")
    assert log_in(client, OLD).status_code == 200  # the old password is refused
    response = log_in(client, NEW)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, user):
    response = client.post("/admin/password_reset/", {"email": "okand@example.com"})
    assert response["Location"] == "/admin/password_reset/done/"
    assert mail.outbox == []


def test_a_new_password_still_needs_the_second_factor(client, user):
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    reset_by_mail(client, "redaktor@kommun.se")
    log_in(client, NEW)
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/")
