"""Follow-ups are facts too: a translation of a promise has the same follow-ups as its original.

core/facts.py keeps each follow-up's date and status in step. Which follow-ups exist is settled
here, once a promise is published (its follow-ups are saved by then): a translation gets the
original's new follow-ups, with the original's note until someone translates it, and loses the
ones the original no longer has.
"""

from wagtail.signals import published

from core.facts import is_translation, source_of

from .models import Promise, PromiseFollowUp


def align_follow_ups(source: Promise, translation: Promise) -> None:
    ours = {f.translation_key: f for f in source.follow_ups.all()}
    theirs = PromiseFollowUp.objects.filter(promise=translation)
    theirs.exclude(translation_key__in=ours).delete()
    present = set(theirs.values_list("translation_key", flat=True))
    for key, follow_up in ours.items():
        if key not in present:
            PromiseFollowUp.objects.create(
                promise=translation,
                locale_id=translation.locale_id,
                translation_key=key,
                sort_order=follow_up.sort_order,
                date=follow_up.date,
                status=follow_up.status,
                note=follow_up.note,
                evidence=follow_up.evidence,
            )


def follow_ups_in_step(sender, instance: Promise, **kwargs) -> None:
    """After a publish: the original brings its translations along; a translation catches up."""
    source = source_of(instance)
    if source is None:
        return
    if is_translation(instance, source):
        align_follow_ups(source, instance)
        return
    for translation in Promise.objects.filter(translation_key=source.translation_key).exclude(
        pk=source.pk
    ):
        align_follow_ups(source, translation)


def connect_signals() -> None:
    """Called from PromisesConfig.ready()."""
    published.connect(follow_ups_in_step, sender=Promise, dispatch_uid="promises-follow-ups")
