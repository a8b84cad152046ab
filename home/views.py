"""Views outside the page tree: robots.txt, sitemap and the error pages."""

import sys

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.api.v3.errors import problem_response
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from core.http import DATABASE_UNAVAILABLE

from .chrome import chrome_key
from .models import DEFAULT_BRAND_COLOUR, FOOTER_CACHE_KEY, darker, is_readable_brand_colour
from .sitemaps import LocalizedSitemap

# A database restart takes seconds; a reader (or crawler) who waits this long finds the site back.
RETRY_AFTER_SECONDS = 30


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    # Search pages are not disallowed: a crawler must fetch them to read their `noindex`.
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def search_path() -> str:
    """The search page's path after the language prefix, e.g. "sok/"."""
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("search").split("/", 2)[2]


def sitemap(request: HttpRequest) -> HttpResponse:
    """Every live, public page in every language, with hreflang alternates and promise permalinks."""
    return wagtail_sitemap(request, sitemaps={"pages": LocalizedSitemap})


def language_from_path(path: str) -> str:
    """The language of a URL from its prefix alone: the 500 page may not touch the database."""
    first = path.lstrip("/").split("/", 1)[0]
    codes = {code for code, _name in settings.LANGUAGES}
    return first if first in codes else settings.LANGUAGE_CODE


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page in the visitor's language, rendered without the database or context processors.

    Every exception that no view handled ends here, so this is also where a database outage
    becomes the 503 page. The footer's contact data comes from the cache (see
    home.models.remember_footer).
    """
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return service_unavailable(request)
    return HttpResponseServerError(error_page(request, "500.html"))


def service_unavailable(request: HttpRequest) -> HttpResponse:
    """503 while the database cannot be reached: try again shortly, and nobody keeps this answer."""
    if request.path.startswith("/api/"):
        response = problem_response(
            status=503, detail="The service is temporarily unavailable. Try again shortly."
        )
    else:
        response = HttpResponse(error_page(request, "503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def error_page(request: HttpRequest, template: str) -> str:
    """An error page in the language of the URL, from the cache and templates alone."""
    language = language_from_path(request.path)
    with translation.override(language):
        try:
            organisation = cache.get(FOOTER_CACHE_KEY.format(language=language))
            statement_url = (cache.get(chrome_key(language)) or {}).get("statement_url")
        except Exception:  # a broken cache must not hide the error page
            organisation = statement_url = None
        context = {
            "LANGUAGE_CODE": language,
            "LANGUAGE_BIDI": translation.get_language_bidi(),
            "footer_org": organisation,
            "statement_url": statement_url,
            "home_url": f"/{language}/",
            "search_url": f"/{language}/{search_path()}",
            "STATIC_URL": settings.STATIC_URL,
        }
        return loader.get_template(template).render(context)


BRAND_CSS_MAX_AGE = 60 * 60 * 24 * 365


@require_safe
@cache_control(max_age=BRAND_CSS_MAX_AGE, public=True, immutable=True)
def brand_css(request: HttpRequest, colour: str) -> HttpResponse:
    """The brand colour as a stylesheet, so that pages need no inline <style> (a strict CSP).

    The colour is in the URL, so the answer never changes: no database, cached for a year. Only
    colours the site settings accept (readable on white) are served.
    """
    value = f"#{colour.lower()}"
    if not is_readable_brand_colour(value) or value == DEFAULT_BRAND_COLOUR:
        raise Http404("Not a brand colour.")
    css = f":root {{ --brand: {value}; --brand-dark: {darker(value)}; }}\n"
    return HttpResponse(css, content_type="text/css; charset=utf-8")
