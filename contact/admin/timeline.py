"""A lead's timeline: notes and changes of status, owner, next step and value, kept as Wagtail
log entries (so Site history and the lead's History show them too) and never overwritten."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.log_actions import LogFormatter, log
from wagtail.models import ModelLogEntry

from .. import speed
from ..conversation import EMAIL
from ..inbox import ANSWER
from ..models import Inquiry, LeadAttachment
from ..notifications import send_assignment_email

NOTE = "contact.note"
CHANGE = "contact.change"
# The triage fields whose changes are recorded as "from → to".
TRACKED = {
    "status": _("Status"),
    "owner": _("Owner"),
    "next_step_on": _("Next step due"),
    "next_step": _("Next step"),
    "deal_value": _("Deal value"),
    "expected_close_on": _("Expected close"),
    "lost_reason": _("Lost reason"),
}


class NoteFormatter(LogFormatter):
    label = _("Note")

    def format_message(self, log_entry) -> str:
        return log_entry.data.get("text", "")


class ChangeFormatter(LogFormatter):
    """One save's changes, a line each ("Status: New → Contacted"); entries from before saves
    were kept whole hold one change."""

    label = _("Triage change")

    def format_message(self, log_entry) -> str:
        changes = log_entry.data.get("changes") or [log_entry.data]
        return "\n".join(
            f"{c.get('label', '')}: {c.get('from') or '—'} → {c.get('to') or '—'}" for c in changes
        )


class EmailFormatter(LogFormatter):
    label = _("E-mail to the lead")

    def format_message(self, log_entry) -> str:
        return f"{log_entry.data.get('subject', '')}\n\n{log_entry.data.get('text', '')}"


class AnswerFormatter(EmailFormatter):
    label = _("E-mail from the lead")


def register_actions(actions) -> None:
    actions.register_action(NOTE)(NoteFormatter)
    actions.register_action(CHANGE)(ChangeFormatter)
    actions.register_action(EMAIL)(EmailFormatter)
    actions.register_action(ANSWER)(AnswerFormatter)


def shown(inquiry: Inquiry, field: str) -> str:
    """A field's value as sales read it."""
    if field == "owner":
        return inquiry.owner_name
    if field == "status":
        return inquiry.get_status_display()
    if field == "deal_value":
        return f"€{inquiry.deal_value:,.0f}" if inquiry.deal_value is not None else ""
    value = getattr(inquiry, field)
    return value.isoformat() if hasattr(value, "isoformat") else str(value or "")


def record(before: Inquiry, after: Inquiry, user, note: str = "") -> list[str]:
    """Log each tracked change and the note; returns the names of the fields that changed.
    An assignment to someone else tells the new owner (through the background queue)."""
    changes = [
        {"field": field, "label": str(label), "from": old, "to": new}
        for field, label in TRACKED.items()
        if (old := shown(before, field)) != (new := shown(after, field))
    ]
    if changes:  # one save, one entry listing what it changed
        log(after, CHANGE, user=user, data={"changes": changes})
    changed = [change["field"] for change in changes]
    if note.strip():
        log(after, NOTE, user=user, data={"text": note.strip()})
    if "owner" in changed and after.owner_id and after.owner_id != getattr(user, "pk", None):
        # The queue lives in the database: the job commits with the change, or neither does.
        send_assignment_email.enqueue(after.pk, after.owner_id)
    return changed


SHOWN = {NOTE, CHANGE, EMAIL, ANSWER}


def show_on_timeline(*actions: str) -> None:
    """Another app's log actions on the lead (a call booked) join the timeline."""
    SHOWN.update(actions)


def entries_for(inquiry: Inquiry):
    return (
        ModelLogEntry.objects.for_instance(inquiry)
        .filter(action__in=SHOWN)
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )


class LeadPanel(Panel):
    """A read-only part of the lead page, drawn by its own template with the lead in context."""

    def __init__(self, template: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.template = template

    def clone_kwargs(self) -> dict:
        return {**super().clone_kwargs(), "template": self.template}

    class BoundPanel(Panel.BoundPanel):
        def __init__(self, **kwargs) -> None:
            super().__init__(**kwargs)
            self.template_name = self.panel.template

        def get_context_data(self, parent_context=None) -> dict:
            context = super().get_context_data(parent_context)
            inquiry = self.instance
            context["inquiry"] = inquiry
            if inquiry.pk:
                context["entries"] = entries_for(inquiry)[:200]
                context["earlier"] = inquiry.earlier_leads().order_by("-created_at")[:20]
                context["first_reply"] = speed.waited(inquiry)
                context["files"] = LeadAttachment.objects.filter(message__inquiry=inquiry)
            return context
