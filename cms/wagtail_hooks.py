from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from . import twofactor


@hooks.register("register_admin_urls")
def two_factor_urls() -> list:
    return [
        path("2fa/", twofactor.verify, name="two_factor_verify"),
        path("2fa/setup/", twofactor.setup, name="two_factor_setup"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request) -> dict:
    return {
        "url": reverse("two_factor_setup"),
        "label": _("Tvåstegsverifiering"),
        "help_text": _("Logga in med en kod från en app i telefonen utöver lösenordet."),
    }
