from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    """Content performance: which articles bring readers, clicks, leads and won work, counted
    without cookies or personal data."""

    name = "performance"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.admin.views.pages.edit import EditView

        from access.boundaries import open_to_all_staff
        from config import patches

        from . import receivers
        from .admin.side_panel import panel_for

        receivers.connect()
        open_to_all_staff(names=("content_performance",))
        patches.add_page_edit_side_panel(EditView, panel_for)
