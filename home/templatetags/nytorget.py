"""Template helpers shared by every page: language links and status badges."""

from django import template
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

from cms.localization import active_locale

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context, page: Page | str | None = None) -> list[dict]:
    """One link per site language: the page's live translation, else that language's home page.

    Used for the language switcher and for hreflang alternates (only real translations).
    """
    request = context.get("request")
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
    homes: dict = {}
    links = []
    for locale in Locale.objects.all().order_by("pk"):
        code = locale.language_code
        target = translations.get(code)
        is_translation = target is not None
        if target is None:
            homes = homes or {
                p.locale_id: p
                for p in Page.objects.filter(depth=2, live=True).select_related("locale")
            }
            target = homes.get(locale.pk)
        if target is None:
            continue
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": target.get_url(request),
                "full_url": request.build_absolute_uri(target.get_url(request))
                if request
                else target.get_full_url(),
                "is_current": locale.pk == current.pk,
                "is_translation": is_translation,
                "bidi": info["bidi"],
            }
        )
    return links


@register.inclusion_tag("components/status_badge.html")
def status_badge(status: str, label: str) -> dict:
    return {"status": status, "label": label}
