"""Review-by dates: "granska senast" on pages and promises, and what is due."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, get_page_models
from wagtail.query import PageQuerySet


class ReviewByMixin(models.Model):
    """Content that someone must check again by a date (it goes stale otherwise)."""

    review_by = models.DateField(
        _("granska senast"),
        null=True,
        blank=True,
        help_text=_("Från det datumet visas innehållet i rapporten Att granska och på startsidan."),
    )

    review_panels = [FieldPanel("review_by")]

    class Meta:
        abstract = True


def is_due(review_by: datetime.date | None, today: datetime.date) -> bool:
    return review_by is not None and review_by <= today


def pages_due_for_review(today: datetime.date) -> PageQuerySet:
    """Pages of every type with a review-by date that has come (the day itself included)."""
    ids: list[int] = []
    for model in get_page_models():
        if issubclass(model, ReviewByMixin) and not model._meta.abstract:
            due = model.objects.exact_type(model).filter(review_by__lte=today)
            ids.extend(due.values_list("pk", flat=True))
    return Page.objects.filter(pk__in=ids)
