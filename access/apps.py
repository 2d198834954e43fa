from django.apps import AppConfig


class AccessConfig(AppConfig):
    """Who gets in, and how often: client addresses, rate limits, admin sign-in and the
    boundaries between the Editors and Sales roles."""

    name = "access"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from .devices import logged_in, login_failed

        user_login_failed.connect(login_failed, dispatch_uid="access-login-failed")
        user_logged_in.connect(logged_in, dispatch_uid="access-logged-in")
