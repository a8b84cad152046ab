"""The report "Att granska": everything the editor may change that is due for review."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .duties import duties


class DueForReviewView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Att granska")
    header_icon = "date"
    template_name = "editorial/due_for_review.html"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["duties"] = duties(self.request.user, timezone.localdate())
        return context
