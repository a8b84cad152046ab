from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from cms.backup import create_archive, local_media_root


class Command(BaseCommand):
    help = (
        "Writes the database and the media into one dated archive, "
        "nytorget-YYYY-MM-DD-HHMMSS.tar.gz (docs/operations.md)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=Path(settings.BACKUP_DIR),
            help="Where the archive goes (BACKUP_DIR, default: backups/).",
        )

    def handle(self, *args, output_dir: Path, **options) -> None:
        archive = create_archive(output_dir)
        if local_media_root() is None:
            self.stderr.write("The media are in object storage: back up the bucket there.")
        self.stdout.write(self.style.SUCCESS(f"Backed up to {archive}"))
