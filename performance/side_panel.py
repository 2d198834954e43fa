"""A *Performance* side panel on each article's edit view: its own last 30 days.

Wagtail has no hook for extra side panels, so the page edit view's `get_side_panels` is wrapped
once at start-up (apps.py); the panel itself is an ordinary Wagtail side panel component.
"""

from django.utils import timezone
from laces.components import MediaContainer
from wagtail.admin.ui.side_panels import BaseSidePanel

from . import funnel

PERMISSION = "performance.view_contentperformance"
PANEL_DAYS = 30


class PerformanceSidePanel(BaseSidePanel):
    class SidePanelToggle(BaseSidePanel.SidePanelToggle):
        aria_label = "Toggle performance"
        icon_name = "pick"
        has_counter = False

    name = "performance"
    title = "Performance"
    template_name = "performance/side_panel.html"
    order = 400

    def get_context_data(self, parent_context) -> dict:
        context = super().get_context_data(parent_context)
        period = funnel.Period.last(PANEL_DAYS, timezone.localdate())
        context.update(period=period, numbers=funnel.article_numbers(self.object, period))
        return context


def add_to(edit_view_class) -> None:
    original = edit_view_class.get_side_panels
    if getattr(original, "shows_performance", False):
        return

    def get_side_panels(self):
        panels = original(self)
        page = getattr(self, "page", None)
        if (
            page is not None
            and page.pk
            and page._meta.label_lower == "articles.articlepage"
            and not getattr(self, "expects_json_response", False)
            and self.request.user.has_perm(PERMISSION)
        ):
            return MediaContainer([*panels, PerformanceSidePanel(page, self.request)])
        return panels

    get_side_panels.shows_performance = True
    edit_view_class.get_side_panels = get_side_panels
