from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Installed as an app so that changes from commands and shells retire the cache too."""

    name = "pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from .signals import connect_signals  # here: models must be loaded first

        connect_signals()
