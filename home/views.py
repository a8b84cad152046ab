"""Views outside the page tree: robots.txt, sitemap and the error pages."""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from .chrome import chrome_key
from .models import DEFAULT_BRAND_COLOUR, FOOTER_CACHE_KEY, darker, is_readable_brand_colour
from .sitemaps import LocalizedSitemap


@require_GET
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

    The footer's contact data comes from the cache (see home.models.remember_footer).
    """
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
        body = loader.get_template("500.html").render(context)
    return HttpResponseServerError(body)


BRAND_CSS_MAX_AGE = 60 * 60 * 24 * 365


@require_GET
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
