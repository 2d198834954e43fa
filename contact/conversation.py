"""The e-mail conversation with a lead, from the lead page: Sales write, the worker sends from
the sales address (retried like every staff e-mail), and each message carries a Message-ID
and the thread before it (In-Reply-To, References), so the lead's mail program shows one
conversation and their answers can be matched to the lead by those headers."""

from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage, make_msgid
from django.utils import timezone
from django_tasks import task
from wagtail.log_actions import log

from .models import Inquiry, LeadMessage
from .notifications import header_safe, lead_address, send_or_retry

EMAIL = "contact.email"  # the timeline's entry for an e-mail to the lead


def sales_address() -> str:
    return settings.SALES_FROM_EMAIL or settings.DEFAULT_FROM_EMAIL


def write(inquiry: Inquiry, author, subject: str, body: str) -> LeadMessage:
    """Keep the e-mail and queue it: both commit with the lead page's save, or neither does."""
    thread = list(inquiry.messages.values_list("message_id", flat=True))
    domain = parseaddr(sales_address())[1].rpartition("@")[2] or "localhost"
    message = LeadMessage.objects.create(
        inquiry=inquiry, author=author, subject=header_safe(subject), body=body.strip(),
        message_id=make_msgid("lead", domain), references=" ".join(thread),
    )  # fmt: skip
    log(inquiry, EMAIL, user=author, data={"subject": message.subject, "text": message.body})
    send_message.enqueue(message.pk)  # the queue is in the database: it commits with the save
    return message


def email_for(message: LeadMessage) -> EmailMessage:
    headers = {"Message-ID": message.message_id}
    if message.references:
        headers |= {"In-Reply-To": message.references.split()[-1], "References": message.references}
    return EmailMessage(
        message.subject, message.body, sales_address(), [lead_address(message.inquiry)],
        reply_to=[sales_address()], headers=headers,
    )  # fmt: skip


@task(backend="background")
def send_message(message_pk: int, attempt: int = 1) -> str:
    message = LeadMessage.objects.select_related("inquiry").filter(pk=message_pk).first()
    if message is None or message.state == LeadMessage.State.SENT:
        return "nothing to send"
    outcome = send_or_retry(
        email_for(message), attempt, f"E-mail {message_pk} to a lead",
        lambda when: send_message.using(run_after=when).enqueue(message_pk, attempt + 1),
    )  # fmt: skip
    if outcome == "sent":
        message.state, message.sent_at = LeadMessage.State.SENT, timezone.now()
    elif outcome == "given up":
        message.state = LeadMessage.State.FAILED
    message.save(update_fields=["state", "sent_at"])
    return outcome
