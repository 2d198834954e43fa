"""Admin report: which articles bring leads, qualified leads and won work, and for how much."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.reports import ReportView

from ..funnel import FUNNEL, rate
from ..models import Inquiry, LeadsReport


class SourcePaginator(WagtailPaginator):
    verbose_name, verbose_name_plural = "source", "sources"  # a row is an article, not a lead


class LeadsByArticleReport(ReportView):
    """For editors and sales alike: counts and won value only, no personal data."""

    page_title = _("Leads by article")
    header_icon = "mail"
    model = LeadsReport
    permission_required = "view"
    paginator_class = SourcePaginator
    index_url_name = "contact_leads_report"
    index_results_url_name = "contact_leads_report_results"
    results_template_name = "contact/admin/leads_report_results.html"
    list_export = ["article", "total", "qualified", "won", "won_value"]
    export_headings = {
        "article": _("Article"),
        "total": _("Leads"),
        "qualified": _("Qualified"),
        "won": _("Won"),
        "won_value": _("Won value (EUR)"),
    }
    export_filename = "leads-by-article"

    def get_queryset(self):
        return (
            Inquiry.objects.values("source_article_id", "source_article__title")
            .annotate(**FUNNEL)
            .order_by("-won_value", "-total", "source_article__title")
        )

    def decorate_paginated_queryset(self, rows):
        for row in rows:
            row["article"] = row["source_article__title"] or _(
                "No article (came to the form directly)"
            )
            row["won_rate"] = rate(row["won"], row["total"])
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        totals = Inquiry.objects.aggregate(**FUNNEL)
        context["totals"] = totals | {"won_rate": rate(totals["won"], totals["total"])}
        return context
