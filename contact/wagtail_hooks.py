"""Sales' admin: Inquiries, the Pipeline, the Sales desk on the dashboard, Leads by article."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from access.menu import PermittedMenuItem

from .admin import saved_views, timeline
from .admin.bulk import BULK_ACTIONS
from .admin.companies import CompaniesView, CompanyView
from .admin.dashboard import add_sales_panels
from .admin.pipeline import PipelineView
from .admin.team_lists import lost_reason_viewset, saved_reply_viewset
from .admin.unmatched import attachment, unmatched_viewset
from .admin.views import LeadsByArticleReport
from .admin.viewsets import inquiry_viewset

hooks.register("register_admin_viewset", lambda: inquiry_viewset)
hooks.register("register_admin_viewset", lambda: unmatched_viewset)
hooks.register("register_admin_viewset", lambda: lost_reason_viewset)
hooks.register("register_admin_viewset", lambda: saved_reply_viewset)
hooks.register("register_log_actions", timeline.register_actions)
for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)
hooks.register("construct_homepage_panels", add_sales_panels)


@hooks.register("register_admin_urls")
def register_sales_urls():
    return [
        path("pipeline/", PipelineView.as_view(), name="contact_pipeline"),
        path("companies/", CompaniesView.as_view(), name="contact_companies"),
        path("companies/<str:domain>/", CompanyView.as_view(), name="contact_company"),
        path("leads/views/save/", saved_views.save_view, name="contact_saved_view_save"),
        path(
            "leads/views/<int:pk>/delete/",
            saved_views.delete_view,
            name="contact_saved_view_delete",
        ),  # fmt: skip
        path("leads/files/<int:pk>/", attachment, name="contact_attachment"),
        path(
            "reports/leads-by-article/", LeadsByArticleReport.as_view(), name="contact_leads_report"
        ),
        path(
            "reports/leads-by-article/results/",
            LeadsByArticleReport.as_view(results_only=True),
            name="contact_leads_report_results",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_pipeline_menu_item():
    return PermittedMenuItem(
        _("Pipeline"), reverse("contact_pipeline"), icon_name="list-ul", order=151,
        permission="contact.change_inquiry",
    )  # fmt: skip


@hooks.register("register_admin_menu_item")
def register_companies_menu_item():
    return PermittedMenuItem(
        _("Companies"), reverse("contact_companies"), icon_name="group", order=153,
        permission="contact.view_inquiry",
    )  # fmt: skip


@hooks.register("register_reports_menu_item")
def register_leads_report_menu_item():
    return PermittedMenuItem(
        _("Leads by article"), reverse("contact_leads_report"), icon_name="mail", order=1000,
        permission="contact.view_leadsreport",
    )  # fmt: skip
