"""The editors' report of live pages whose contact references have broken since publishing."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView
from wagtail.fields import StreamField
from wagtail.models import get_page_models

from .models import ContactPerson, Organisation


def contact_values(stream) -> list[dict]:
    """The stored values of a stream's ContactBlocks, read without fetching what they point at."""
    return [
        block.get("value") or {}
        for block in (stream.raw_data if stream else [])
        if isinstance(block, dict) and block.get("type") == "contact"
    ]


def is_broken(value: dict, active_people: set, organisations: set) -> bool:
    person, organisation = value.get("person"), value.get("organisation")
    if person:
        return person not in active_people
    return not organisation or organisation not in organisations


def pages_with_broken_contacts() -> list[int]:
    """Ids of live pages with a contact that is inactive, deleted or empty.

    Such pages still render (without the contact), so nothing shows the public that anything is
    wrong; this report is how editors find them.
    """
    active_people = set(ContactPerson.objects.active().values_list("pk", flat=True))
    organisations = set(Organisation.objects.values_list("pk", flat=True))
    broken = []
    for model in get_page_models():
        fields = [f.name for f in model._meta.get_fields() if isinstance(f, StreamField)]
        if not fields or model._meta.abstract:
            continue
        for row in model.objects.live().exact_type(model).values("pk", *fields):
            values = [v for name in fields for v in contact_values(row[name])]
            if any(is_broken(v, active_people, organisations) for v in values):
                broken.append(row["pk"])
    return broken


class BrokenContactsReportView(PageReportView):
    page_title = _("Trasiga kontakter")
    header_icon = "warning"
    index_url_name = "broken_contacts_report"
    index_results_url_name = "broken_contacts_report_results"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return (
            editable.filter(pk__in=pages_with_broken_contacts())
            .specific(defer=True)
            .select_related("locale")
            .order_by("title")
        )
