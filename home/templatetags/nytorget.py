"""Template helpers shared by every page: titles, meta tags, language links, images, badges."""

import json

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.images.models import Filter, Picture
from wagtail.models import Locale, Page

from core.images import LEAD_SIZES, LEAD_SPECS, SHARE_SPEC, TEASER_SIZES, TEASER_SPECS
from core.localization import active_locale
from core.public_url import absolute
from news.models import NewsArticlePage
from pagecache.generation import is_anonymous_read, memoize
from pagecache.tags import listing_tags
from promises.models import Promise, PromisePage, PromiseParty, PromiseStatus

from ..chrome import site_chrome_for
from ..models import DEFAULT_BRAND_COLOUR, HomePage

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


def site_languages() -> tuple[list[Locale], dict[int, Page]]:
    """Every locale and its live home page: the same on every page until content changes."""
    return memoize(("site_languages",), _site_languages)


def _site_languages() -> tuple[list[Locale], dict[int, Page]]:
    homes = {p.locale_id: p for p in Page.objects.filter(depth=2, live=True)}
    return list(Locale.objects.all().order_by("pk")), homes


def page_translations(page: Page) -> dict[str, Page]:
    """The page's live, public translations (itself included) by language code."""
    translations = page.get_translations(inclusive=True).live().public().select_related("locale")
    if type(page) is Page:
        translations = translations.specific(defer=True)
    else:
        # Already of the page's own type (translations share it): no query per type, and no
        # body to parse for a link.
        translations = translations.defer_streamfields()
    return {t.locale.language_code: t for t in translations}


def _language_links(request, page: Page | str | None) -> list[dict]:
    current = active_locale()
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = page_translations(page)
    suffixes = promise_permalink_suffixes(request, page, translations)
    view_url = same_view_url(request, page)
    locales, homes = site_languages()
    links = []
    for locale in locales:
        code = locale.language_code
        if view_url is not None:
            # The same view exists in every language: each is a real translation.
            url = translate_url(view_url, code)
            links.append(language_link(request, locale, current, code, url, True))
            continue
        target = translations.get(code)
        is_translation = target is not None
        suffix = ""
        if suffixes is not None and target is not None:
            # On a promise permalink, only the same promise counts as a translation.
            suffix = suffixes.get(target.pk, "")
            is_translation = bool(suffix)
        if target is None:
            target = homes.get(locale.pk)
        if target is None:
            continue
        url = target.get_url(request) + suffix
        links.append(language_link(request, locale, current, code, url, is_translation))
    return links


def language_link(request, locale, current, code: str, url: str, is_translation: bool) -> dict:
    info = get_language_info(code)
    return {
        "code": code,
        "name": info["name_local"],
        "url": url,
        "full_url": absolute(url, request),
        "is_current": locale.pk == current.pk,
        "is_translation": is_translation,
        "bidi": info["bidi"],
    }


def same_view_url(request, page) -> str | None:
    """On a page that is a view of its own (search), its URL with the query: the other
    languages get the same view and query. None on Wagtail pages."""
    if request is None or isinstance(page, Page):
        return None
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "search":
        return None
    return request.get_full_path()


@register.simple_tag
def hreflang_alternates(languages: list[dict]) -> list[dict]:
    """hreflang links for the page's real translations, and x-default: the default language's."""
    translations = [language for language in languages if language["is_translation"]]
    alternates = [{"hreflang": t["code"], "url": t["full_url"]} for t in translations]
    default = next((t for t in translations if t["code"] == settings.LANGUAGE_CODE), None)
    if len(translations) > 1 and default is not None:
        alternates.append({"hreflang": "x-default", "url": default["full_url"]})
    return alternates


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
    """The meta description: the editor's search description, else the page's lead or intro."""
    text = fallback
    if page is not None:
        text = (
            getattr(page, "search_description", "")
            or getattr(page, "lead", "")
            or getattr(page, "intro", "")
            or fallback
        )
    return shorten(text)


