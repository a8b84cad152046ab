"""Template helpers shared by every page: language links and status badges."""

import json

from django import template
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page

from core.localization import active_locale
from news.models import NewsArticlePage
from pagecache.generation import memoize
from promises.models import Promise, PromisePage

from ..chrome import site_chrome_for
from ..models import HomePage

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context, page: Page | str | None = None) -> list[dict]:
    """One link per site language: the page's live translation, else that language's home page.

    Used for the language switcher and for hreflang alternates (only real translations).
    """
    request = context.get("request")
    if isinstance(page, Page) and page.pk and request is not None:
        # The same for every visitor of this URL until content changes (pagecache memoize).
        # The path counts: a promise permalink is served by its agreement page.
        parts = (
            "language_links",
            page.pk,
            get_language(),
            request.scheme,
            request.get_host(),
            request.path_info,
        )
        return memoize(parts, lambda: _language_links(request, page))
    return _language_links(request, page)


def _language_links(request, page: Page | str | None) -> list[dict]:
    current = active_locale()
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translation in (
            page.get_translations(inclusive=True)
            .live()
            .public()
            .specific(defer=True)
            .select_related("locale")
        ):
            translations[translation.locale.language_code] = translation
    suffixes = promise_permalink_suffixes(request, page, translations)
    homes: dict = {}
    links = []
    for locale in Locale.objects.all().order_by("pk"):
        code = locale.language_code
        target = translations.get(code)
        is_translation = target is not None
        suffix = ""
        if suffixes is not None and target is not None:
            # On a promise permalink, only the same promise counts as a translation.
            suffix = suffixes.get(target.pk, "")
            is_translation = bool(suffix)
        if target is None:
            homes = homes or {
                p.locale_id: p
                for p in Page.objects.filter(depth=2, live=True).select_related("locale")
            }
            target = homes.get(locale.pk)
        if target is None:
            continue
        info = get_language_info(code)
        url = target.get_url(request) + suffix
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "full_url": request.build_absolute_uri(url)
                if request
                else target.get_full_url() + suffix,
                "is_current": locale.pk == current.pk,
                "is_translation": is_translation,
                "bidi": info["bidi"],
            }
        )
    return links


def promise_permalink_suffixes(request, page, translations: dict) -> dict | None:
    """On a promise permalink: {agreement translation pk: "<slug>/"} where that promise is live.

    None on any other page. Promise slugs are shared by translations, so one query finds them.
    """
    match = getattr(request, "routable_resolver_match", None)
    if not isinstance(page, PromisePage) or match is None or "slug" not in match.kwargs:
        return None
    slug = match.kwargs["slug"]
    pages = [t.pk for t in translations.values()]
    live = Promise.objects.filter(agreement_id__in=pages, slug=slug, live=True)
    suffix = PromisePage.permalink_suffix(slug)
    return dict.fromkeys(live.values_list("agreement_id", flat=True), suffix)


@register.inclusion_tag("components/status_badge.html")
def status_badge(status: str, label: str) -> dict:
    return {"status": status, "label": label}


@register.simple_tag(takes_context=True)
def site_chrome(context) -> dict:
    """The header menu and the footer's accessibility-statement link, from the cache when warm."""
    return site_chrome_for(active_locale(), context.get("request"))


@register.simple_tag
def page_description(page, fallback: str = "") -> str:
    """The meta description: the editor's search description, else the page's lead."""
    if page is None:
        return fallback
    text = getattr(page, "search_description", "") or getattr(page, "lead", "") or fallback
    text = " ".join(str(text).split())
    return text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + "…"


def _organisation_data(organisation, request, logo_url: str | None) -> dict:
    data = {"@type": "GovernmentOrganization", "name": organisation.name}
    if organisation.website:
        data["url"] = organisation.website
    if organisation.switchboard:
        data["telephone"] = organisation.switchboard
    if organisation.email:
        data["email"] = organisation.email
    if organisation.postal_address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(organisation.postal_address.splitlines()),
            "addressCountry": "SE",
        }
    if logo_url:
        data["logo"] = logo_url
    return data


@register.simple_tag(takes_context=True)
def json_ld(context, page=None, organisation=None, logo_url: str | None = None) -> str:
    """schema.org JSON-LD: NewsArticle for stories, GovernmentOrganization for the home page."""
    request = context.get("request")
    data = None
    if isinstance(page, NewsArticlePage):
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": page.title[:110],
            "description": page.lead,
            "inLanguage": active_locale().language_code,
            "mainEntityOfPage": absolute_url(context, page),
        }
        if page.first_published_at:
            data["datePublished"] = page.first_published_at.isoformat()
            data["dateModified"] = (page.last_published_at or page.first_published_at).isoformat()
        if organisation is not None:
            data["publisher"] = _organisation_data(organisation, request, logo_url)
            data["author"] = {"@type": "GovernmentOrganization", "name": organisation.name}
    elif isinstance(page, HomePage) and organisation is not None:
        data = {
            "@context": "https://schema.org",
            **_organisation_data(organisation, request, logo_url),
        }
        data.setdefault("url", absolute_url(context, page))
    if data is None:
        return ""
    # Escape like Django's json_script so that no text can close the script element.
    text = json.dumps(data, ensure_ascii=False).translate(
        {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag
def search_query_string(query: str, search_type: str) -> str:
    """The start of a pagination link's query string, e.g. "q=l%C3%B6fte&type=news&"."""
    return urlencode({"q": query, "type": search_type}) + "&"


@register.simple_tag(takes_context=True)
def absolute_url(context, target=None) -> str:
    """A full URL for a page or a path, on the host the visitor used (like the hreflang links)."""
    request = context.get("request")
    if target is None or target == "":
        return ""
    url = target.get_url(request) if isinstance(target, Page) else str(target)
    if not url:
        return ""
    return request.build_absolute_uri(url) if request else url
