"""Facts: fields that hold one value in every language (a status, a date, a phone number).

A translatable model names them in `fact_fields`; `keep_facts(Model)` connects the rule. The
version in the default language (Swedish) owns them, or the oldest version when there is none:
- saving the owner copies its facts to every translation, in the same transaction;
- saving a translation takes the owner's facts first.
So a stale wagtail-localize sync, an old draft or an English form can never write an older fact
back, and every channel that reads rows (pages, API, feeds, export, embed, search) shows one fact
the moment the owner is saved. Each translation is saved through `save()`, so the page cache, the
search index and a CDN hear of it as of any other change.

A fact that points at another translatable object (a promise's agreement, a person's
organisation) is kept as that object in the translation's own language, when one exists.
"""

from typing import Any

from django.db import models
from django.db.models import Case, Value, When
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import TranslatableMixin

from .localization import default_locale


def source_of(instance: TranslatableMixin) -> TranslatableMixin | None:
    """The version whose facts (and text) the others follow: the default language's, else the oldest."""
    if instance.translation_key is None:
        return None
    default = default_locale()
    return (
        type(instance)
        ._default_manager.filter(translation_key=instance.translation_key)
        .order_by(Case(When(locale_id=default.pk, then=Value(0)), default=Value(1)), "pk")
        .first()
    )


def is_translation(instance: TranslatableMixin, source: TranslatableMixin | None) -> bool:
    return source is not None and source.pk != instance.pk


def fact_fields(model: type[models.Model]) -> list[models.Field]:
    return [model._meta.get_field(name) for name in model.fact_fields]


def facts_for(source: models.Model, locale_id: int) -> dict[str, Any]:
    """The source's facts as a translation in `locale_id` holds them (by attribute name).

    A reference to a translatable object becomes its translation in that language; without
    one the translation's own reference is left as it is.
    """
    values = {}
    for field in fact_fields(type(source)):
        value = getattr(source, field.attname)
        related = field.related_model if field.is_relation else None
        if related is not None and issubclass(related, TranslatableMixin) and value is not None:
            manager = related._default_manager
            value = (
                manager.filter(
                    translation_key__in=manager.filter(pk=value).values("translation_key"),
                    locale_id=locale_id,
                )
                .values_list("pk", flat=True)
                .first()
            )
            if value is None:
                continue
        values[field.attname] = value
    return values


def touches_facts(model: type[models.Model], update_fields) -> bool:
    if update_fields is None:
        return True
    names = {f.name for f in fact_fields(model)} | {f.attname for f in fact_fields(model)}
    return bool(names & set(update_fields))


def take_facts(sender, instance, raw: bool = False, update_fields=None, **kwargs) -> None:
    """pre_save: a translation holds its source's facts, whatever it was given."""
    if raw or not touches_facts(sender, update_fields):
        return
    source = source_of(instance)
    if is_translation(instance, source):
        for attname, value in facts_for(source, instance.locale_id).items():
            setattr(instance, attname, value)


def share_facts(sender, instance, raw: bool = False, update_fields=None, **kwargs) -> None:
    """post_save: the source's facts reach every translation in the same transaction."""
    if raw or not touches_facts(sender, update_fields):
        return
    if is_translation(instance, source_of(instance)):
        return
    translations = sender._default_manager.filter(translation_key=instance.translation_key)
    for translation in translations.exclude(pk=instance.pk):
        changed = [
            attname
            for attname, value in facts_for(instance, translation.locale_id).items()
            if getattr(translation, attname) != value
        ]
        if changed:
            # take_facts sets the values; save() tells the cache, search and CDN.
            translation.save(update_fields=changed)


def keep_facts(model: type[models.Model]) -> None:
    """Connect the rule for a model with `fact_fields` (from its AppConfig.ready())."""
    uid = f"facts-{model._meta.label_lower}"
    pre_save.connect(take_facts, sender=model, dispatch_uid=f"{uid}-take")
    post_save.connect(share_facts, sender=model, dispatch_uid=f"{uid}-share")


FOLLOWS_SOURCE = _("Samma på alla språk. Ändras i originalet (%(language)s).")


def show_facts_read_only(form, source: models.Model) -> None:
    """Show a translation's facts as its source's, read-only: they are changed there."""
    model = type(source)
    values = facts_for(source, form.instance.locale_id)
    note = FOLLOWS_SOURCE % {"language": source.locale.get_display_name()}
    for field in fact_fields(model):
        if field.name in form.fields:
            form_field = form.fields[field.name]
            form_field.disabled = True
            form_field.help_text = note
            if field.attname in values:
                form.initial[field.name] = values[field.attname]


class FactsAdminForm(WagtailAdminModelForm):
    """The admin form of a model with facts (and of child forms with facts, such as follow-ups).

    In a translation the facts are read-only, and rows with facts can be neither added nor
    removed: they are the source's, and its next save would bring them back.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.source = source_of(self.instance) if self.instance.pk else None
        if not is_translation(self.instance, self.source):
            self.source = None
            return
        show_facts_read_only(self, self.source)
        for formset in self.fact_formsets():
            for form in formset.forms:
                if form.instance.pk and (child_source := source_of(form.instance)) is not None:
                    show_facts_read_only(form, child_source)

    def fact_formsets(self) -> list:
        return [
            formset
            for formset in getattr(self, "formsets", {}).values()
            if hasattr(formset.model, "fact_fields")
        ]

    def is_valid(self) -> bool:
        valid = super().is_valid()
        if not valid or self.source is None:
            return valid
        for formset in self.fact_formsets():
            added = [f for f in formset.forms if f.instance.pk is None and f.has_changed()]
            if added or formset.deleted_forms:
                self.add_error(
                    None,
                    _(
                        "%(rows)s läggs till och tas bort i originalet (%(language)s), "
                        "sedan följer översättningarna med."
                    )
                    % {
                        "rows": formset.model._meta.verbose_name_plural.capitalize(),
                        "language": self.source.locale.get_display_name(),
                    },
                )
                return False
        return True
