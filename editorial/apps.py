from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The editors' side: roles and review workflow, what is due for review, stale translations."""

    name = "editorial"
    label = "editorial"
    verbose_name = _("Redaktionellt arbete")
