"""Scheduling in one step: *Schedule…* in the editor's save menu asks for the go-live time in
the site's time zone and publishes with it, instead of a dialog, a save and a second menu."""

from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import ActionMenuItem

INPUT_FORMAT = "%Y-%m-%dT%H:%M"  # what <input type="datetime-local"> reads and writes
DEFAULT_HOUR = 9  # a new schedule offers tomorrow morning


def zone_label(moment: datetime | None = None) -> str:
    """The zone a typed time is read in (the editor's, else the site's), as an editor reads it:
    "Europe/Helsinki (EET, UTC+02:00)"."""
    moment = timezone.localtime(moment)
    offset = moment.strftime("%z")
    name = timezone.get_current_timezone_name()
    return f"{name} ({moment.tzname()}, UTC{offset[:3]}:{offset[3:]})"


def suggested_go_live(page) -> datetime:
    """The page's own go-live time if it has a future one, else tomorrow at 09:00."""
    now = timezone.localtime()
    if page is not None and page.go_live_at and page.go_live_at > now:
        return timezone.localtime(page.go_live_at)
    tomorrow = now.date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, time(DEFAULT_HOUR)))


class ScheduleMenuItem(ActionMenuItem):
    """Shown to whoever may publish the page; its dialog's button is Wagtail's own publish
    action, sent with the chosen go-live time, so Wagtail schedules it as it always does."""

    label = _("Schedule…")
    name = "action-schedule"
    icon_name = "calendar-alt"
    template_name = "articles/admin/schedule_menu_item.html"

    def is_shown(self, context) -> bool:
        if context["view"] == "create":
            parent = context["parent_page"]
            return parent.permissions_for_user(context["request"].user).can_publish_subpage()
        if context["view"] != "edit" or context["locked_for_user"]:
            return False
        return self.get_user_page_permissions_tester(context).can_publish()

    def get_context_data(self, parent_context) -> dict:
        context = super().get_context_data(parent_context)
        go_live = suggested_go_live(context.get("page"))
        context.update(
            go_live=go_live.strftime(INPUT_FORMAT),
            earliest=timezone.localtime().strftime(INPUT_FORMAT),
            zone=zone_label(go_live),
            zone_name=timezone.get_current_timezone_name(),
        )
        return context

    @property
    def media(self) -> forms.Media:
        return forms.Media(js=["js/schedule.js"])
