from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    """Content performance: which articles bring readers, clicks, leads and won work, counted
    without cookies or personal data."""

    name = "performance"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.admin.views.pages.edit import EditView

        from pagecache import store

        from .counting import count_hit
        from .side_panel import add_to

        add_to(EditView)
        if count_hit not in store.HIT_HOOKS:
            store.HIT_HOOKS.append(count_hit)
