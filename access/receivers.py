"""Which of access's functions run on which signal (connected at start-up)."""

from django.apps import apps
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_migrate

from .devices import logged_in, login_failed
from .roles import sync_after_migrate


def connect() -> None:
    # Sent once per app that has models (this one has none): once, for auth's.
    post_migrate.connect(
        sync_after_migrate, sender=apps.get_app_config("auth"), dispatch_uid="access-sync-roles"
    )
    user_login_failed.connect(login_failed, dispatch_uid="access-login-failed")
    user_logged_in.connect(logged_in, dispatch_uid="access-logged-in")
