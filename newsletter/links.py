"""The subscriber's signed links: to confirm (for NEWSLETTER_CONFIRM_DAYS) and to unsubscribe
or change preferences (for as long as they are subscribed), never guessable from an address."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from articles.site_url import absolute

from .models import Subscriber

CONFIRM, MANAGE = "newsletter.confirm", "newsletter.manage"


def confirm_url(subscriber: Subscriber) -> str:
    token = signing.dumps(subscriber.pk, salt=CONFIRM)
    return absolute(reverse("newsletter:confirm", args=(token,)))


def unsubscribe_url(subscriber: Subscriber) -> str:
    token = signing.dumps(subscriber.pk, salt=MANAGE)
    return absolute(reverse("newsletter:unsubscribe", args=(token,)))


def subscriber_of(token: str, salt: str) -> Subscriber | None:
    max_age = settings.NEWSLETTER_CONFIRM_DAYS * 86400 if salt == CONFIRM else None
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return Subscriber.objects.filter(pk=pk).first() if isinstance(pk, int) else None
