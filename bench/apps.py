from django.apps import AppConfig


class BenchConfig(AppConfig):
    """`generate_content` and the bench probes: installed by development settings and by
    NYTORGET_BENCH=1 (bench/run.py), never in a production deploy."""

    name = "bench"
