from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ContactPerson, Organisation
from .reports import BrokenContactsReportView


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "switchboard", "locale"]


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    list_display = ["name", "role_title", "organisation", "is_active", "review_by"]
    list_filter = ["is_active", "organisation", "locale"]


class ContactsViewSetGroup(SnippetViewSetGroup):
    items = (ContactPersonViewSet, OrganisationViewSet)
    menu_icon = "user"
    menu_label = _("Kontakter")
    menu_order = 210


register_snippet(ContactsViewSetGroup)


@hooks.register("register_admin_urls")
def register_broken_contacts_report_urls():
    view = BrokenContactsReportView
    return [
        path("reports/broken-contacts/", view.as_view(), name=view.index_url_name),
        path(
            "reports/broken-contacts/results/",
            view.as_view(results_only=True),
            name=view.index_results_url_name,
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_broken_contacts_report_menu_item():
    return MenuItem(
        _("Trasiga kontakter"),
        reverse(BrokenContactsReportView.index_url_name),
        name="broken-contacts",
        icon_name="warning",
        order=650,
    )
