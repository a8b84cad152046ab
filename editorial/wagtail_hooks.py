from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .panels import DutiesPanel
from .translations import original_if_outdated
from .views import DueForReviewView


@hooks.register("register_admin_urls")
def register_due_for_review_url():
    return [path("reports/due-for-review/", DueForReviewView.as_view(), name="due_for_review")]


@hooks.register("register_reports_menu_item")
def register_due_for_review_menu_item():
    return MenuItem(
        gettext_lazy("Att granska"),
        reverse("due_for_review"),
        name="due-for-review",
        icon_name="date",
        order=640,
    )


@hooks.register("construct_homepage_panels")
def add_duties_panel(request, panels):
    panels.append(DutiesPanel())


def warn_if_outdated(request, instance) -> None:
    """Opening a translation whose original's text has changed since: say so, first thing."""
    if request.method != "GET":
        return
    original = original_if_outdated(instance)
    if original is not None:
        messages.warning(
            request,
            _(
                "Originalet (%(language)s) har ändrats sedan den här översättningen gjordes. "
                "Synka översättningen och översätt det som är nytt. Status, datum och andra "
                "fakta följer redan med av sig själva."
            )
            % {"language": original.locale.get_display_name()},
        )


@hooks.register("before_edit_page")
def warn_if_page_translation_is_outdated(request, page):
    warn_if_outdated(request, page.specific)


@hooks.register("before_edit_snippet")
def warn_if_snippet_translation_is_outdated(request, instance):
    if hasattr(instance, "translation_key"):
        warn_if_outdated(request, instance)
