from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.snippets.widgets import AdminSnippetChooser

from .models import Promise, PromisePage, PromiseStatus

FILTER = {"data-chooser-modal-search-filter": True}


class AgreementChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, page: PromisePage) -> str:
        return f"{page.title} ({page.year_label}, {page.locale.get_display_name()})"


class PromiseFilterForm(forms.Form):
    """The chooser's filters: the same title comes back year after year."""

    agreement = AgreementChoiceField(
        PromisePage.objects.select_related("locale").order_by("-period_start", "locale_id"),
        required=False,
        label=_("Överenskommelse"),
        empty_label=_("Alla överenskommelser"),
        widget=forms.Select(attrs=FILTER),
    )
    status = forms.ChoiceField(
        choices=[("", _("Alla statusar")), *PromiseStatus.choices],
        required=False,
        label=_("Status"),
        widget=forms.Select(attrs=FILTER),
    )

    def filter(self, objects):
        if agreement := self.cleaned_data.get("agreement"):
            # The agreement in any language: its translations' promises too.
            objects = objects.filter(agreement__translation_key=agreement.translation_key)
        if status := self.cleaned_data.get("status"):
            objects = objects.filter(status=status)
        return super().filter(objects)


class PromiseChooseMixin:
    """Each promise with its agreement, year and status, to tell repeated titles apart."""

    def get_object_list(self):
        return Promise.objects.select_related("agreement", "locale")

    def get_filter_form_class(self):
        return type(
            "PromiseChooserFilterForm", (PromiseFilterForm, super().get_filter_form_class()), {}
        )

    @property
    def columns(self):
        title, *rest = super().columns
        return [
            title,
            Column("agreement", label=_("Överenskommelse"), accessor="agreement.title"),
            Column("year", label=_("År"), accessor="agreement.year_label"),
            Column("status", label=_("Status"), accessor="get_status_display"),
            *rest,
        ]


class PromiseChooseView(PromiseChooseMixin, ChooseView):
    pass


class PromiseChooseResultsView(PromiseChooseMixin, ChooseResultsView):
    pass


class PromiseChosenView(SnippetChosenView):
    def get_display_title(self, instance: Promise) -> str:
        return instance.admin_label


class PromiseChooserWidget(AdminSnippetChooser):
    def get_display_title(self, instance: Promise) -> str:
        return instance.admin_label


class PromiseChooserViewSet(SnippetChooserViewSet):
    choose_view_class = PromiseChooseView
    choose_results_view_class = PromiseChooseResultsView
    chosen_view_class = PromiseChosenView
    base_widget_class = PromiseChooserWidget


class PromiseViewSet(SnippetViewSet):
    model = Promise
    icon = "tick-inverse"
    menu_label = _("Medborgarlöften")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "agreement", "focus_area", "status", "review_by", "locale"]
    list_filter = ["status", "party", "agreement", "locale"]
    search_fields = ["title", "focus_area"]
    chooser_viewset_class = PromiseChooserViewSet


register_snippet(PromiseViewSet)
