"""Admin report: which articles bring leads, qualified leads and won work, and for how much."""

from datetime import timedelta

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.reports import ReportView

from ..funnel import FUNNEL, rate
from ..models import Inquiry, LeadsReport


class SourcePaginator(WagtailPaginator):
    verbose_name, verbose_name_plural = "source", "sources"  # a row is an article, not a lead


class LeadPeriodFilterSet(WagtailFilterSet):
    """The period Content performance offers: the last 7, 30 or 90 days, or from – to."""

    period = django_filters.ChoiceFilter(
        label=_("Period"), method="filter_period", empty_label=_("All time"),
        choices=[("7", _("Last 7 days")), ("30", _("Last 30 days")), ("90", _("Last 90 days"))],
    )  # fmt: skip
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Received from – to"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Inquiry
        fields = ["created_at"]

    def filter_period(self, queryset, name, value):
        since = timezone.localdate() - timedelta(days=int(value) - 1)
        return queryset.filter(created_at__date__gte=since)


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

    filterset_class = LeadPeriodFilterSet

    def get_queryset(self):
        return (
            self.filter_queryset(Inquiry.objects.all())
            .values("source_article_id", "source_article__title")
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
        totals = self.filter_queryset(Inquiry.objects.all()).aggregate(**FUNNEL)
        context["totals"] = totals | {"won_rate": rate(totals["won"], totals["total"])}
        return context
