"""A *Performance* side panel on each article's edit view: its own last 30 days.

Wagtail has no hook for extra side panels, so the page editor's panels are extended through
config/patches.py (at start-up, apps.py); the panel itself is an ordinary side panel component.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.side_panels import BaseSidePanel

from articles.models import ArticlePage

from .. import funnel

PERMISSION = "performance.view_contentperformance"
PANEL_DAYS = 30


class PerformanceSidePanel(BaseSidePanel):
    class SidePanelToggle(BaseSidePanel.SidePanelToggle):
        aria_label = _("Toggle performance")
        icon_name = "pick"
        has_counter = False

    name = "performance"
    title = _("Performance")
    template_name = "performance/side_panel.html"
    order = 400

    def get_context_data(self, parent_context) -> dict:
        context = super().get_context_data(parent_context)
        period = funnel.Period.last(PANEL_DAYS, timezone.localdate())
        context.update(period=period, numbers=funnel.article_numbers(self.object, period))
        return context


def panel_for(view) -> PerformanceSidePanel | None:
    """The panel on an article's edit view, for those who may see the report."""
    page = getattr(view, "page", None)
    if (
        isinstance(page, ArticlePage)
        and page.pk
        and not getattr(view, "expects_json_response", False)
        and view.request.user.has_perm(PERMISSION)
    ):
        return PerformanceSidePanel(page, view.request)
    return None
