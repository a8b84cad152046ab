"""The admin's own form data for snippets, as a browser posts it, for tests that edit through HTTP."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from contacts.models import ContactPerson
from promises.models import Promise


def promise_edit_url(promise: Promise) -> str:
    return reverse("wagtailsnippets_promises_promise:edit", args=[promise.pk])


def promise_form(promise: Promise, new_follow_ups: list[dict] = (), **changes) -> dict:
    """The promise's edit form as it stands, with `changes` and `new_follow_ups` added."""
    follow_ups = [
        {
            "id": f.pk,
            "date": f.date.isoformat(),
            "status": f.status,
            "note": f.note,
            "evidence-count": 0,
        }
        for f in promise.follow_ups.all()
    ]
    follow_ups += [{"id": "", "evidence-count": 0, **f} for f in new_follow_ups]
    fields = {
        "agreement": promise.agreement_id,
        "title": promise.title,
        "slug": promise.slug,
        "focus_area": promise.focus_area,
        "sort_order": promise.sort_order,
        "party": promise.party,
        "partners": promise.partners,
        # An empty Draftail editor posts "null".
        "description": rich_text(promise.description) if promise.description else "null",
        "target": promise.target,
        "status": promise.status,
        "status_reason": promise.status_reason,
        "outcome": promise.outcome,
        "continues": promise.continues_id or "",
        "review_by": promise.review_by or "",
        "follow_ups": inline_formset(follow_ups, initial=promise.follow_ups.count()),
    }
    return nested_form_data({**fields, **changes})


def publish(data: dict) -> dict:
    return {**data, "action-publish": "action-publish"}


def contact_person_edit_url(person: ContactPerson) -> str:
    return reverse("wagtailsnippets_contacts_contactperson:edit", args=[person.pk])


def contact_person_form(person: ContactPerson, **changes) -> dict:
    fields = {
        "name": person.name,
        "role_title": person.role_title,
        "organisation": person.organisation_id or "",
        "phone": person.phone,
        "email": person.email,
        "review_by": person.review_by.isoformat() if person.review_by else "",
    }
    if person.is_active:
        fields["is_active"] = "on"
    fields.update(changes)
    return {k: v for k, v in fields.items() if v is not False}
