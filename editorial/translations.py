"""Is a translation older than its original? Editors are told when they open it.

Only text counts: facts (a status, a date) reach translations by themselves (core/facts.py).
The text the translation was made from is wagtail-localize's last sync of the original, or,
for a translation made by hand, the original's version when the translation was last published.
"""

from django.db import models
from wagtail.models import RevisionMixin
from wagtail_localize.fields import TranslatableField, get_translatable_fields
from wagtail_localize.models import TranslationSource

from core.facts import is_translation, source_of


def text_of(instance: models.Model) -> dict:
    """The words of `instance` that translators translate, child objects' words included."""
    text = {}
    for translatable in get_translatable_fields(type(instance)):
        if not isinstance(translatable, TranslatableField):
            continue
        field = translatable.get_field(type(instance))
        if field.one_to_many:
            children = getattr(instance, field.get_accessor_name()).all()
            text[field.name] = {str(c.translation_key): text_of(c) for c in children}
        elif not field.is_relation:
            text[field.name] = field.value_to_string(instance)
    return text


def translated_from(source: models.Model, translation: models.Model) -> models.Model | None:
    """The original as it was when `translation` was made."""
    synced = TranslationSource.objects.filter(
        object_id=source.translation_key, locale_id=source.locale_id
    ).first()
    if synced is not None:
        return synced.as_instance()
    published = getattr(translation, "last_published_at", None)
    if published is None or not isinstance(source, RevisionMixin):
        return None
    revision = (
        source.revisions.filter(created_at__lte=published).order_by("-created_at", "-pk").first()
    )
    return revision.as_object() if revision is not None else None


def original_if_outdated(translation: models.Model) -> models.Model | None:
    """The original, when its text has changed since `translation` was made; else None."""
    source = source_of(translation)
    if not is_translation(translation, source):
        return None
    then = translated_from(source, translation)
    if then is None or text_of(then) == text_of(source):
        return None
    return source
