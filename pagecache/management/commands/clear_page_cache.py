"""Forget every cached page, feed, API answer and fragment (pagecache/), on every server.

Content changes do this by themselves; this is for changes that send no signal, such as a
`QuerySet.update()` in a data fix, or a deploy without a new RELEASE.
"""

from django.core.management.base import BaseCommand

from pagecache.generation import clear_page_cache


class Command(BaseCommand):
    help = "Forgets every cached page, feed, API answer and fragment."

    def handle(self, *args, **options) -> None:
        clear_page_cache()
        self.stdout.write(self.style.SUCCESS("The page cache is empty."))
