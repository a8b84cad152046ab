import factory
from factory.django import DjangoModelFactory

from .models import ContactPerson, Organisation


class OrganisationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    visiting_address = "Stadshuset, Nytorget 1\nHässleholm"
    postal_address = "281 80 Hässleholm"
    switchboard = "0451-26 70 00"

    class Meta:
        model = Organisation


class ContactPersonFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kontakt {n}")
    role_title = "Trygghetssamordnare"
    organisation = factory.SubFactory(OrganisationFactory)
    phone = "0451-26 70 00"
    is_active = True

    class Meta:
        model = ContactPerson
