"""Companies: the leads from one company domain (personal mail providers never make one), with
their conversations and won value, as one record a sales person reads before answering."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q, Sum
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from ..models import Inquiry, Status

COMPANY_TOTALS = {
    "leads": Count("pk"),
    "open": Count("pk", filter=~Q(status__in=[Status.WON, Status.LOST])),
    "won_value": Sum("deal_value", filter=Q(status=Status.WON), default=0),
    "last": Max("created_at"),
}


class SalesScreen(WagtailAdminTemplateMixin, TemplateView):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("contact.view_inquiry"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]


class CompaniesView(SalesScreen):
    """Every company with more than one lead, or any won work, newest first."""

    page_title = _("Companies")
    header_icon = "group"
    template_name = "contact/admin/companies.html"

    def get_context_data(self, **kwargs) -> dict:
        companies = (
            Inquiry.objects.exclude(email_domain="").values("email_domain")
            .annotate(**COMPANY_TOTALS).order_by("-last")
        )  # fmt: skip
        return super().get_context_data(**kwargs) | {"companies": companies[:200]}


class CompanyView(SalesScreen):
    """One company: its leads (newest first) with their status, owner, e-mails and value."""

    header_icon = "group"
    template_name = "contact/admin/company.html"

    def get_page_title(self) -> str:
        return self.kwargs["domain"]

    def get_context_data(self, **kwargs) -> dict:
        domain = self.kwargs["domain"].lower()
        leads = Inquiry.objects.filter(email_domain=domain)
        if not domain or not leads.exists():
            raise Http404
        rows = (
            leads.select_related("owner").annotate(emails=Count("messages")).order_by("-created_at")
        )
        return super().get_context_data(**kwargs) | {
            "domain": domain, "leads": rows, "totals": leads.aggregate(**COMPANY_TOTALS),
        }  # fmt: skip
