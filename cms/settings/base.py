"""Settings shared by every environment. Environment-specific files import from here."""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, REPORT_SAMPLE, SELF, UNSAFE_INLINE

from core.public_url import lazy_public_root

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# The project's apps, top layer first (docs/architecture.md). Development adds demo and bench.
PROJECT_APPS = [
    "cms",
    "search",
    "editorial",
    "home",
    "news",
    "promises",
    "contacts",
    "pagecache",
    "worker",
]
INSTALLED_APPS = [
    *PROJECT_APPS,
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "django_tasks_db",  # the task queue of `manage.py run_worker` (TASKS_BACKEND=database)
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
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "corsheaders",
]

MIDDLEWARE = [
    # First, so preflights are answered at once and every answer on a partner path, from the
    # page cache or a 304 included, gets its CORS headers (settings below).
    "corsheaders.middleware.CorsMiddleware",
    # A 405 for TRACE and every other method a path does not take (core/http.py). A HEAD is a
    # GET below here, so it gets the GET's headers, the compression's Vary and length included.
    "core.http.MethodMiddleware",
    # Compresses HTML, feeds and API answers, including those the page cache returns (the cache
    # keeps them uncompressed; docs/design.md says why this is safe from BREACH).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Headers on every response, cached ones too (docs/operations.md).
    "cms.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "core.public_url.ServingAddressMiddleware",  # absolute URLs without PUBLIC_BASE_URL
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
    # The admin's second factor (cms/twofactor.py): after the user is known.
    "django_otp.middleware.OTPMiddleware",
    "cms.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent admin writes (autosave beside publish, two editors, the worker) wait for one
    # another instead of failing with "database is locked": readers never block the writer
    # (WAL), a writer takes the lock when its transaction begins (IMMEDIATE, so two never
    # deadlock upgrading a read), and waits up to 10 s for it. Each request is one transaction:
    # a publish and its follow-ups are saved whole or not at all.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000",
        "transaction_mode": "IMMEDIATE",
        "timeout": 10,
    }
    DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server fails a request (a 503) in seconds, not after TCP's minutes;
    # `?connect_timeout=N` in DATABASE_URL overrides it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: a login that is locked out is refused before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

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
# Uploaded files; on one machine a folder, past one an object store (docs/operations.md).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
# `manage.py backup` writes its archives here (docs/operations.md).
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR") or BASE_DIR / "backups")
MEDIA_URL = "/media/"

# Files served at the site's root: favicon.ico (browsers ask for it whatever the page says).
WHITENOISE_ROOT = BASE_DIR / "static" / "root"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

# django-tasks: in-process by default (`make run`, tests); TASKS_BACKEND=database queues tasks in
# the database for `manage.py run_worker`, which also publishes what is scheduled.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("TASKS_BACKEND", "immediate")]}}
WORKER_SCHEDULE_INTERVAL = int(os.environ.get("WORKER_SCHEDULE_INTERVAL", "30"))

WAGTAIL_SITE_NAME = "Nytorget"
# Slugs are ASCII like every other URL: "Två nya vandringar" gets "tva-nya-vandringar".
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The site's public address, e.g. https://www.kommun.se: absolute URLs in pages, feeds, the API,
# exports and meta tags start with it (core/public_url.py). Required in production; unset, they
# name the address each request came to, as under `make run`.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "").strip().rstrip("/")
# Wagtail's API builds its links from this: the same rule, read on each use.
WAGTAILAPI_BASE_URL = lazy_public_root()
# A password-protected page asks for the password in the site's design and language.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"  # noqa: S105 (a template name)
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
# The admin calls no one: no editor's e-mail hash to Gravatar, no update check to wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Uploads (docs/operations.md). Only these types and sizes; never SVG or HTML, which a browser
# would run as a page of the site's own origin.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_MB", "10")) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # a small file may still unpack to gigabytes
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "20")) * 1024 * 1024
# Always through Wagtail's view, also with object storage: it checks collection privacy and sends
# the type, `attachment` (PDF alone inline), nosniff and `Content-Security-Policy: default-src 'none'`.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]

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

# Security headers (docs/operations.md). Public pages run no inline script or style at all; a
# view that sets its own policy keeps it (the embeds, Wagtail's document view).
# MEDIA_ORIGINS: where images come from besides the site, e.g. object storage or a CDN.
MEDIA_ORIGINS = [o.strip() for o in os.environ.get("MEDIA_ORIGINS", "").split(",") if o.strip()]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, REPORT_SAMPLE],
        "style-src": [SELF, REPORT_SAMPLE],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        # CSP_REPORT_URI: where browsers report what a policy blocked (off when unset).
        "report-uri": os.environ.get("CSP_REPORT_URI") or None,
    }
}
# Wagtail 8's admin still writes inline scripts (snippet and date choosers, inline panels) and
# inline styles: its policy allows them, but nothing from any other origin.
ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
    }
}
# No page of ours uses these browser features: deny them to every page and every frame in it.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Login throttling (django-axes, docs/operations.md): after LOGIN_FAILURE_LIMIT failed logins for
# one account, or from one address, both are refused for LOGIN_COOLOFF_MINUTES, even with the
# right password. Failures are counted in the database, so every app server sees them.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username"], ["ip_address"]]
AXES_LOCKOUT_CALLABLE = "cms.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "cms.security.client_ip"
# How many proxies in front of the app append the address they saw to X-Forwarded-For. 0: the
# client is REMOTE_ADDR. Never more than there are, or clients choose their own address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Two-factor authentication (cms/twofactor.py): names of the groups whose members must give a
# code from an authenticator app after the password, comma-separated; `*` for every admin user.
# Superusers must whenever any group is named. Empty: offered to all, required of none. Anyone
# who has enrolled an app is asked for its code. Production requires it of everyone by default.
ADMIN_2FA_REQUIRED_GROUPS = [
    g.strip() for g in os.environ.get("ADMIN_2FA_REQUIRED_GROUPS", "").split(",") if g.strip()
]
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME  # the name the authenticator app shows

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
