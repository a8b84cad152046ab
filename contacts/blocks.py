"""ContactBlock: a reference to an Organisation or an active ContactPerson."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.localization import LocalizedSnippetChooserBlock, active_locale, localize

from .models import ContactPerson, Organisation
from .schemas import contact_out


class ContactValue(blocks.StructValue):
    @property
    def visible(self) -> ContactPerson | Organisation | None:
        """What the public may see: an active person, else the organisation, else nothing."""
        person = self.get("person")
        if person is not None and person.is_active:
            return person
        return self.get("organisation")


class PersonChooserBlock(LocalizedSnippetChooserBlock):
    def get_queryset(self):
        return ContactPerson.objects.select_related("organisation")

    def bulk_to_python(self, values):
        """People in the reader's language, and their organisations too (one more query)."""
        people = super().bulk_to_python(values)
        with_organisation = [p for p in people if p is not None and p.organisation is not None]
        organisations = localize([p.organisation for p in with_organisation], active_locale())
        for person, organisation in zip(with_organisation, organisations, strict=True):
            person.organisation = organisation
        return people


class ContactBlock(blocks.StructBlock):
    person = PersonChooserBlock(ContactPerson, required=False, label=_("Kontaktperson"))
    organisation = LocalizedSnippetChooserBlock(
        Organisation, required=False, label=_("Organisation")
    )

    class Meta:
        icon = "user"
        label = _("Kontakt")
        template = "components/contact_card.html"
        value_class = ContactValue

    def clean(self, value):
        """A contact must point at something real: the seed site showed "Ingen giltig användare vald"."""
        value = super().clean(value)
        person, organisation = value.get("person"), value.get("organisation")
        if person is None and organisation is None:
            raise blocks.StructBlockValidationError(
                non_block_errors=[
                    ValidationError(_("Välj en kontaktperson eller en organisation."))
                ]
            )
        if person is not None and not person.is_active:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "person": ValidationError(
                        _("%(name)s är inaktiv och kan inte visas. Välj en aktiv kontakt.")
                        % {"name": person.name}
                    )
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        """In the API as on the page: the visible contact's details, never an inactive person."""
        contact = value.visible
        return contact_out(contact).dict() if contact is not None else None
