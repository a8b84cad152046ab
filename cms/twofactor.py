"""Two-factor authentication for the admin: a code from an authenticator app after the password.

Built on django-otp's TOTP devices. A user who has enrolled an app must give its code before any
page; users that `ADMIN_2FA_REQUIRED_GROUPS` names must enrol one first; everyone else may, from
their account page. wagtail-2fa would do this, but its templates are Wagtail 4's and a plain GET
of its set-up page makes a new device: this is the small part of it we need. The views are admin
views (cms/wagtail_hooks.py), so Wagtail lets only signed-in admin users reach them.
"""

import base64
from collections.abc import Callable

import django_otp
import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django_otp.plugins.otp_totp.models import TOTPDevice

# Reachable between the password and the code: signing in and out, the password reset, the code.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_verify",
    "admin:logout",
}


def two_factor_required(user) -> bool:
    """Whether the settings require a second factor of this admin user."""
    groups = settings.ADMIN_2FA_REQUIRED_GROUPS
    if not groups or not (user.is_superuser or user.has_perm("wagtailadmin.access_admin")):
        return False
    return "*" in groups or user.is_superuser or user.groups.filter(name__in=groups).exists()


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


class TwoFactorMiddleware:
    """Sends a signed-in user who has not given a code yet to the code page (or to enrol).

    After django-otp's OTPMiddleware, which tells whether this session has given a code.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view, args, kwargs) -> HttpResponseBase | None:
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.resolver_match.view_name in OPEN_URL_NAMES:
            return None
        if django_otp.user_has_device(user):
            return redirect_to_login(request.get_full_path(), reverse("two_factor_verify"))
        if two_factor_required(user) and request.resolver_match.view_name != "two_factor_setup":
            return redirect_to_login(request.get_full_path(), reverse("two_factor_setup"))
        return None


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Kod från appen"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, device: TOTPDevice, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not self.device.verify_is_allowed()[0]:
            raise forms.ValidationError(
                _("För många felaktiga koder. Vänta en stund och försök sedan igen.")
            )
        # In a transaction with the device locked: throttling holds against parallel guesses.
        if django_otp.verify_token(self.device.user, self.device.persistent_id, code) is None:
            raise forms.ValidationError(
                _("Koden stämmer inte. Skriv de sex siffror som appen visar just nu.")
            )
        return code


def next_url(request: HttpRequest) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def qr_code(device: TOTPDevice) -> str:
    """The app's set-up link as a QR code, a data: URL (the admin's CSP allows data: images)."""
    svg = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.to_string()).decode()


def grouped(secret: bytes) -> str:
    """The key in groups of four, as people type it into an app."""
    text = base64.b32encode(secret).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@sensitive_post_parameters("code")
def verify(request: HttpRequest) -> HttpResponse:
    """The code, after the password."""
    device = confirmed_device(request.user)
    if device is None:
        return redirect_to_login(next_url(request), reverse("two_factor_setup"))
    form = CodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        django_otp.login(request, device)
        return redirect(next_url(request))
    return render(request, "cms/two_factor_verify.html", {"form": form, "next": next_url(request)})


@sensitive_post_parameters("code")
def setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: scan, then prove it with a code. Replaces any earlier app."""
    user = request.user
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Autentiseringsapp"), confirmed=False)
    form = CodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            TOTPDevice.objects.devices_for_user(user, confirmed=None).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        django_otp.login(request, device)
        messages.success(
            request, _("Tvåstegsverifiering är på. Appen ger koden vid varje inloggning.")
        )
        return redirect(next_url(request))
    return render(
        request,
        "cms/two_factor_setup.html",
        {
            "form": form,
            "next": next_url(request),
            "qr_code": qr_code(device),
            "secret": grouped(device.bin_key),
            "replaces": confirmed_device(user) is not None,
            "required": two_factor_required(user),
        },
    )
