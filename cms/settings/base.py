"""Settings shared by every environment. Environment-specific files import from here."""

import os
from pathlib import Path

import dj_database_url

from core.public_url import lazy_public_root

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# The project's apps, top layer first (docs/architecture.md). Development adds demo and bench.
PROJECT_APPS = ["cms", "search", "home", "news", "promises", "contacts", "pagecache"]
INSTALLED_APPS = [
    *PROJECT_APPS,
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.api.v3",
    "ninja",  # serves the API docs page's assets locally instead of from a CDN
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    # Outermost: compresses HTML, feeds and API answers, including those the page cache returns
    # (the cache keeps them uncompressed; docs/design.md says why this is safe from BREACH).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.public_url.ServingAddressMiddleware",  # absolute URLs without PUBLIC_BASE_URL
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outermost after security: sees the final response of API, feeds, export and embed.
    "core.http.PublicReadMiddleware",
    # Anonymous GETs answered from the cache skip everything below (see pagecache/).
    "pagecache.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.http.LocaleMiddleware",  # Django's, minus redirects of API/feed 404s
    # Anonymous GETs skip Wagtail's page-by-page routing queries (see pagecache/).
    "pagecache.middleware.RouteMemoMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite when DATABASE_URL is unset: `make run` needs no server.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Swedish is the default; every URL carries its language.
LANGUAGE_CODE = "sv"
LANGUAGES = [
    ("sv", "Svenska"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "collected-static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

# Files served at the site's root: favicon.ico (browsers ask for it whatever the page says).
WHITENOISE_ROOT = BASE_DIR / "static" / "root"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

# django-tasks: in-process by default; production may switch to a database worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = "Nytorget"
# The site's public address, e.g. https://www.kommun.se: absolute URLs in pages, feeds, the API,
# exports and meta tags start with it (core/public_url.py). Required in production; unset, they
# name the address each request came to, as under `make run`.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "").strip().rstrip("/")
# Wagtail's API builds its links from this: the same rule, read on each use.
WAGTAILAPI_BASE_URL = lazy_public_root()
# A password-protected page asks for the password in the site's design and language.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"  # noqa: S105 (a template name)
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]

# PostgreSQL searches with Swedish stemming ("löften" finds "löfte"); SQLite has no stemming.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "swedish",
    }
}

WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

# Caching (docs/performance.md). In-process by default; Redis, shared by every server, when
# REDIS_URL is set. Anonymous pages, feeds and API reads are cached whole by pagecache/ and
# retired at once by any content change in these apps (and Wagtail's own).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "nytorget",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
PAGE_CACHE_CONTENT_APPS = ["home", "news", "promises", "contacts"]
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE_ENABLED", "true").lower() == "true"
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))
# Set per deploy (e.g. the git commit): cached HTML of an earlier release is never served.
PAGE_CACHE_RELEASE = os.environ.get("RELEASE", "")
# Shared pieces of pages (language links, footer) kept until the next content change.
FRAGMENT_CACHE_ENABLED = os.environ.get("FRAGMENT_CACHE_ENABLED", "true").lower() == "true"

# A trivial view, a search probe and the content generator for `make bench` (bench/), off
# unless asked for.
BENCH_ENDPOINTS = os.environ.get("NYTORGET_BENCH", "") == "1"
if BENCH_ENDPOINTS:
    INSTALLED_APPS += ["demo", "bench"]

# Headless API (Wagtail API v3, a preview upstream: wagtail is pinned to 8.0.x).
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_RICH_TEXT_FORMAT = "html"  # partners get display HTML, not Wagtail's database HTML
WAGTAILAPI_SEARCH_ENABLED = True

# Public, anonymous reads: ETag, Last-Modified, Cache-Control and open CORS (core/http.py).
PUBLIC_READ_PATH_PREFIXES = ("/api/v3/", "/feeds/", "/open-data/", "/embed/")
PUBLIC_READ_MAX_AGE = 300
