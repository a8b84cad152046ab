"""Every interface string has an English translation in the catalogue."""

from pathlib import Path

import polib
from django.conf import settings


def test_english_catalogue_is_complete():
    catalogue = polib.pofile(str(Path(settings.BASE_DIR) / "locale/en/LC_MESSAGES/django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []
