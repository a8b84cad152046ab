from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from cms.backup import local_media_root, restore_archive


class Command(BaseCommand):
    help = (
        "Restores an archive made by `backup` into the configured database, which must be new "
        "and empty, and the media folder; then migrates and empties the page cache."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", type=Path)

    def handle(self, *args, archive: Path, **options) -> None:
        if not archive.is_file():
            raise CommandError(f"No archive at {archive}.")
        manifest = restore_archive(archive)
        self.stdout.write(f"Restored the database and media of {manifest['created']}.")
        if manifest["media"] and local_media_root() is None:
            self.stderr.write("The media are in object storage: restore the bucket there.")
        # A backup of an earlier release catches up with this one's migrations.
        call_command("migrate", interactive=False, verbosity=0)
        # Nothing cached before the restore may be served after it (Redis is shared).
        call_command("clear_page_cache", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Restore complete."))
