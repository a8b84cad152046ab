"""The one process beside the web server that does what is due, by itself.

- Every `--interval` seconds (30 by default) it runs Wagtail's `publish_scheduled`: pages and
  promises go live and expire on time, and the page cache is retired as by any publish.
- When django-tasks queues in the database (TASKS_BACKEND=database, the production default), it
  runs the queued tasks (search index, reference index, CDN purges) as `db_worker` would.

`make run` starts it beside runserver; production runs it as one more service (docs/operations.md).
"""

import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend

logger = logging.getLogger(__name__)

QUEUE_POLL_SECONDS = 1.0


def queues_in_database() -> bool:
    return isinstance(task_backends["default"], DatabaseBackend)


class Command(BaseCommand):
    help = "Publishes and unpublishes what is scheduled, and runs queued tasks, until stopped."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--interval",
            type=float,
            default=getattr(settings, "WORKER_SCHEDULE_INTERVAL", 30),
            help="Seconds between runs of publish_scheduled (default: %(default)s).",
        )
        parser.add_argument(
            "--once", action="store_true", help="Do what is due now, then stop (for cron)."
        )

    def handle(self, *args, interval: float, once: bool, **options) -> None:
        queue = queues_in_database()
        self.stdout.write(
            f"Worker: publish_scheduled every {interval:g} s"
            + (", tasks from the database queue." if queue else "; tasks run in the web process.")
        )
        next_schedule = 0.0
        while True:
            if time.monotonic() >= next_schedule:
                next_schedule = time.monotonic() + interval
                self.run("publish_scheduled")
            if queue:
                self.run(
                    "db_worker",
                    batch=True,
                    reload=False,
                    startup_delay=False,
                    interval=0,
                    verbosity=0,
                )
            if once:
                return
            wait = next_schedule - time.monotonic()
            time.sleep(max(0.0, min(wait, QUEUE_POLL_SECONDS) if queue else wait))
            close_old_connections()  # after a sleep: never keep a dropped connection

    def run(self, command: str, **options) -> None:
        """A failure is logged and retried next round: the worker itself never stops."""
        try:
            call_command(command, **options)
        except Exception:
            logger.exception("Worker: %s failed", command)
