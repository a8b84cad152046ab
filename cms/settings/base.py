"""Settings shared by every environment. Environment-specific files import from here."""

import os
import re
from pathlib import Path

import dj_database_url

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
    "corsheaders",
]

MIDDLEWARE = [
    # First, so preflights are answered at once and every answer on a partner path, from the
    # page cache or a 304 included, gets its CORS headers (settings below).
    "corsheaders.middleware.CorsMiddleware",
    # A 405 for TRACE and every other method a path does not take (core/http.py).
    "core.http.MethodMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the page cache, so a cached answer still gets its 304.
    "django.middleware.http.ConditionalGetMiddleware",
    # Anonymous GETs answered from the cache skip everything below (see pagecache/).
    "pagecache.middleware.AnonymousPageCacheMiddleware",
    # Below the cache: the validators and Cache-Control of partner reads are stored with them.
    "core.http.PublicReadMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.http.LocaleMiddleware",  # Django's, minus redirects of API/feed 404s
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

# SQLite when DATABASE_URL is unset: `make run` needs no server. A kept connection is checked
# before a request reuses it, so none fails on a connection that a database restart closed.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server fails a request (a 503) in seconds, not after TCP's minutes;
    # `?connect_timeout=N` in DATABASE_URL overrides it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
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

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

# django-tasks: in-process by default; production may switch to a database worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = "Nytorget"
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
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's RedisCache, where an unreachable Redis is a miss (core/cache.py).
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "nytorget",
            # Also the longest any key lives, whatever a library asks for: Redis stays bounded.
            "TIMEOUT": PAGE_CACHE_TIMEOUT,
            # A Redis that does not answer is given up on in half a second, not TCP's minutes.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
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

# Paths whose views take writes: the admin, the API (tokens), Wagtail's password and login forms
# for private pages and documents. Every other path answers GET, HEAD and OPTIONS only.
WRITE_PATH_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/api/",
    "/documents/authenticate_with_password/",
    *(f"/{code}/_util/" for code, _name in LANGUAGES),
)

# Public, anonymous reads: ETag, Last-Modified, Cache-Control and open CORS (core/http.py).
PUBLIC_READ_PATH_PREFIXES = ("/api/v3/", "/feeds/", "/open-data/", "/embed/")
PUBLIC_READ_MAX_AGE = 300

# django-cors-headers on those paths only: any origin may read, nobody writes cross-origin. No
# credentials, and neither Authorization nor Content-Type is an allowed request header, so the
# preflight of a write with a token (or with JSON) fails in every browser.
CORS_URLS_REGEX = "^(?:" + "|".join(map(re.escape, PUBLIC_READ_PATH_PREFIXES)) + ")"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
# Partners may send conditional headers cross-origin; nothing that carries credentials.
CORS_ALLOW_HEADERS = ("Accept", "Accept-Language", "If-None-Match", "If-Modified-Since")
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Content-Disposition")
CORS_PREFLIGHT_MAX_AGE = 86400
