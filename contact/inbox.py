"""The lead's answers, onto the lead's timeline: an inbound e-mail (a provider's webhook through
django-anymail, normalised, signature checked) is matched to a lead by its thread headers only
(In-Reply-To / References naming an e-mail Sales sent); one that names none waits in
*Unmatched mail* for a person to assign. A provider's retry of the same message is kept once."""

import hashlib

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from wagtail.log_actions import log

from .models import Inquiry, LeadAttachment, LeadMessage, UnmatchedMail

ANSWER = "contact.email_in"  # the timeline's entry for the lead's answer
MAX_SUBJECT = 200


def thread_of(message) -> list[str]:
    ids = f"{message.get('In-Reply-To', '')} {message.get('References', '')}".split()
    return [i for i in ids if i.startswith("<") and i.endswith(">")]


def sender_of(message) -> str:
    return message.from_email.addr_spec[:320] if message.from_email else ""


def text_of(message) -> str:
    return (getattr(message, "stripped_text", None) or message.text or "").strip()


def anonymous_id(message) -> str:
    """A message without a Message-ID is named by its bytes, so a second delivery (a provider's
    retry, the mailbox read again) is still the same message."""
    return f"<{hashlib.sha256(message.as_bytes()).hexdigest()[:40]}@inbound>"


def received(message) -> LeadMessage | UnmatchedMail | None:
    """Keep an inbound message where it belongs; None when it was kept before."""
    message_id = (message.get("Message-ID") or "").strip() or anonymous_id(message)
    if LeadMessage.objects.filter(message_id=message_id).exists():
        return None
    sent = LeadMessage.objects.filter(message_id__in=thread_of(message)).select_related("inquiry")
    try:
        with transaction.atomic():
            if answered := sent.order_by("-created_at").first():
                return answer(answered.inquiry, message, message_id)
            return UnmatchedMail.objects.create(
                sender=sender_of(message),
                subject=(message.subject or "")[:MAX_SUBJECT], body=text_of(message),
                message_id=message_id,
                raw=ContentFile(message.as_bytes(), name="message.eml"),
            )  # fmt: skip
    except IntegrityError:  # the same message, kept by a concurrent delivery
        return None


def answer(inquiry: Inquiry, message, message_id: str, user=None) -> LeadMessage:
    """The lead's answer on their timeline, with its attachments kept privately."""
    kept = LeadMessage.objects.create(
        inquiry=inquiry, subject=(message.subject or "")[:MAX_SUBJECT], body=text_of(message),
        message_id=message_id, references=" ".join(thread_of(message)),
        state=LeadMessage.State.RECEIVED, sender=sender_of(message),
        sent_at=timezone.now(),
    )  # fmt: skip
    for part in message.attachments:
        name = get_valid_filename(part.get_filename() or "attachment") or "attachment"
        LeadAttachment.objects.create(
            message=kept, name=name[:255], content_type=part.get_content_type()[:120],
            file=ContentFile(part.get_content_bytes(), name=name),
        )  # fmt: skip
    log(inquiry, ANSWER, user=user, data={"subject": kept.subject, "text": kept.body,
                                          "from": kept.sender})  # fmt: skip
    return kept


def inbound(sender, event, esp_name, **kwargs) -> None:
    """anymail.signals.inbound"""
    received(event.message)
