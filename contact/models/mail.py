"""The conversation with a lead: the e-mails both ways, the files leads send (kept outside the
public media) and mail that named no lead, waiting for a person."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .leads import Inquiry


class LeadMessage(models.Model):
    """One e-mail of the conversation with a lead, written from the lead page and sent by the
    worker; its Message-ID threads the next one (and, later, the lead's answers) to it."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Not sent")
        RECEIVED = "received", _("Received from the lead")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"), max_length=20000)
    message_id = models.CharField(max_length=250, unique=True)
    references = models.TextField(blank=True)  # the thread before it, oldest first
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    sender = models.CharField(max_length=320, blank=True)  # an answer's From
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.subject} ({self.get_state_display()})"


def private_files() -> FileSystemStorage:
    """Outside the public media (PRIVATE_MEDIA_ROOT), read when used: migrations name no path."""
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT)


class LeadAttachment(models.Model):
    """A file a lead sent: kept outside the public media, served to Sales only."""

    message = models.ForeignKey(LeadMessage, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=private_files, upload_to="lead-mail/%Y/%m/")
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120, blank=True)

    def __str__(self) -> str:
        return self.name


class UnmatchedMail(models.Model):
    """An e-mail that names no lead by its thread: it waits here for a person to assign it,
    rather than being guessed onto a lead."""

    sender = models.CharField(_("from"), max_length=320)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("message"), blank=True)
    message_id = models.CharField(max_length=250, unique=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    raw = models.FileField(storage=private_files, upload_to="lead-mail/unmatched/")

    class Meta:
        ordering = ["-received_at"]
        verbose_name_plural = _("unmatched mail")

    def __str__(self) -> str:
        return f"{self.sender}: {self.subject}"


class MailboxPosition(models.Model):
    """How far the worker has read a shared mailbox over IMAP. UIDs only grow while the
    mailbox's UIDVALIDITY holds, so mail people open in their own mail program is still read."""

    mailbox = models.CharField(max_length=400, unique=True)  # user@host:port/folder
    uid_validity = models.BigIntegerField()
    last_uid = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.mailbox} up to {self.last_uid}"
