"""Calls in the admin: each sales person's hours, and the calls on the lead's timeline."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from access.menu import PermittedMenuItem
from contact.admin import timeline as lead_timeline

from .admin import timeline
from .admin.hours import HoursView
from .booking import BOOKED, CANCELLED, MOVED

hooks.register("register_log_actions", timeline.register_actions)
lead_timeline.show_on_timeline(BOOKED, MOVED, CANCELLED)


@hooks.register("register_admin_urls")
def register_hours_url():
    return [path("calls/hours/", HoursView.as_view(), name="calls_hours")]


@hooks.register("register_admin_menu_item")
def register_hours_menu_item():
    return PermittedMenuItem(
        _("My hours for calls"), reverse("calls_hours"), icon_name="time", order=152,
        permission="contact.change_inquiry",
    )  # fmt: skip
