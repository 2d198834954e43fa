from django.apps import AppConfig


class ContactConfig(AppConfig):
    """From an article's call to action to a triaged lead (see issue: contact leads)."""

    name = "contact"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .exports import protect_all_exports

        protect_all_exports()
