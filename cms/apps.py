from django.apps import AppConfig, apps


class CmsConfig(AppConfig):
    """The project package as an app: it wires the domain apps' API routers into API v3, and
    keeps the Wagtail Site on PUBLIC_BASE_URL after each migrate."""

    name = "cms"
    label = "cms"
    verbose_name = "Nytorget"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from core.site_address import sync_default_site

        from .api import register_routers  # here: the routers import models

        register_routers()
        # Sent for apps with models only: the cms app has none, Wagtail's core app owns Site.
        post_migrate.connect(sync_default_site, sender=apps.get_app_config("wagtailcore"))
