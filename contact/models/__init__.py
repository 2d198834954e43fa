"""Leads (leads.py) and the e-mail conversation with them (mail.py)."""

from .leads import (
    OPEN_STATUSES,
    QUALIFIED_STATUSES,
    SALES_GROUP,
    Inquiry,
    LeadsReport,
    ReminderSent,
    Status,
    company_domain,
    person_name,
    same_sender,
    totals_by_status,
)
from .mail import LeadAttachment, LeadMessage, MailboxPosition, UnmatchedMail, private_files
from .pipeline import LostReason
from .replies import SavedReply
from .saved_views import SavedView

__all__ = [
    "OPEN_STATUSES", "QUALIFIED_STATUSES", "SALES_GROUP", "Inquiry", "LeadsReport", "ReminderSent",
    "Status", "company_domain", "person_name", "same_sender", "totals_by_status", "LeadAttachment",
    "LeadMessage", "MailboxPosition", "UnmatchedMail", "private_files", "LostReason", "SavedReply",
    "SavedView",
]  # fmt: skip
