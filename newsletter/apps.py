from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    """Readers follow the blog by e-mail: double opt-in subscriptions and one-click unsubscribe
    (see issue: readers can follow the blog by e-mail); digests build on these."""

    name = "newsletter"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import receivers

        receivers.connect()
