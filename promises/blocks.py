"""PromiseBlock: show a medborgarlöfte, with its live status, inside a story."""

from django.utils.translation import gettext_lazy as _

from core.localization import LocalizedSnippetChooserBlock


class PromiseBlock(LocalizedSnippetChooserBlock):
    """A promise card with its current status; a promise that is not live renders nothing."""

    def get_queryset(self):
        return self.model_class.objects.select_related("agreement")

    class Meta:
        icon = "tick-inverse"
        label = _("Medborgarlöfte")
        template = "components/promise_card.html"
