"""The Content performance report under Reports, for Editors and Sales alike."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from access.roles import has_content_access

from .. import funnel
from .chart import daily_chart
from .forms import PeriodForm

PERMISSION = "performance.view_contentperformance"
ROW_NAMES = {"article": _("Article"), "city": _("City"), "author": _("Author")}


class ContentPerformanceView(SpreadsheetExportMixin, WagtailAdminTemplateMixin, TemplateView):
    """For Editors and Sales: counts and money per article, city and author; nobody's data."""

    template_name = "performance/report.html"
    page_title = _("Content performance")
    header_icon = "pick"
    list_export = ["name", *funnel.COLUMNS, *(f"{step}_rate" for step in funnel.STEPS[1:])]
    export_headings = {
        "name": _("Name"), "views": _("Views"), "cta_clicks": _("CTA clicks"),
        "form_views": _("Form views"), "leads": _("Leads"), "qualified": _("Qualified"),
        "won": _("Won"),
        "won_value": _("Won value (EUR)"), "cta_clicks_rate": _("CTA clicks / views"),
        "form_views_rate": _("Form views / CTA clicks"), "leads_rate": _("Leads / form views"),
        "qualified_rate": _("Qualified / leads"), "won_rate": _("Won / qualified"),
    }  # fmt: skip
    export_filename = "content-performance"
    sortable = {"name", *funnel.COLUMNS}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.form = PeriodForm(request.GET if "days" in request.GET else None)
        self.period, self.by = self.form.period(), self.form.rows_by()
        self.pending = funnel.pending_rows(self.period)  # read from Redis once per report
        rows = funnel.article_rows(self.period, self.pending)
        self.rows = rows if self.by == "article" else funnel.grouped(rows, self.by)
        self.totals = funnel.totals(rows)  # every lead, with or without an article
        self.sort = self.sorted_rows()
        if self.is_export:
            return self.as_spreadsheet(self.rows, request.GET["export"])
        return super().get(request, *args, **kwargs)

    def sorted_rows(self) -> str:
        """?sort=views (ascending) or ?sort=-views; unknown columns fall back to views."""
        sort = self.request.GET.get("sort", "-views")
        if sort.lstrip("-") not in self.sortable:
            sort = "-views"
        column = sort.lstrip("-")
        key = (lambda row: row[column].lower()) if column == "name" else (lambda row: row[column])
        self.rows.sort(key=key, reverse=sort.startswith("-"))
        return sort

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        days = funnel.daily(self.period, self.pending)
        query = self.request.GET.copy()
        for name in ("sort", "export"):
            query.pop(name, None)
        context.update(
            form=self.form, period=self.period, by=self.by, rows=self.rows, sort=self.sort,
            totals=self.totals, chart=daily_chart(days), days=days, query=query.urlencode(),
            can_edit=has_content_access(self.request.user),
            columns=[("name", ROW_NAMES[self.by]),
                     *((c, self.export_headings[c]) for c in funnel.COLUMNS)],
        )  # fmt: skip
        return context
