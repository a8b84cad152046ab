from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = _("Kontakter")

    def ready(self) -> None:
        from wagtail.api.v3.api import api

        from .api import contacts_router, organisations_router

        api.add_router("/organisations/", organisations_router)
        api.add_router("/contacts/", contacts_router)
