from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PromisesConfig(AppConfig):
    name = "promises"
    verbose_name = _("Medborgarlöften")

    def ready(self) -> None:
        from wagtail.api.v3.api import api

        from .api import agreements_router, router

        api.add_router("/promises/", router)
        api.add_router("/agreements/", agreements_router)
