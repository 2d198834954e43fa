"""Sales' admin: Inquiries, the Pipeline, the Sales desk on the dashboard, Leads by article."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy

from . import timeline
from .admin_views import LeadsByArticleReport
from .dashboard import add_sales_panels
from .models import Inquiry, LeadsReport
from .pipeline import PipelineView
from .viewsets import inquiry_viewset


@hooks.register("register_admin_viewset")
def register_inquiry_viewset():
    return inquiry_viewset


@hooks.register("register_log_actions")
def register_lead_log_actions(actions):
    timeline.register_actions(actions)


hooks.register("construct_homepage_panels", add_sales_panels)


@hooks.register("register_admin_urls")
def register_sales_urls():
    return [
        path("pipeline/", PipelineView.as_view(), name="contact_pipeline"),
        path(
            "reports/leads-by-article/", LeadsByArticleReport.as_view(), name="contact_leads_report"
        ),
        path(
            "reports/leads-by-article/results/",
            LeadsByArticleReport.as_view(results_only=True),
            name="contact_leads_report_results",
        ),
    ]


class PermittedMenuItem(MenuItem):
    def __init__(self, *args, model=Inquiry, action: str = "change", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.policy, self.action = ModelPermissionPolicy(model), action

    def is_shown(self, request) -> bool:
        return self.policy.user_has_permission(request.user, self.action)


@hooks.register("register_admin_menu_item")
def register_pipeline_menu_item():
    return PermittedMenuItem("Pipeline", reverse("contact_pipeline"), icon_name="list-ul",
                             order=151)  # fmt: skip


@hooks.register("register_reports_menu_item")
def register_leads_report_menu_item():
    return PermittedMenuItem(
        "Leads by article", reverse("contact_leads_report"), icon_name="mail", order=1000,
        model=LeadsReport, action="view",
    )  # fmt: skip
