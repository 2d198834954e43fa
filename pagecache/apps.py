from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """The shared cache of public pages, and what clears it when content changes."""

    name = "pagecache"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import invalidation

        invalidation.connect()
