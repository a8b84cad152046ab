"""Showing translatable snippets in the reader's language, in bulk."""

from functools import cache

from django.db import models
from django.db.models import QuerySet
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import get_language
from wagtail.models import Locale, Page
from wagtail.snippets.blocks import SnippetChooserBlock

_locales: dict[str, Locale] = {}


def active_locale() -> Locale:
    """Locale.get_active() without a query each time: a page asks for it once per block type."""
    language = get_language()
    if language not in _locales:
        _locales[language] = Locale.get_active()
    return _locales[language]


def default_locale() -> Locale:
    """The site's default language (Swedish), cached like `active_locale()`."""
    if "" not in _locales:
        _locales[""] = Locale.get_default()
    return _locales[""]


@receiver([post_save, post_delete], sender=Locale)
def forget_locales(**kwargs) -> None:
    _locales.clear()


def localized_in_bulk(queryset: QuerySet, ids: list) -> dict:
    """Fetch objects by id, each swapped for its translation in the active language if one exists.

    Two queries whatever the number of ids, so pages with many references stay bounded.
    """
    objects = queryset.in_bulk([i for i in ids if i is not None])
    locale = active_locale()
    foreign = {o.translation_key for o in objects.values() if o.locale_id != locale.pk}
    if foreign:
        translations = {
            t.translation_key: t
            for t in queryset.filter(translation_key__in=foreign, locale=locale)
        }
        for pk, obj in objects.items():
            objects[pk] = translations.get(obj.translation_key, obj)
    return objects


def localize(objects: list, locale: Locale, queryset: QuerySet | None = None) -> list:
    """The same objects in `locale` where a translation exists, in at most one query.

    `queryset` fetches the translations (pass one with select_related to keep it bounded).
    """
    if not objects:
        return []
    if queryset is None:
        queryset = type(objects[0])._default_manager.all()
    foreign = {o.translation_key for o in objects if o.locale_id != locale.pk}
    translations = {}
    if foreign:
        translations = {
            t.translation_key: t
            for t in queryset.filter(translation_key__in=foreign, locale=locale)
        }
    return [translations.get(o.translation_key, o) for o in objects]


class LocalizedSnippetChooserBlock(SnippetChooserBlock):
    """A snippet chooser whose value is the snippet in the reader's language, fetched in bulk."""

    def get_queryset(self) -> QuerySet:
        return self.model_class._default_manager.all()

    def bulk_to_python(self, values):
        objects = localized_in_bulk(self.get_queryset(), list(values))
        return [objects.get(v) for v in values]

    # wagtail-localize: nothing to translate. A translated page keeps the reference as it is
    # (it is shown in the reader's language anyway), so translating or publishing the page
    # never creates or overwrites a translation of the snippet it points at.
    def get_translatable_segments(self, value) -> list:
        return []

    def restore_translated_segments(self, value, segments):
        return value


class _SpecificPageDescriptor(ForwardManyToOneDescriptor):
    def __set__(self, instance, value):
        if isinstance(value, Page) and not isinstance(value, self.field.remote_field.model):
            value = value.specific
        super().__set__(instance, value)


class SpecificPageForeignKey(models.ForeignKey):
    """A ForeignKey to a page type that also accepts the generic Page of that type.

    wagtail-localize assigns a translated reference as a plain `Page`, which a ForeignKey to a
    specific page model refuses; this takes the specific page instead.
    """

    forward_related_accessor_class = _SpecificPageDescriptor


def label_in(label, language: str) -> str:
    """A lazy label (or a callable giving one, such as `get_status_display`) in `language`."""
    with translation.override(language):
        return str(label() if callable(label) else label)


@cache
def choice_labels(choices: type[models.Choices], language: str) -> dict[str, str]:
    """Every label of a choices class in `language`, worked out once per process.

    The labels are code and compiled translations, so they never change while it runs; an API
    list of 50 promises otherwise switches the active language twice per promise.
    """
    with translation.override(language):
        return {value: str(label) for value, label in choices.choices}
