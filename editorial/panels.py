"""The dashboard panel "Att göra": what is the logged-in editor's to look at today."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from .duties import duties


class DutiesPanel(Component):
    name = "editorial_duties"
    template_name = "editorial/duties_panel.html"
    order = 90  # first on the dashboard, before Wagtail's own panels

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        request = parent_context["request"]
        context["duties"] = duties(request.user, timezone.localdate(), own_pages_only=True)
        return context
