"""Tell sales about a new lead by e-mail, from the background worker, never from the request.

The lead and its e-mail job are stored in one transaction (django-tasks-db keeps the queue in the
database). A failed send is recorded on the lead and retried with back-off; a message that can
never go out (refused address, a header the mail library rejects) or that keeps failing is marked
given up with its reason, visible to sales, and stops there: no job fails forever.
"""

import logging
import smtplib
from collections.abc import Callable
from datetime import datetime, timedelta
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import BadHeaderError, EmailMessage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import Inquiry

logger = logging.getLogger(__name__)
MAX_BACKOFF = timedelta(hours=6)
# A lead still unsent this long after its send was due, with no job queued or running for it,
# has lost its job (say, its database was cut mid-send): the every-minute sweep queues it again.
# (A job whose worker was killed is put back by background/recovery.py.)
STRANDED_AFTER = timedelta(minutes=1)


def header_safe(value: object) -> str:
    """One line: reader input in a header can never start another header."""
    return " ".join(str(value).split())


def lead_address(inquiry: Inquiry) -> str:
    """The lead's own address with their name quoted as a display name: commas, quotes or
    angle brackets in the name can never add a second address."""
    return formataddr((header_safe(inquiry.name), inquiry.email))


def lead_message_id(inquiry: Inquiry) -> str:
    """One Message-ID per lead: a resend after a crash (at least once) is the same message to
    every mail client, which shows it once."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<lead-{inquiry.pk}.{inquiry.created_at:%Y%m%d%H%M%S}@{domain}>"


def lead_url(inquiry: Inquiry) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "contact_inquiry:edit", args=(inquiry.pk,)
    )


def repeat_lines(inquiry: Inquiry) -> list[str]:
    earlier = list(inquiry.earlier_leads().order_by("-created_at")[:5])
    if not earlier:
        return []
    heading = ngettext(
        "Repeat lead: %(count)d earlier inquiry from this address or company:",
        "Repeat lead: %(count)d earlier inquiries from this address or company:",
        len(earlier),
    ) % {"count": len(earlier)}
    lines = ["", heading]
    return lines + [
        f"- {lead.name}, {lead.company}, {lead.created_at:%Y-%m-%d} ({lead.get_status_display()}):"
        f" {lead_url(lead)}"
        for lead in earlier
    ]


def message_for(inquiry: Inquiry) -> EmailMessage:
    """The new-lead e-mail: replying to it writes to the lead."""
    subject = _("New inquiry from %(company)s: %(readiness)s") % {
        "company": inquiry.company, "readiness": inquiry.get_readiness_display(),
    }  # fmt: skip
    if inquiry.earlier_leads().exists():
        subject += " " + _("(repeat lead)")
    facts = [
        (_("Name"), inquiry.name),
        (_("Work email"), inquiry.email),
        (_("Company"), inquiry.company),
        (_("Role"), inquiry.role),
        (_("Work defined by"), inquiry.get_work_definition_display()),
        (_("Documentation"), inquiry.get_documentation_display()),
        (_("Desired start"), inquiry.get_desired_start_display()),
        (_("Readiness"), f"{inquiry.get_readiness_display()} ({inquiry.readiness_score}/4)"),
        (_("Came from"), inquiry.source),
    ]
    lines = [
        *(f"{label}: {value}" for label, value in facts),
        *repeat_lines(inquiry),
        "",
        inquiry.project,
        "",
        _("Triage it in the admin: %(url)s") % {"url": lead_url(inquiry)},
        _("Reply to this e-mail to write to the lead."),
    ]
    return EmailMessage(
        header_safe(subject),
        "\n".join(lines),
        settings.DEFAULT_FROM_EMAIL,
        settings.SALES_NOTIFY_EMAILS,
        reply_to=[lead_address(inquiry)],
        headers={"Message-ID": lead_message_id(inquiry)},
    )


def is_permanent(error: Exception) -> bool:
    """Errors that no retry can cure: a refused address, a 5xx reply, a rejected header."""
    if isinstance(error, smtplib.SMTPRecipientsRefused | BadHeaderError | UnicodeError):
        return True
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def backoff(attempts: int) -> timedelta:
    """1, 4, 16, 64 … times LEAD_MAIL_RETRY_SECONDS, at most six hours."""
    delay = timedelta(seconds=settings.LEAD_MAIL_RETRY_SECONDS * 4 ** max(attempts - 1, 0))
    return min(delay, MAX_BACKOFF)


def queue(inquiry: Inquiry, run_after: datetime | None = None) -> None:
    """Queue the lead's e-mail; inside the caller's transaction, so both commit or neither."""
    inquiry.notify_next_at = run_after or timezone.now()
    Inquiry.objects.filter(pk=inquiry.pk).update(notify_next_at=inquiry.notify_next_at)
    send_lead_email.using(run_after=run_after).enqueue(inquiry.pk)


def record_failure(inquiry: Inquiry, error: Exception) -> str:
    inquiry.notify_attempts += 1
    inquiry.notify_error = f"{type(error).__name__}: {error}"[:300]
    give_up = is_permanent(error) or inquiry.notify_attempts >= settings.LEAD_MAIL_MAX_ATTEMPTS
    # Names and addresses stay out of logs: the inquiry id is enough to find it.
    logger.warning(
        "Lead e-mail for inquiry %s failed (try %s%s): %s",
        inquiry.pk, inquiry.notify_attempts, ", giving up" if give_up else "",
        type(error).__name__,
    )  # fmt: skip
    if give_up:
        inquiry.notify_failed_at, inquiry.notify_next_at = timezone.now(), None
    inquiry.save(update_fields=[
        "notify_attempts", "notify_error", "notify_failed_at", "notify_next_at",
    ])  # fmt: skip
    if give_up:
        return "given up"
    queue(inquiry, run_after=timezone.now() + backoff(inquiry.notify_attempts))
    return "retry queued"


@task(backend="background")
def send_lead_email(inquiry_id: int) -> str:
    """Send one lead's e-mail if it is still due; the lead row is locked while it is sent, so
    two workers (or a re-queued duplicate) never send it twice."""
    with transaction.atomic():
        inquiry = (
            Inquiry.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("source_article")
            .filter(pk=inquiry_id, notified_at__isnull=True, notify_failed_at__isnull=True)
            .first()
        )
        if inquiry is None:
            return "nothing to send"
        if inquiry.notify_next_at and inquiry.notify_next_at > timezone.now():
            return "not due yet"
        try:
            if not settings.SALES_NOTIFY_EMAILS:
                raise ImproperlyConfigured("SALES_NOTIFY_EMAILS is empty")
            message_for(inquiry).send(fail_silently=False)
        except Exception as error:  # any mail failure: the lead is kept, the reason recorded
            return record_failure(inquiry, error)
        inquiry.notified_at, inquiry.notify_next_at = timezone.now(), None
        inquiry.notify_attempts += 1
        inquiry.notify_error = ""
        inquiry.save(
            update_fields=["notified_at", "notify_next_at", "notify_attempts", "notify_error"]
        )
        return "sent"


def unsent() -> Q:
    return Q(notified_at__isnull=True, notify_failed_at__isnull=True)


def pending_sends() -> set[int]:
    """Leads whose e-mail job is queued or running (a dead worker's job is put back for us)."""
    jobs = DBTaskResult.objects.filter(
        task_path=send_lead_email.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    )
    return {job.args_kwargs["args"][0] for job in jobs.only("args_kwargs")}


def requeue_stranded() -> int:
    """Every minute: queue again the e-mails whose job was lost; returns how many."""
    cutoff = timezone.now() - STRANDED_AFTER
    stranded = Inquiry.objects.filter(unsent(), notify_next_at__lt=cutoff)
    candidates = list(stranded.only("pk", "notify_next_at")[:100])
    pending = pending_sends() if candidates else set()
    count = 0
    for inquiry in candidates:
        if inquiry.pk in pending:
            continue
        with transaction.atomic():
            queue(inquiry)
        count += 1
    if count:
        logger.warning("Re-queued %s stranded lead e-mail(s)", count)
    return count


def retry_all() -> int:
    """Queue every unsent lead e-mail again, given-up ones too (after the mail setup is fixed)."""
    count = 0
    pending = Inquiry.objects.filter(notified_at__isnull=True).order_by("created_at")
    for inquiry in pending.only("pk"):
        with transaction.atomic():
            Inquiry.objects.filter(pk=inquiry.pk).update(notify_failed_at=None, notify_attempts=0)
            queue(inquiry)
        count += 1
    return count


@task(backend="background")
def send_assignment_email(inquiry_id: int, owner_id: int, attempt: int = 1) -> str:
    """Tell a sales person a lead is now theirs; skipped if it changed hands again meanwhile."""
    inquiry = Inquiry.objects.select_related("owner").filter(pk=inquiry_id).first()
    if inquiry is None or inquiry.owner_id != owner_id or not inquiry.owner.email:
        return "nothing to send"
    message = EmailMessage(
        header_safe(_("Lead assigned to you: %(company)s (%(status)s)") % {
            "company": inquiry.company, "status": inquiry.get_status_display()}),
        "\n".join([
            _("%(name)s at %(company)s is now yours.") % {
                "name": inquiry.name, "company": inquiry.company},
            _("Next step: %(step)s") % {"step": inquiry.next_step or _("not set")}
            + (_(", due %(day)s") % {"day": f"{inquiry.next_step_on:%Y-%m-%d}"}
               if inquiry.next_step_on else ""),
            "",
            _("Open the lead: %(url)s") % {"url": lead_url(inquiry)},
        ]),
        settings.DEFAULT_FROM_EMAIL,
        [inquiry.owner.email],
    )  # fmt: skip
    return send_or_retry(
        message, attempt, f"Assignment e-mail for inquiry {inquiry_id}",
        lambda when: send_assignment_email.using(run_after=when).enqueue(
            inquiry_id, owner_id, attempt + 1
        ),
    )  # fmt: skip


def send_or_retry(
    message: EmailMessage, attempt: int, what: str, retry: Callable[[datetime], object]
) -> str:
    """Send a staff e-mail; on a passing failure `retry(when)` queues the next try, with
    back-off, up to LEAD_MAIL_MAX_ATTEMPTS."""
    try:
        message.send(fail_silently=False)
    except Exception as error:
        logger.warning("%s failed (try %s): %s", what, attempt, type(error).__name__)
        if is_permanent(error) or attempt >= settings.LEAD_MAIL_MAX_ATTEMPTS:
            return "given up"
        retry(timezone.now() + backoff(attempt))
        return "retry queued"
    return "sent"
