"""Sales' admin screens: the Inquiries list and editor, and the leads-by-article report."""

import django_filters
from django.db.models import Q
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from articles.models import ArticlePage

from .admin_views import LeadsByArticleReport
from .models import Inquiry, LeadsReport

SUBMITTED_FIELDS = [
    "name", "email", "company", "role", "project", "work_definition", "documentation",
    "desired_start", "source_article", "landing_page", "readiness", "created_at",
]  # fmt: skip


MAIL_STATES = {
    "sent": Q(notified_at__isnull=False),
    "waiting": Q(notified_at__isnull=True, notify_failed_at__isnull=True),
    "failed": Q(notify_failed_at__isnull=False, notified_at__isnull=True),
}


class InquiryFilterSet(WagtailFilterSet):
    mail = django_filters.ChoiceFilter(
        label="Lead e-mail",
        choices=[("sent", "Sent"), ("waiting", "Waiting or retrying"), ("failed", "Not sent")],
        method="filter_mail",
    )
    created_at = django_filters.DateFromToRangeFilter(
        label="Received", widget=DateRangePickerWidget
    )
    source_article = django_filters.ModelChoiceFilter(
        label="Source article",
        queryset=ArticlePage.objects.filter(inquiries__isnull=False).distinct(),
    )

    class Meta:
        model = Inquiry
        fields = ["status", "readiness", "owner", "created_at", "source_article"]

    def filter_mail(self, queryset, name, value):
        return queryset.filter(MAIL_STATES[value]) if value in MAIL_STATES else queryset


class InquiryViewSet(ModelViewSet):
    """Sales triage: the reader's answers are read-only; status, owner and notes are sales'."""

    model = Inquiry
    icon = "mail"
    menu_label = "Inquiries"
    menu_order = 150
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "name", "company", "readiness", "status", "owner", "source", "created_at", "mail_status",
    ]  # fmt: skip
    filterset_class = InquiryFilterSet
    search_fields = ["name", "email", "company", "role", "project", "notes"]
    list_export = [
        "created_at", "name", "email", "company", "role", "project",
        "get_work_definition_display", "get_documentation_display", "get_desired_start_display",
        "get_readiness_display", "readiness_score", "get_status_display", "owner", "source",
        "notes", "mail_status",
    ]  # fmt: skip
    export_headings = {
        "created_at": "Received",
        "get_work_definition_display": "How work is defined",
        "get_documentation_display": "Documentation",
        "get_desired_start_display": "Desired start",
        "get_readiness_display": "Readiness",
        "mail_status": "Lead e-mail",
        "readiness_score": "Score",
        "get_status_display": "Status",
        "source": "Source",
    }
    export_filename = "inquiries"
    panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("status"), FieldPanel("owner")]), FieldPanel("notes")],
            heading="Triage",
        ),
        MultiFieldPanel(
            [FieldPanel(name, read_only=True) for name in SUBMITTED_FIELDS], heading="Submitted"
        ),
    ]

    def get_queryset(self, request):
        return Inquiry.objects.select_related("owner", "source_article")


inquiry_viewset = InquiryViewSet("contact_inquiry")


@hooks.register("register_admin_viewset")
def register_inquiry_viewset():
    return inquiry_viewset


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/leads-by-article/", LeadsByArticleReport.as_view(), name="contact_leads_report"
        ),
        path(
            "reports/leads-by-article/results/",
            LeadsByArticleReport.as_view(results_only=True),
            name="contact_leads_report_results",
        ),
    ]


class LeadsReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return ModelPermissionPolicy(LeadsReport).user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_leads_report_menu_item():
    return LeadsReportMenuItem(
        "Leads by article", reverse("contact_leads_report"), icon_name="mail", order=1000
    )
