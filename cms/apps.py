from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project package as an app: it wires the domain apps' API routers into API v3."""

    name = "cms"
    label = "cms"
    verbose_name = "Nytorget"

    def ready(self) -> None:
        from .api import register_routers  # here: the routers import models

        register_routers()
