"""Blocks of the site's own pages: the accessibility statement's known gaps."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

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
