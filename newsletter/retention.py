"""Subscribers' addresses are kept only while needed: an unconfirmed one for
NEWSLETTER_CONFIRM_DAYS, an unsubscribed one for NEWSLETTER_GRACE_DAYS (a change of mind)."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import Subscriber


def purge() -> int:
    """The worker's every-minute job; how many addresses were deleted."""
    now = timezone.now()
    old = Q(state=Subscriber.State.PENDING,
            created_at__lt=now - timedelta(days=settings.NEWSLETTER_CONFIRM_DAYS)) | Q(
        state=Subscriber.State.UNSUBSCRIBED,
        unsubscribed_at__lt=now - timedelta(days=settings.NEWSLETTER_GRACE_DAYS),
    )  # fmt: skip
    deleted, _ = Subscriber.objects.filter(old).delete()
    return deleted
