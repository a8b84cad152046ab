from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Promise


class PromiseViewSet(SnippetViewSet):
    model = Promise
    icon = "tick-inverse"
    menu_label = _("Medborgarlöften")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "agreement", "focus_area", "status", "locale"]
    list_filter = ["status", "party", "agreement", "locale"]
    search_fields = ["title", "focus_area"]


register_snippet(PromiseViewSet)
