"""The Content performance report under Reports, for Editors and Sales alike."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from access.menu import PermittedMenuItem

from .admin.views import PERMISSION, ContentPerformanceView


@hooks.register("register_admin_urls")
def register_report_url():
    return [
        path(
            "reports/content-performance/",
            ContentPerformanceView.as_view(),
            name="content_performance",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return PermittedMenuItem(
        _("Content performance"), reverse("content_performance"), icon_name="pick", order=990,
        permission=PERMISSION,
    )  # fmt: skip
