"""The StreamField blocks shared by every page type. Import them; do not copy them."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from contacts.blocks import ContactBlock
from promises.blocks import PromiseBlock

TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ul", "ol"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Rubrik"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Nivå 2")), ("h3", _("Nivå 3"))], default="h2", label=_("Nivå")
    )

    class Meta:
        icon = "title"
        label = _("Rubrik")
        template = "components/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citat"))
    attribution = blocks.CharBlock(label=_("Vem säger det"), required=False)
    role = blocks.CharBlock(label=_("Titel och organisation"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Citat")
        template = "components/quote.html"


class ImageBlock(blocks.StructBlock):
    """An image whose alternative text is required: screen-reader users must get its meaning."""

    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        help_text=_("Beskriv vad bilden visar för den som inte ser den."),
    )
    caption = blocks.CharBlock(label=_("Bildtext"), required=False)
    credit = blocks.CharBlock(label=_("Fotograf"), required=False)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "components/image.html"


class BodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=TEXT_FEATURES, label=_("Text"), template="components/text.html"
    )
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    contact = ContactBlock()
    promise = PromiseBlock("promises.Promise")


class ContactsBlock(blocks.StreamBlock):
    contact = ContactBlock()


GAP_REASONS = [
    ("non_compliance", _("Bristande förenlighet med lagkraven")),
    ("disproportionate", _("Oskälig belastning")),
    ("out_of_scope", _("Omfattas inte av lagen")),
]


class AccessibilityGapValue(blocks.StructValue):
    @property
    def reason_label(self) -> str:
        return str(dict(GAP_REASONS).get(self.get("reason"), ""))


class AccessibilityGapBlock(blocks.StructBlock):
    """One known accessibility problem: what it is, why, and when it will be fixed."""

    title = blocks.CharBlock(label=_("Brist"))
    description = blocks.TextBlock(label=_("Beskrivning"))
    reason = blocks.ChoiceBlock(choices=GAP_REASONS, default="non_compliance", label=_("Skäl"))
    wcag = blocks.CharBlock(
        label=_("WCAG-kriterium"),
        required=False,
        help_text=_("T.ex. 1.1.1 Icke-textuellt innehåll"),
    )
    fix_by = blocks.CharBlock(
        label=_("Åtgärdas"), required=False, help_text=_("T.ex. under våren 2027")
    )

    class Meta:
        icon = "warning"
        label = _("Känd brist")
        value_class = AccessibilityGapValue
