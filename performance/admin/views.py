"""The Content performance report under Reports, for Editors and Sales alike."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from access.roles import has_content_access

from .. import funnel, sources
from .chart import daily_chart
from .forms import PeriodForm

PERMISSION = "performance.view_contentperformance"
ROW_NAMES = {"article": _("Article"), "city": _("City"), "author": _("Author"),
             "channel": _("Channel"), "campaign": _("Campaign")}  # fmt: skip


HEADINGS = {
    "name": _("Name"), "visitors": _("Visitors"), "views": _("Views"),
    "cta_clicks": _("CTA clicks"), "form_views": _("Form views"), "leads": _("Leads"),
    "qualified": _("Qualified"), "won": _("Won"), "won_value": _("Won value (EUR)"),
    "first_touch_leads": _("First-touch leads"),
    "first_touch_value": _("First-touch won value (EUR)"), "assisted_leads": _("Assisted leads"),
    "assisted_value": _("Assisted won value (EUR)"), "visits": _("Visits"),
    "subscribers": _("Subscribed"),
    "cta_clicks_rate": _("CTA clicks / views"), "form_views_rate": _("Form views / CTA clicks"),
    "leads_rate": _("Leads / form views"), "qualified_rate": _("Qualified / leads"),
    "won_rate": _("Won / qualified"),
}  # fmt: skip
# On the page, a lead count and its won value share a cell; the export has both columns.
ON_PAGE = {"article": [c for c in funnel.COLUMNS if not c.endswith("_value") or c == "won_value"],
           "source": list(sources.SOURCE_COLUMNS)}  # fmt: skip


class ContentPerformanceView(SpreadsheetExportMixin, WagtailAdminTemplateMixin, TemplateView):
    """For Editors and Sales: counts and money per article, city, author, channel and campaign;
    nobody's data."""

    template_name = "performance/report.html"
    page_title = _("Content performance")
    header_icon = "pick"
    export_filename = "content-performance"

    @property
    def by_source(self) -> bool:
        return self.by in sources.LEAD_FIELD

    @property
    def list_export(self) -> list[str]:
        if self.by_source:
            rates = [f"{step}_rate" for step in sources.SOURCE_STEPS[1:]]
            return ["name", *sources.SOURCE_COLUMNS, *rates]
        return ["name", *funnel.COLUMNS, *(f"{step}_rate" for step in funnel.STEPS[1:])]

    @property
    def export_headings(self) -> dict:
        per_visit = {
            "cta_clicks_rate": _("CTA clicks / visits"),
            "leads_rate": _("Leads / CTA clicks"),
        }
        return {**HEADINGS, **per_visit} if self.by_source else HEADINGS

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
        rows = sources.with_touches(funnel.article_rows(self.period, self.pending), self.period)
        if self.by_source:
            self.rows = sources.source_rows(self.period, self.by)
            self.totals = sources.source_totals(self.rows)
        else:
            self.rows = rows if self.by == "article" else funnel.grouped(rows, self.by)
            self.totals = funnel.totals(rows)  # every lead, with or without an article
        self.sort = self.sorted_rows()
        if self.is_export:
            return self.as_spreadsheet(self.rows, request.GET["export"])
        return super().get(request, *args, **kwargs)

    def sorted_rows(self) -> str:
        """?sort=views (ascending) or ?sort=-views; unknown columns fall back to the first."""
        first = "-visits" if self.by_source else "-views"
        sort = self.request.GET.get("sort", first)
        if sort.lstrip("-") not in {"name", *self.list_export} or sort.endswith("_rate"):
            sort = first
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
        shown = ON_PAGE["source" if self.by_source else "article"]
        context.update(
            form=self.form, period=self.period, by=self.by, rows=self.rows, sort=self.sort,
            totals=self.totals, chart=daily_chart(days), days=days, query=query.urlencode(),
            can_edit=has_content_access(self.request.user), by_source=self.by_source,
            columns=[("name", ROW_NAMES[self.by]), *((c, HEADINGS[c]) for c in shown)],
        )  # fmt: skip
        return context
