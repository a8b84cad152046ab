"""Who residents can contact: organisations and the people who speak for them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.facts import FactsAdminForm


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    kind = "organisation"  # what a contact card shows (see ContactValue.visible)

    name = models.CharField(_("namn"), max_length=255)
    visiting_address = models.TextField(_("besöksadress"), blank=True)
    postal_address = models.TextField(_("postadress"), blank=True)
    switchboard = models.CharField(_("växel"), max_length=50, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    opening_hours = models.TextField(_("öppettider"), blank=True)
    website = models.URLField(_("webbadress"), blank=True)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("visiting_address"), FieldPanel("postal_address")],
            heading=_("Adresser"),
        ),
        FieldPanel("switchboard"),
        FieldPanel("email"),
        FieldPanel("opening_hours"),
        FieldPanel("website"),
    ]
    # Numbers and addresses are facts: one value in every language (core/facts.py).
    fact_fields = ("visiting_address", "postal_address", "switchboard", "email", "website")
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("opening_hours"),
        *(SynchronizedField(name, overridable=False) for name in fact_fields),
    ]
    base_form_class = FactsAdminForm
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ContactPersonQuerySet(models.QuerySet):
    def active(self) -> "ContactPersonQuerySet":
        return self.filter(is_active=True)


class ContactPerson(TranslatableMixin, index.Indexed, models.Model):
    """A named contact. Inactive people are kept for history but never shown publicly."""

    kind = "person"

    name = models.CharField(_("namn"), max_length=255)
    role_title = models.CharField(_("titel"), max_length=255, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(_("telefon"), max_length=50, blank=True)
    email = models.EmailField(_("funktionsadress (e-post)"), blank=True)
    is_active = models.BooleanField(
        _("aktiv"),
        default=True,
        help_text=_("Inaktiva kontakter visas aldrig på webbplatsen."),
    )
    review_by = models.DateField(
        _("granskas senast"),
        null=True,
        blank=True,
        help_text=_("Datum då uppgifterna ska ses över."),
    )

    objects = ContactPersonQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("role_title"),
        FieldPanel("organisation"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("is_active"),
        FieldPanel("review_by"),
    ]
    # Only the role title is translated; the rest is one fact in every language.
    fact_fields = ("name", "organisation", "phone", "email", "is_active", "review_by")
    translatable_fields = [
        TranslatableField("role_title"),
        *(SynchronizedField(name, overridable=False) for name in fact_fields),
    ]
    base_form_class = FactsAdminForm
    search_fields = [
        index.SearchField("name"),
        index.SearchField("role_title"),
        index.AutocompleteField("name"),
        index.FilterField("is_active"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")
        ordering = ["name"]

    def __str__(self) -> str:
        if not self.is_active:
            return _("%(name)s (inaktiv)") % {"name": self.name}
        return self.name
