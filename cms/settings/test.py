"""Test settings: PostgreSQL (DATABASE_URL), fast hashing, plain static storage, inline tasks."""

import os
from pathlib import Path

import dj_database_url

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://nytorget:nytorget@127.0.0.1:5432/nytorget")
    )
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
# Its own variable, so that a MEDIA_ROOT meant for a server never receives test files.
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT") or BASE_DIR / "test-media")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# The page cache is tested on purpose (*/tests/test_cache*.py turn it on); other tests see no cache.
PAGE_CACHE_ENABLED = False
FRAGMENT_CACHE_ENABLED = False
# Development tools, never in production: demo content, screenshots and the bench generator.
INSTALLED_APPS += [app for app in ("demo", "bench") if app not in INSTALLED_APPS]
# Django's test client's login() passes no request, which django-axes refuses: let it through.
AUTHENTICATION_BACKENDS = [
    "tests.auth.AxesBackendAllowingClientLogin",
    "django.contrib.auth.backends.ModelBackend",
]
