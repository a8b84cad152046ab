from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = _("Kontakter")

    def ready(self) -> None:
        from core.facts import keep_facts  # here: models must be loaded first

        from .models import ContactPerson, Organisation

        keep_facts(Organisation)
        keep_facts(ContactPerson)
