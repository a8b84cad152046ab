from django.apps import AppConfig


class WorkerConfig(AppConfig):
    """The worker process: `manage.py run_worker` does the time-based and queued work."""

    name = "worker"
    label = "worker"
    verbose_name = "Worker"
