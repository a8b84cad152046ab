"""What is due: content past its review-by date, and promises left without a follow-up.

One place for the report "Att granska" and the dashboard panel, so that both say the same.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from contacts.models import ContactPerson
from core.review import pages_due_for_review
from promises.models import Promise


@dataclass
class Duties:
    pages: list[Page] = field(default_factory=list)
    promises: list[Promise] = field(default_factory=list)
    unreported: list[Promise] = field(default_factory=list)
    contacts: list[ContactPerson] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.pages or self.promises or self.unreported or self.contacts)


def duties(user: AbstractBaseUser, today: datetime.date, own_pages_only: bool = False) -> Duties:
    """What `user` may change and should look at by `today`.

    Promises and contacts are kept by a role (promise owners, editors), so everyone in it sees
    all of them; pages are the user's own (as owner) when `own_pages_only`, for the dashboard.
    """
    pages = pages_due_for_review(today).filter(
        pk__in=PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    )
    if own_pages_only:
        pages = pages.filter(owner=user)
    specific = pages.select_related("locale").specific()
    result = Duties(pages=sorted(specific, key=lambda page: (page.review_by, page.pk)))
    if user.has_perm("promises.change_promise"):
        promises = Promise.objects.select_related("agreement", "locale")
        result.promises = list(promises.due_for_review(today).order_by("review_by", "pk"))
        result.unreported = list(
            promises.unreported(today).order_by("agreement__period_end", "focus_area", "pk")
        )
    if user.has_perm("contacts.change_contactperson"):
        result.contacts = list(
            ContactPerson.objects.active()
            .filter(review_by__lte=today)
            .select_related("locale")
            .order_by("review_by", "name")
        )
    return result
