"""Admin report: how many leads each article brought in, by status."""

from django.db.models import Count, Q
from wagtail.admin.views.reports import ReportView

from .models import Inquiry, LeadsReport, Status

STATUS_COLUMNS = [status.value for status in Status]


class LeadsByArticleReport(ReportView):
    """For editors and sales alike: counts only, no personal data."""

    page_title = "Leads by article"
    header_icon = "mail"
    model = LeadsReport
    permission_required = "view"
    index_url_name = "contact_leads_report"
    index_results_url_name = "contact_leads_report_results"
    results_template_name = "contact/admin/leads_report_results.html"
    list_export = ["article", "total", *STATUS_COLUMNS]
    export_headings = {"article": "Article", "total": "Leads"} | {
        status.value: status.label for status in Status
    }
    export_filename = "leads-by-article"

    def get_queryset(self):
        per_status = {status: Count("pk", filter=Q(status=status)) for status in STATUS_COLUMNS}
        return (
            Inquiry.objects.values("source_article_id", "source_article__title")
            .annotate(total=Count("pk"), **per_status)
            .order_by("-total", "source_article__title")
        )

    def decorate_paginated_queryset(self, rows):
        for row in rows:
            row["article"] = (
                row["source_article__title"] or "No article (came to the form directly)"
            )
            row["counts"] = [row[status] for status in STATUS_COLUMNS]
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["status_labels"] = [status.label for status in Status]
        return context
