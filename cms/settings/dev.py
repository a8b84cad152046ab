"""Local development: `make run`. Never use these settings on a public server."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
# Templates change under runserver: no whole-page cache here (PAGE_CACHE_ENABLED=true to try it).
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE_ENABLED", "false").lower() == "true"
# Development tools, never in production: demo content, screenshots and the bench generator.
INSTALLED_APPS += [app for app in ("demo", "bench") if app not in INSTALLED_APPS]
