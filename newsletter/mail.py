"""The e-mails of a subscription, sent by the worker and retried like every e-mail: the
confirmation (double opt-in). Every e-mail to a subscriber carries the one-click unsubscribe."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _
from django_tasks import task

from contact.notifications import header_safe, send_or_retry

from .links import confirm_url, unsubscribe_url
from .models import Subscriber


def unsubscribe_headers(subscriber: Subscriber) -> dict[str, str]:
    """RFC 8058: mail programs show an Unsubscribe button that POSTs to the signed link."""
    return {"List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}  # fmt: skip


def confirmation_for(subscriber: Subscriber) -> EmailMessage:
    lines = [
        _("Hello,"), "",
        _("Someone, we hope you, asked to get new articles of %(site)s at this address.")
        % {"site": settings.WAGTAIL_SITE_NAME}, "",
        _("To start, confirm here (the link works for %(days)s days):")
        % {"days": settings.NEWSLETTER_CONFIRM_DAYS},
        confirm_url(subscriber), "",
        _("If it was not you, do nothing: without a confirmation the address is deleted."),
    ]  # fmt: skip
    return EmailMessage(
        header_safe(_("Confirm your subscription to %(site)s") % {
            "site": settings.WAGTAIL_SITE_NAME}),
        "\n".join(str(line) for line in lines), settings.DEFAULT_FROM_EMAIL, [subscriber.email],
        headers={"Auto-Submitted": "auto-replied", **unsubscribe_headers(subscriber)},
    )  # fmt: skip


@task(backend="background")
def send_confirmation(subscriber_pk: int, attempt: int = 1) -> str:
    subscriber = Subscriber.objects.filter(pk=subscriber_pk, state="pending").first()
    if subscriber is None:
        return "nothing to send"
    return send_or_retry(
        confirmation_for(subscriber), attempt, f"The confirmation of subscriber {subscriber_pk}",
        lambda when: send_confirmation.using(run_after=when).enqueue(subscriber_pk, attempt + 1),
    )  # fmt: skip
