"""The home page, standard information pages and the site-wide settings."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.cache import memoize
from cms.localization import active_locale

from .blocks import BodyBlock


class HomePage(Page):
    """The start page of one language. One per locale, at the root of the site."""

    lead = models.TextField(_("ingress"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead")]
    search_fields = Page.search_fields + [index.SearchField("lead")]
    api_fields = [APIField("lead")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.NewsIndexPage", "promises.PromisePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("startsida")

    def get_context(self, request, *args, **kwargs):
        from news.models import NewsArticlePage
        from promises.models import PromisePage

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsArticlePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .defer_streamfields()
            .order_by("-first_published_at")[:5]
        )
        context["agreements"] = (
            PromisePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by("-period_start")[:3]
        )
        return context


class StandardPage(Page):
    """A plain information page, e.g. "Om medborgarlöften"."""

    lead = models.TextField(_("ingress"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innehåll"))

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    api_fields = [APIField("lead"), APIField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("informationssida")


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

    panels = [FieldPanel("organisation")]

    class Meta:
        verbose_name = _("webbplatsinställningar")

    @cached_property
    def footer_organisation(self):
        """The footer organisation in the active language, falling back to the one chosen."""
        if self.organisation_id is None:
            return None
        return memoize(
            ("footer_organisation", self.pk, get_language()),
            lambda: self.organisation.get_translation_or_none(active_locale()) or self.organisation,
        )
