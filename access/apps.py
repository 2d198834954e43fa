from django.apps import AppConfig


class AccessConfig(AppConfig):
    """Who gets in, and how often: client addresses, rate limits, admin sign-in and the
    boundaries between the Editors and Sales roles."""

    name = "access"

    def ready(self) -> None:
        from . import receivers

        receivers.connect()
