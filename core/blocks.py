"""Generic StreamField blocks: text, headings, quotes and images. Import them; do not copy them.

Blocks that point at a domain's data live with that domain (contacts/blocks.py,
promises/blocks.py); news/blocks.py puts them all together into the body stream.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

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
