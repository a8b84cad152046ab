"""The editor of the newsroom benchmark (bench/newsroom.py): publishes a story every N seconds.

Through the admin's own path, `save_revision().publish()`, so every signal, cache bump and
purge happens as when an editor presses Publish. New stories and updates of the newest ones
alternate; either shows at once on the home page, the news index, the feed and the API list.
Each publish is printed as one JSON line when it has ended (committed): the time, the story's
path and id, and the marker text its title now holds, which the benchmark's checker looks for.
"""

from __future__ import annotations

import json
import os
import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F
from wagtail.models import Locale

from news.models import NewsArticlePage, NewsIndexPage


class Command(BaseCommand):
    help = "Publishes a story every --interval seconds for --duration seconds (newsroom bench)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--interval", type=float, default=10.0)
        parser.add_argument("--duration", type=float, default=60.0)
        parser.add_argument("--count", type=int, default=0, help="at most this many; 0: no limit")

    def handle(self, *args, interval: float, duration: float, count: int, **options) -> None:
        locale = Locale.objects.get(language_code="sv")
        index = NewsIndexPage.objects.live().filter(locale=locale).order_by("depth", "pk").first()
        if index is None:
            raise SystemExit("No Swedish news index: run generate_content first.")
        started = time.monotonic()
        limit, count = count, 0
        while time.monotonic() - started < duration and not (limit and count >= limit):
            tick = started + count * interval
            time.sleep(max(0.0, tick - time.monotonic()))
            marker = f"nr{os.getpid()}x{count}"
            begun = time.time()
            page = self.publish(index, locale, marker, new=count % 2 == 0)
            record = {
                "at": time.time(),
                "took": round(time.time() - begun, 3),
                "path": page.url,
                "id": page.pk,
                "marker": marker,
            }
            self.stdout.write(json.dumps(record))
            self.stdout.flush()
            count += 1

    def publish(self, index, locale, marker: str, new: bool) -> NewsArticlePage:
        title = f"Nyhetsflöde {marker}"
        with transaction.atomic():  # as an admin request (ATOMIC_REQUESTS)
            if new:
                page = NewsArticlePage(
                    title=title,
                    slug=f"nyhetsflode-{marker}",
                    locale=locale,
                    lead="Publicerad av nyhetsflödets redaktör.",
                    body=[("text", "<p>En ny nyhet från redaktionen.</p>")],
                    live=False,
                )
                index.add_child(instance=page)
            else:
                page = (
                    NewsArticlePage.objects.live()
                    .filter(locale=locale)
                    .order_by(F("first_published_at").desc(nulls_last=True), "-pk")[1:2]
                    .get()
                )
                page.title = title
            page.save_revision().publish()
        return page
