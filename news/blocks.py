"""The body stream of stories and information pages, and the page contacts stream."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from contacts.blocks import ContactBlock
from core.blocks import TEXT_FEATURES, HeadingBlock, ImageBlock, QuoteBlock
from promises.blocks import PromiseBlock


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
