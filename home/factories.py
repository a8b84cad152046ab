"""Factories for the home app's pages. Other apps' factories build on `HomePageFactory`."""

import factory
import wagtail_factories
from wagtail.models import Locale, Page

from .models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Startsida"
    lead = "Välkommen"

    class Meta:
        model = HomePage

    @classmethod
    def translation_of(cls, page: Page, locale: Locale) -> HomePage:
        """A live home page in `locale` that is the translation of `page`, beside it at the root."""
        existing = page.get_translation_or_none(locale)
        if existing is not None:
            return existing.specific
        return cls(
            parent=Page.get_first_root_node(),
            locale=locale,
            translation_key=page.translation_key,
            slug=f"home-{locale.language_code}",
            title=f"Home {locale.language_code}",
        )


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Informationssida {n}")
    lead = "Om sidan"

    class Meta:
        model = StandardPage
