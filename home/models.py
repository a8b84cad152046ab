"""The home page, standard information pages, the accessibility statement and site settings."""

import operator
import re
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from core.images import LeadImageMixin, with_images
from core.localization import active_locale
from core.public_url import PublicURLPageMixin
from core.review import ReviewByMixin
from news.blocks import BodyBlock
from news.models import NewsArticlePage, NewsIndexPage
from pagecache.generation import is_anonymous_read, memoize, setting
from pagecache.middleware import memoized_route
from promises.models import PromisePage, StatusSummary, current_agreement

from .blocks import AccessibilityGapBlock

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_BRAND_COLOUR = "#00529b"  # also the --brand of static/css/site.css
# Footer data per language, kept for the 500 page, which must not need the database.
FOOTER_CACHE_KEY = "nytorget:footer:{language}"


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour such as "#00529b"."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_colour: str) -> float:
    return 1.05 / (relative_luminance(hex_colour) + 0.05)


def validate_brand_colour(value: str) -> None:
    """The brand colour is used for links on white and behind white text: it must pass AA (4.5:1)."""
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(_("Ange färgen som #rrggbb, t.ex. #00529b."))
    ratio = contrast_with_white(value)
    if ratio < 4.5:
        raise ValidationError(
            _(
                "Färgen har för låg kontrast mot vitt (%(ratio).1f:1). Den måste vara minst 4,5:1 "
                "för att text ska gå att läsa."
            )
            % {"ratio": ratio}
        )


def is_readable_brand_colour(value: str) -> bool:
    return bool(HEX_COLOUR.match(value or "")) and contrast_with_white(value) >= 4.5


def darker(colour: str) -> str:
    """A darker shade for hover states and the menu bar, computed rather than asked for."""
    channels = [int(int(colour[i : i + 2], 16) * 0.72) for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in channels)


