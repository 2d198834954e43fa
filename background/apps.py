from django.apps import AppConfig


class BackgroundConfig(AppConfig):
    """The background worker: queued jobs (django-tasks-db) plus a few jobs run every minute."""

    name = "background"
