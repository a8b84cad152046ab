"""Every interface string in the code has an English translation."""

import io
import os
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command

CATALOGUE = Path(settings.BASE_DIR) / "locale/en/LC_MESSAGES/django.po"


def missing(catalogue: polib.POFile) -> list[str]:
    return [e.msgid for e in catalogue.untranslated_entries() + catalogue.fuzzy_entries()]


def test_english_catalogue_is_complete():
    assert missing(polib.pofile(str(CATALOGUE))) == []


def test_english_catalogue_has_every_string_in_the_code():
    """Re-extract the strings as `makemessages` does, then put the committed catalogue back."""
    committed = CATALOGUE.read_bytes()
    cwd = os.getcwd()
    try:
        os.chdir(settings.BASE_DIR)
        call_command(
            "makemessages",
            locale=["en"],
            ignore_patterns=[".venv", "node_modules", "bench"],
            no_location=True,
            stdout=io.StringIO(),
        )
        extracted = polib.pofile(str(CATALOGUE))
    finally:
        os.chdir(cwd)
        CATALOGUE.write_bytes(committed)
    assert missing(extracted) == [], "run makemessages -l en and translate the new strings"
