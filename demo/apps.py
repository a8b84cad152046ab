from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content (`load_demo`) and `screenshots`: development only, never in production."""

    name = "demo"
