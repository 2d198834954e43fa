"""The calls on the lead's timeline, beside contact's own entries."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

from ..booking import BOOKED, CANCELLED, MOVED


class CallFormatter(LogFormatter):
    words = ""

    def format_message(self, log_entry) -> str:
        return self.words % {
            "when": log_entry.data.get("when", ""), "host": log_entry.data.get("host", "")
        }  # fmt: skip


class BookedFormatter(CallFormatter):
    label = _("Call booked")
    words = _("The lead booked a call: %(when)s with %(host)s.")


class MovedFormatter(CallFormatter):
    label = _("Call moved")
    words = _("The lead moved the call: now %(when)s with %(host)s.")


class CancelledFormatter(CallFormatter):
    label = _("Call cancelled")
    words = _("The lead cancelled the call of %(when)s.")


def register_actions(actions) -> None:
    actions.register_action(BOOKED)(BookedFormatter)
    actions.register_action(MOVED)(MovedFormatter)
    actions.register_action(CANCELLED)(CancelledFormatter)
