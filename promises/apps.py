from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PromisesConfig(AppConfig):
    name = "promises"
    verbose_name = _("Medborgarlöften")

    def ready(self) -> None:
        from core.facts import keep_facts  # here: models must be loaded first

        from .models import Promise, PromiseFollowUp
        from .signals import connect_signals

        keep_facts(Promise)
        keep_facts(PromiseFollowUp)
        connect_signals()
