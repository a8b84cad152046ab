"""Every interface string in the code has an English translation."""

import io
import os
import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command

BASE = Path(settings.BASE_DIR)
CATALOGUE = BASE / "locale/en/LC_MESSAGES/django.po"


def missing(catalogue: polib.POFile) -> list[str]:
    return [e.msgid for e in catalogue.untranslated_entries() + catalogue.fuzzy_entries()]


def test_english_catalogue_is_complete():
    assert missing(polib.pofile(str(CATALOGUE))) == []


def test_english_catalogue_has_every_string_in_the_code(tmp_path, settings):
    """Re-extract the strings as `makemessages` does, in a copy of the tree: nothing committed
    is touched."""
    tree = tmp_path / "tree"
    shutil.copytree(
        BASE,
        tree,
        ignore=shutil.ignore_patterns(
            ".*", "node_modules", "media", "test-media", "collected-static", "screenshots",
            "bench", "*.sqlite3", "__pycache__",
        ),
    )  # fmt: skip
    settings.LOCALE_PATHS = [tree / "locale"]
    cwd = os.getcwd()
    try:
        os.chdir(tree)
        call_command("makemessages", locale=["en"], no_location=True, stdout=io.StringIO())
    finally:
        os.chdir(cwd)
    extracted = polib.pofile(str(tree / "locale/en/LC_MESSAGES/django.po"))
    assert missing(extracted) == [], "run makemessages -l en and translate the new strings"
