"""The Sales dashboard on the admin home: what arrived, what is due, how the month is going."""

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permission_policies import ModelPermissionPolicy

from access.roles import has_content_access

from .. import speed
from ..models import OPEN_STATUSES, Inquiry, Status, totals_by_status

PANEL_ROWS = 10


def can_triage(user) -> bool:
    return ModelPermissionPolicy(Inquiry).user_has_any_permission(user, {"view", "change"})


def month_by_status() -> list[dict]:
    """This month's leads per status, with their estimated value."""
    start = timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return totals_by_status(Inquiry.objects.filter(created_at__gte=start))


class SalesDeskPanel(Component):
    name = "sales_desk"
    order = 50
    template_name = "contact/admin/sales_desk_panel.html"

    def __init__(self, user) -> None:
        self.user = user

    def get_context_data(self, parent_context=None) -> dict:
        today = timezone.localdate()
        leads = Inquiry.objects.select_related("source_article").order_by("-created_at")
        month = month_by_status()
        return {
            "new_unassigned": leads.filter(status=Status.NEW, owner__isnull=True)[:PANEL_ROWS],
            "mine_due": leads.filter(
                owner=self.user, status__in=OPEN_STATUSES, next_step_on__lte=today
            ).order_by("next_step_on")[:PANEL_ROWS],
            "today": today,
            "month": month,
            "month_total": sum(row["count"] for row in month),
            "speed": speed.by_owner(),
        }


def add_sales_panels(request, panels: list) -> None:
    """Sales see their desk first; people with no page permissions lose the page panels, which
    would only ever be empty for them."""
    if not can_triage(request.user):
        return
    if not has_content_access(request.user):
        panels.clear()
    panels.insert(0, SalesDeskPanel(request.user))
