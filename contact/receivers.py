"""Which of contact's functions run on which signal (connected at start-up)."""

from django.db.models.signals import post_delete

from .models import Inquiry
from .retention import lead_deleted


def connect() -> None:
    post_delete.connect(lead_deleted, sender=Inquiry, dispatch_uid="contact-lead-deleted")
