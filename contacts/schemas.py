"""How pages show their contacts in the pages API: the same facts as the contact card."""

from typing import Any, Literal

from django.utils import translation
from ninja import Schema

from core.api import WholeObjectField

from .models import ContactPerson, Organisation


class ContactOut(Schema):
    kind: Literal["person", "organisation"]
    id: int
    name: str
    role_title: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""


def contact_out(contact: ContactPerson | Organisation) -> ContactOut:
    """A person or organisation as partners see it."""
    if contact.kind == "person":
        return ContactOut(
            kind="person",
            id=contact.pk,
            name=contact.name,
            role_title=contact.role_title,
            organisation=contact.organisation.name if contact.organisation else "",
            phone=contact.phone,
            email=contact.email,
        )
    return ContactOut(
        kind="organisation",
        id=contact.pk,
        name=contact.name,
        phone=contact.switchboard,
        email=contact.email,
    )


class ContactsField(WholeObjectField):
    """The contacts the page shows the public: inactive people never leave, even as an id."""

    def to_representation(self, page: Any) -> list[ContactOut]:
        # The blocks load their snippets in the active language: make it the page's.
        with translation.override(page.locale.language_code):
            contacts = [block.value.visible for block in page.contacts]
        return [contact_out(contact) for contact in contacts if contact is not None]
