"""Tell sales about a new lead by e-mail. The lead is already saved: a failed mail is recorded on
it and retried by `manage.py notify_inquiries`, so no lead is lost to a mail outage."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils import timezone

from .models import Inquiry

logger = logging.getLogger(__name__)


def pending() -> QuerySet[Inquiry]:
    return Inquiry.objects.filter(notified_at__isnull=True).order_by("created_at")


def message_for(inquiry: Inquiry) -> tuple[str, str]:
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "contact_inquiry:edit", args=(inquiry.pk,)
    )
    subject = f"New inquiry from {inquiry.company}: {inquiry.get_readiness_display()}"
    lines = [
        f"Name: {inquiry.name}",
        f"Work email: {inquiry.email}",
        f"Company: {inquiry.company}",
        f"Role: {inquiry.role}",
        f"Work defined by: {inquiry.get_work_definition_display()}",
        f"Documentation: {inquiry.get_documentation_display()}",
        f"Desired start: {inquiry.get_desired_start_display()}",
        f"Readiness: {inquiry.get_readiness_display()} ({inquiry.readiness_score}/4)",
        f"Came from: {inquiry.source or 'the contact page'}",
        "",
        inquiry.project,
        "",
        f"Triage it in the admin: {admin_url}",
    ]
    return subject, "\n".join(lines)


def notify_sales(inquiry_id: int) -> bool:
    """Send the lead to SALES_NOTIFY_EMAILS; True when sent. Never raises: the lead is kept."""
    inquiry = Inquiry.objects.select_related("source_article").filter(pk=inquiry_id).first()
    if inquiry is None or inquiry.notified_at:
        return bool(inquiry)
    recipients = settings.SALES_NOTIFY_EMAILS
    try:
        if not recipients:
            raise RuntimeError("SALES_NOTIFY_EMAILS is empty")
        subject, body = message_for(inquiry)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False)
    except Exception as error:  # any mail failure: record it, keep the lead, retry later
        # Names and addresses stay out of logs: the inquiry id is enough to find it.
        logger.warning(
            "Lead notification for inquiry %s failed: %s", inquiry.pk, type(error).__name__
        )
        Inquiry.objects.filter(pk=inquiry.pk).update(
            notify_attempts=F("notify_attempts") + 1,
            notify_error=f"{type(error).__name__}: {error}"[:300],
        )
        return False
    Inquiry.objects.filter(pk=inquiry.pk).update(
        notified_at=timezone.now(), notify_attempts=F("notify_attempts") + 1, notify_error=""
    )
    return True
