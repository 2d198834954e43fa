"""What the mail provider reports back (django-anymail's tracking webhooks, signature checked):
an address that bounced for good, or whose owner marked our mail as spam, gets nothing more."""

from anymail.signals import EventType, tracking
from django.utils import timezone

from .models import Subscriber

STOP = {EventType.BOUNCED, EventType.COMPLAINED, EventType.REJECTED, EventType.UNSUBSCRIBED}


def delivery_reported(sender, event, esp_name, **kwargs) -> None:
    if event.event_type in STOP and event.recipient:
        Subscriber.objects.filter(email=event.recipient.strip().lower()).exclude(
            state=Subscriber.State.UNSUBSCRIBED
        ).update(state=Subscriber.State.UNSUBSCRIBED, unsubscribed_at=timezone.now())


def connect() -> None:
    tracking.connect(delivery_reported, dispatch_uid="newsletter-delivery-reported")
