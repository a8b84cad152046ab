"""Lead images: the fields every illustrated page shares, their rule, and the renditions used.

The rendition specs live here once: templates render them (home/templatetags) and listings
prefetch exactly these, so a list of twenty teasers costs the same queries as a list of one.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.images.models import Filter

# Responsive renditions: WebP for every browser of today, JPEG as the fallback; 16:9 crops
# around the focal point, so width and height are known before the image loads.
LEAD_SPECS = "fill-{480x270,800x450,1200x675}|format-{webp,jpeg}"
LEAD_SIZES = "(min-width: 44rem) 40rem, calc(100vw - 2.5rem)"
TEASER_SPECS = "fill-{320x180,640x360}|format-{webp,jpeg}"
TEASER_SIZES = "(min-width: 40rem) 14rem, 7rem"
# The sharing image for OpenGraph, Twitter cards and JSON-LD.
SHARE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"


def with_images(pages: QuerySet, specs: str = TEASER_SPECS) -> QuerySet:
    """Pages with their lead image and its renditions for `specs`, in two queries for any number."""
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__in=Filter.expand_spec(specs))
    )
    return pages.select_related("lead_image").prefetch_related(
        Prefetch("lead_image__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )


class LeadImageMixin(models.Model):
    """An optional lead image with alternative text, or an explicit choice that it is decorative.

    The text is required unless the editor says the image adds nothing a reader would miss:
    screen-reader users must get what a seeing reader gets.
    """

    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("huvudbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("alternativtext"),
        max_length=255,
        blank=True,
        help_text=_("Vad bilden visar, för den som inte ser den."),
    )
    lead_image_decorative = models.BooleanField(
        _("bilden är dekorativ"),
        default=False,
        help_text=_("Kryssa i bara om bilden inte tillför något som texten inte redan säger."),
    )
    lead_image_caption = models.CharField(_("bildtext"), max_length=255, blank=True)
    lead_image_credit = models.CharField(_("fotograf eller källa"), max_length=255, blank=True)

    lead_image_panels = [
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_decorative"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading=_("Huvudbild"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if (
            self.lead_image_id
            and not self.lead_image_decorative
            and not self.lead_image_alt.strip()
        ):
            raise ValidationError(
                {
                    "lead_image_alt": _(
                        "Skriv en alternativtext, eller kryssa i att bilden är dekorativ."
                    )
                }
            )

    @property
    def lead_image_alt_text(self) -> str:
        """The alt attribute: empty for a decorative image, as WCAG asks."""
        return "" if self.lead_image_decorative else self.lead_image_alt
