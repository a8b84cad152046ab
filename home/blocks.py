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