class HomePage(PublicURLPageMixin, ReviewByMixin, Page):
    """The start page of one language. One per locale, at the root of the site."""

    lead = models.TextField(_("ingress"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead")]
    settings_panels = Page.settings_panels + ReviewByMixin.review_panels
    search_fields = Page.search_fields + [index.SearchField("lead")]
    api_fields = [APIField("lead")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.NewsIndexPage",
        "promises.PromisePage",
        "home.StandardPage",
        "home.AccessibilityStatementPage",
    ]

    lists_other_pages = True  # a CDN purges it after any change (pagecache/cdn.py)

    class Meta:
        verbose_name = _("startsida")

    def route(self, request, path_components):
        """Wagtail's routing from the site root, remembered until the next content change."""
        return memoized_route(self, request, path_components, self.route_below)

    def route_below(self, request, path_components):
        """Wagtail's routing, with this page's direct children (the news index, the information
        pages) kept for anonymous readers: a first visit to one of 10 000 stories then looks up
        only the story (NewsIndexPage.route)."""
        if (
            not path_components
            or not setting("FRAGMENT_CACHE_ENABLED", True)
            or not is_anonymous_read(request)
        ):
            return super().route(request, path_components)
        slug, remaining = path_components[0], path_components[1:]
        child = memoize(("child_page", self.pk, slug), lambda: self.kept_child(slug))
        if child is None:
            # As with the route memo: unknown paths and routable pages (the agreements, whose
            # route carries a view) are Wagtail's every time.
            return super().route(request, path_components)
        return child.route(request, remaining)

    def kept_child(self, slug: str) -> Page | None:
        child = self.get_children().filter(slug=slug).specific().first()
        return None if isinstance(child, RoutablePageMixin) else child

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template renders them: a kept fragment of the page needs none.
        listings = SimpleLazyObject(self.listings)
        for name in ("latest_news", "current_agreement", "current_summary", "agreements"):
            context[name] = SimpleLazyObject(partial(operator.getitem, listings, name))
        context["news_index"] = SimpleLazyObject(
            lambda: NewsIndexPage.objects.live().child_of(self).first()
        )
        return context

    def listings(self) -> dict:
        """The latest news and the agreements, the current one at a glance."""
        news = (
            NewsArticlePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .defer_streamfields()
            .order_by("-first_published_at")
        )
        # One agreement a year: all of them in one query, the current one shown at a glance.
        agreements = list(
            PromisePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by("-period_start", "-pk")
        )
        current = current_agreement(agreements)
        return {
            "latest_news": with_images(news)[:5],
            "current_agreement": current,
            "current_summary": StatusSummary(current.live_promises) if current else None,
            "agreements": [a for a in agreements if a is not current][:3],
        }


class StandardPage(PublicURLPageMixin, LeadImageMixin, ReviewByMixin, Page):
    """A plain information page, e.g. "Om medborgarlöften"."""

    lead = models.TextField(_("ingress"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innehåll"))

    content_panels = (
        Page.content_panels
        + [FieldPanel("lead")]
        + LeadImageMixin.lead_image_panels
        + [FieldPanel("body")]
    )
    settings_panels = Page.settings_panels + ReviewByMixin.review_panels
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    api_fields = [APIField("lead"), APIField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("informationssida")


class ComplianceLevel(models.TextChoices):
    FULL = "full", _("helt förenlig")
    PARTIAL = "partial", _("delvis förenlig")
    NONE = "none", _("inte förenlig")


class AssessmentMethod(models.TextChoices):
    SELF = "self", _("egen granskning")
    THIRD_PARTY = "third_party", _("granskning av extern part")


DIGG_NAME = "Myndigheten för digital förvaltning (Digg)"
DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"


class AccessibilityStatementPage(PublicURLPageMixin, ReviewByMixin, Page):
    """Tillgänglighetsredogörelse: the statement the law on accessible digital public services requires.

    Structured fields rather than free text, so that no required part (compliance level, known
    gaps, assessment, how to report, the supervising authority) can be left out.
    """

    organisation_name = models.CharField(
        _("organisation"), max_length=255, help_text=_("T.ex. Hässleholms kommun")
    )
    site_name = models.CharField(
        _("webbplatsens namn"), max_length=255, help_text=_("Den webbplats redogörelsen gäller.")
    )
    site_url = models.URLField(_("webbplatsens adress"), blank=True)
    compliance = models.CharField(
        _("förenlighet med lagkraven"),
        max_length=10,
        choices=ComplianceLevel.choices,
        default=ComplianceLevel.PARTIAL,
    )
    intro = models.TextField(_("inledning"), blank=True)
    known_gaps = StreamField(
        [("gap", AccessibilityGapBlock())],
        blank=True,
        verbose_name=_("kända brister"),
        help_text=_("Det som inte är tillgängligt, och varför."),
    )
    assessment_date = models.DateField(_("datum för bedömningen"))
    assessment_method = models.CharField(
        _("hur webbplatsen granskats"),
        max_length=20,
        choices=AssessmentMethod.choices,
        default=AssessmentMethod.SELF,
    )
    assessment_description = models.TextField(
        _("beskrivning av granskningen"),
        blank=True,
        help_text=_("T.ex. automatisk kontroll med axe-core och manuell test med skärmläsare."),
    )
    statement_updated = models.DateField(_("redogörelsen uppdaterades senast"))
    feedback_text = models.TextField(
        _("så rapporterar du brister"),
        blank=True,
        help_text=_("Hur besökare meddelar brister eller begär innehåll i tillgängligt format."),
    )
    feedback_email = models.EmailField(_("e-post för synpunkter"))
    feedback_phone = models.CharField(_("telefon för synpunkter"), max_length=50, blank=True)
    response_time = models.CharField(
        _("svarstid"), max_length=255, blank=True, help_text=_("T.ex. inom fem arbetsdagar")
    )
    supervisory_authority = models.CharField(
        _("tillsynsmyndighet"), max_length=255, default=DIGG_NAME
    )
    complaint_url = models.URLField(
        _("adress för anmälan till tillsynsmyndigheten"), default=DIGG_COMPLAINT_URL
    )
    extra = RichTextField(
        _("övrigt"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ul", "ol"]
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("organisation_name"), FieldPanel("site_name")]),
        FieldPanel("site_url"),
        FieldPanel("intro"),
        FieldPanel("compliance"),
        FieldPanel("known_gaps"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("assessment_date"), FieldPanel("assessment_method")]),
                FieldPanel("assessment_description"),
                FieldPanel("statement_updated"),
            ],
            heading=_("Granskning"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("feedback_text"),
                FieldRowPanel([FieldPanel("feedback_email"), FieldPanel("feedback_phone")]),
                FieldPanel("response_time"),
            ],
            heading=_("Rapportera brister"),
        ),
        MultiFieldPanel(
            [FieldPanel("supervisory_authority"), FieldPanel("complaint_url")],
            heading=_("Tillsyn"),
        ),
        FieldPanel("extra"),
    ]
    settings_panels = Page.settings_panels + ReviewByMixin.review_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [
        APIField(name)
        for name in (
            "organisation_name",
            "site_name",
            "site_url",
            "compliance",
            "intro",
            "known_gaps",
            "assessment_date",
            "assessment_method",
            "assessment_description",
            "statement_updated",
            "feedback_text",
            "feedback_email",
            "feedback_phone",
            "response_time",
            "supervisory_authority",
            "complaint_url",
            "extra",
        )
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("tillgänglighetsredogörelse")


def remember_footer(language: str, organisation) -> None:
    """Keep the footer contact data in the cache for the 500 page, which must not need the database."""
    data = {
        field: getattr(organisation, field)
        for field in (
            "name",
            "visiting_address",
            "postal_address",
            "switchboard",
            "email",
            "opening_hours",
        )
    }
    remember(FOOTER_CACHE_KEY.format(language=language), data)


def remember(key: str, value) -> None:
    """Write `value` to the cache when it differs: a page view costs one cache read, rarely a write.

    It lives as long as a cached page, like every key (a bounded Redis); the next page view
    after it expires writes it again.
    """
    if cache.get(key, ...) != value:
        cache.set(key, value, settings.PAGE_CACHE_TIMEOUT)


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Site-wide settings. The organisation fills the footer on every page."""

    organisation = models.ForeignKey(
        "contacts.Organisation",
        verbose_name=_("organisation i sidfoten"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logotyp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Kommunens logotyp i sidhuvudet. Namnet står alltid bredvid som text."),
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("delningsbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Visas när en sida utan egen huvudbild delas i sociala medier. Beskärs till 1200 × 630 px."
        ),
    )
    share_image_alt = models.CharField(
        _("delningsbildens alternativtext"), max_length=255, blank=True
    )
    brand_colour = models.CharField(
        _("profilfärg"),
        max_length=7,
        default=DEFAULT_BRAND_COLOUR,
        validators=[validate_brand_colour],
        help_text=_("Sidhuvudets och länkarnas färg, #rrggbb. Måste ha kontrast 4,5:1 mot vitt."),
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("share_image"), FieldPanel("share_image_alt")], heading=_("Delningsbild")
        ),
        FieldPanel("brand_colour"),
    ]

    # Every page shows the logo and the footer: one query for all of them (Wagtail's hook).
    select_related = ["organisation", "logo", "share_image"]

    class Meta:
        verbose_name = _("webbplatsinställningar")

    @classmethod
    def for_request(cls, request):
        """Wagtail's settings of the request's site; for anonymous readers kept until the next
        content change (pagecache memoize), as every page reads them. Editors read them afresh."""
        site = Site.find_for_request(request)
        if site is None or not is_anonymous_read(request):
            return super().for_request(request)
        return memoize(("site_settings", site.pk), lambda: cls.for_site(site))

    @cached_property
    def footer_organisation(self):
        """The footer organisation in the active language, falling back to the one chosen."""
        if self.organisation_id is None:
            return None
        locale = active_locale()
        # Kept until the next content change (pagecache memoize): every page shows it.
        organisation = memoize(
            ("footer_organisation", self.pk, locale.language_code),
            lambda: self.organisation.get_translation_or_none(locale) or self.organisation,
        )
        remember_footer(locale.language_code, organisation)
        return organisation

    @property
    def safe_brand_colour(self) -> str:
        """The brand colour, or the default when the stored value is not a readable #rrggbb."""
        colour = self.brand_colour or ""
        return colour.lower() if is_readable_brand_colour(colour) else DEFAULT_BRAND_COLOUR


def publisher_name() -> str:
    """The kommun's name in the active language (the footer organisation), else the site's name.

    The feeds' author: cms/urls.py hands it to the news and follow-up feeds.
    """
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return "Nytorget"
    organisation = SiteSettings.for_site(site).footer_organisation
    if organisation is not None:
        return organisation.name
    return site.site_name or "Nytorget"