def shorten(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "…"


def site_name(context) -> str:
    """The kommun's name (base.html's `org`), else the Wagtail site's name."""
    organisation = context.get("org")
    if organisation is not None:
        return organisation.name
    request = context.get("request")
    site = getattr(request, "site", None) if request is not None else None
    return getattr(site, "site_name", "") or "Nytorget"


@register.simple_tag(takes_context=True)
def page_title(context, title: str | None = None) -> str:
    """ "Page – Kommun", or the kommun's name alone where the page is named after it (home)."""
    name = site_name(context)
    if title is None:
        page = context.get("page")
        title = (getattr(page, "seo_title", "") or getattr(page, "title", "")) if page else ""
    title = str(title).strip()
    if not title or title == name:
        return name
    return f"{title} – {name}"


@register.simple_tag(takes_context=True)
def share_image(context, page, site_settings) -> dict | None:
    """The 1200 px sharing image: the page's lead image, else the site's default one."""
    image = getattr(page, "lead_image", None)
    alt = getattr(page, "lead_image_alt_text", "")
    if image is None and site_settings is not None:
        image = site_settings.share_image
        alt = site_settings.share_image_alt
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_SPEC)
    return {
        "url": absolute(rendition.url, context.get("request")),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt,
    }


@register.simple_tag
def brand_stylesheet(site_settings) -> str:
    """The brand colour's stylesheet (home.views.brand_css), or "" for the default colour."""
    colour = site_settings.safe_brand_colour if site_settings is not None else ""
    if not colour or colour == DEFAULT_BRAND_COLOUR:
        return ""
    return reverse("brand_css", kwargs={"colour": colour.lstrip("#")})


IMAGE_KINDS = {"lead": (LEAD_SPECS, LEAD_SIZES), "teaser": (TEASER_SPECS, TEASER_SIZES)}


@register.simple_tag
def responsive_image(image, kind: str, alt: str = "", **attrs) -> str:
    """<picture> with WebP and JPEG sources at several widths, width and height set.

    The specs come from core.images, which listings also prefetch (with_images).
    """
    if image is None:
        return ""
    specs, sizes = IMAGE_KINDS[kind]
    renditions = image.get_renditions(*Filter.expand_spec(specs))
    return Picture(renditions, {"alt": alt, "sizes": sizes, **attrs}).__html__()


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


# A promise's status as a schema.org ActionStatusType (docs/design.md: why Action).
ACTION_STATUS = {
    PromiseStatus.PLANNED: "PotentialActionStatus",
    PromiseStatus.POSTPONED: "PotentialActionStatus",
    PromiseStatus.IN_PROGRESS: "ActiveActionStatus",
    PromiseStatus.FULFILLED: "CompletedActionStatus",
    PromiseStatus.PARTLY_FULFILLED: "CompletedActionStatus",
    PromiseStatus.NOT_FULFILLED: "FailedActionStatus",
    PromiseStatus.CANCELLED: "FailedActionStatus",
}


def _agents(promise: Promise, organisation) -> list[dict]:
    """Who promises: the kommun (the site's organisation), the police, and any partners."""
    kommun = {"@type": "GovernmentOrganization", "name": organisation.name if organisation else ""}
    police = {"@type": "GovernmentOrganization", "name": str(PromiseParty.POLICE.label)}
    agents = {
        PromiseParty.MUNICIPALITY: [kommun],
        PromiseParty.POLICE: [police],
    }.get(promise.party, [kommun, police])
    if promise.party == PromiseParty.PARTNERS and promise.partners:
        agents = [*agents, {"@type": "Organization", "name": promise.partners}]
    return [agent for agent in agents if agent["name"]]


def _story_data(context, page, organisation, share, logo_url) -> dict:
    data = {
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.lead,
        "inLanguage": active_locale().language_code,
        "mainEntityOfPage": absolute_url(context, page),
    }
    if share:
        data["image"] = [share["url"]]
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
        data["dateModified"] = (page.last_published_at or page.first_published_at).isoformat()
    if organisation is not None:
        data["publisher"] = _organisation_data(organisation, context.get("request"), logo_url)
        data["author"] = {"@type": "GovernmentOrganization", "name": organisation.name}
    return data


