"""Which of contact's functions run on which signal (connected at start-up)."""

from anymail.signals import inbound
from django.db.models.signals import post_delete

from . import inbox
from .models import Inquiry, LeadAttachment, UnmatchedMail
from .retention import file_deleted, lead_deleted


def connect() -> None:
    post_delete.connect(lead_deleted, sender=Inquiry, dispatch_uid="contact-lead-deleted")
    for model in (LeadAttachment, UnmatchedMail):
        post_delete.connect(
            file_deleted, sender=model, dispatch_uid=f"contact-file-{model.__name__}"
        )
    inbound.connect(inbox.inbound, dispatch_uid="contact-inbound-mail")
