from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ContactPerson, Organisation


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