def _agreement_data(context, page: PromisePage, organisation) -> dict:
    """An agreement is published as open data: a Dataset with its CSV and JSON downloads."""
    request = context.get("request")
    summary = page.summary()
    data = {
        "@type": "Dataset",
        "name": page.title,
        "description": shorten(f"{page.lead} {summary.headline}.".strip(), 5000),
        "url": absolute_url(context, page),
        "inLanguage": page.locale.language_code,
        "temporalCoverage": f"{page.period_start.isoformat()}/{page.period_end.isoformat()}",
        "isAccessibleForFree": True,
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": mime,
                "contentUrl": absolute(
                    reverse("open_data_promises", kwargs={"page_id": page.pk, "format": fmt}),
                    request,
                ),
            }
            for fmt, mime in (("csv", "text/csv"), ("json", "application/json"))
        ],
    }
    if organisation is not None:
        data["creator"] = {"@type": "GovernmentOrganization", "name": organisation.name}
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    return data


def _promise_data(context, page: PromisePage, promise: Promise, organisation) -> dict:
    """A promise is an Action: who acts, in which period, and how far it has come."""
    url = absolute(promise.get_url(context.get("request")) or "", context.get("request"))
    data = {
        "@type": "Action",
        "name": promise.title,
        "description": promise_description(promise),
        "url": url,
        "mainEntityOfPage": url,
        "agent": _agents(promise, organisation),
        "startTime": page.period_start.isoformat(),
        "endTime": page.period_end.isoformat(),
    }
    if promise.status in ACTION_STATUS:
        data["actionStatus"] = f"https://schema.org/{ACTION_STATUS[promise.status]}"
    return data


@register.simple_tag
def promise_description(promise: Promise) -> str:
    """A permalink's own description: status, target and the reason for the status."""
    parts = [f"{promise.get_status_display().capitalize()}.", promise.target, promise.status_reason]
    return shorten(" ".join(part.strip().rstrip(".") + "." for part in parts if part.strip()))


@register.simple_tag(takes_context=True)
def json_ld(context, page=None, organisation=None, share: dict | None = None) -> str:
    """schema.org JSON-LD: NewsArticle for stories, Dataset for agreements, Action for a promise
    permalink, GovernmentOrganization for the home page."""
    request = context.get("request")
    logo_url = None
    logo = context.get("logo_rendition")
    if logo is not None:
        logo_url = absolute(logo.url, request)
    data = None
    promise = context.get("promise")
    if isinstance(page, NewsArticlePage):
        data = _story_data(context, page, organisation, share, logo_url)
    elif isinstance(page, PromisePage) and isinstance(promise, Promise):
        data = _promise_data(context, page, promise, organisation)
    elif isinstance(page, PromisePage):
        data = _agreement_data(context, page, organisation)
    elif isinstance(page, HomePage) and organisation is not None:
        data = _organisation_data(organisation, request, logo_url)
        data.setdefault("url", absolute_url(context, page))
    if data is None:
        return ""
    data = {"@context": "https://schema.org", **data}
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
    """A full URL for a page or a path, by the one rule of core.public_url."""
    request = context.get("request")
    if target is None or target == "":
        return ""
    url = target.get_url(request) if isinstance(target, Page) else str(target)
    if not url:
        return ""
    return absolute(url, request)


class FragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, vary: list) -> None:
        self.nodelist = nodelist
        self.vary = vary

    def render(self, context) -> str:
        request = context.get("request")
        values = [value.resolve(context) for value in self.vary]
        # Editors, previews (drafts), requests without a request and fragments of no page (an
        # error page at any path) render afresh, never stored.
        if (
            request is None
            or getattr(request, "is_preview", False)
            or not is_anonymous_read(request)
            or any(value is None or value == "" for value in values)
        ):
            return self.nodelist.render(context)
        parts = (
            "fragment",
            # The template too: a password form is served at its page's own URL.
            context.template.name if context.template else "",
            *values,
            get_language(),
            request.scheme,
            request.get_host(),
            request.get_full_path(),
        )
        # A fragment of a page that lists others (home, index) is retired by what adds to them.
        tags = listing_tags(context.get("page"))
        return memoize(parts, lambda: self.nodelist.render(context), tags=tags)


@register.tag
def fragment(parser, token) -> FragmentNode:
    """{% fragment "name" page.pk %}...{% endfragment %}: HTML kept until the next content change.

    For what anonymous readers of one URL all get (a story's body with its contacts and promise
    cards): the same tag rule as the page cache (pagecache/generation.py), so a change to
    anything it read retires it, and a publish retires it on a page that lists other pages.
    The key holds the template, the given values, the language, the host and the full path.
    Variables set inside a fragment (`as name`) do not reach past it.
    """
    vary = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, vary)
