"""Reminders that come to Sales rather than wait on the dashboard: a new lead nobody has taken
after LEAD_ALERT_MINUTES alerts the whole Sales group once, and from REMINDER_HOUR each owner
gets one e-mail of the day's due and overdue next steps (none when there is nothing).

`remind()` is a periodic job (every minute, in every worker): what it sends is marked in the
database in the same transaction that queues the e-mail, so two workers never send it twice.
"""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from .models import OPEN_STATUSES, SALES_GROUP, Inquiry, ReminderSent, Status
from .notifications import header_safe, lead_url, send_or_retry


def remind(now: datetime | None = None) -> None:
    """Periodic job (WORKER_PERIODIC_JOBS)."""
    now = now or timezone.now()
    alert_unassigned(now)
    queue_morning_reminders(now)


def sales_addresses() -> list[str]:
    users = get_user_model().objects.filter(groups__name=SALES_GROUP, is_active=True)
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


@transaction.atomic
def alert_unassigned(now: datetime) -> int:
    """One e-mail to Sales naming every new lead that has waited too long for an owner."""
    waiting = Inquiry.objects.select_for_update(skip_locked=True).filter(
        owner=None, status=Status.NEW, unassigned_alert_at=None,
        created_at__lte=now - timedelta(minutes=settings.LEAD_ALERT_MINUTES),
    )  # fmt: skip
    ids = list(waiting.values_list("pk", flat=True))
    if not ids:
        return 0
    Inquiry.objects.filter(pk__in=ids).update(unassigned_alert_at=now)
    if recipients := sales_addresses():
        send_staff_mail.enqueue("unassigned", ids, recipients)
    return len(ids)


def queue_morning_reminders(now: datetime) -> int:
    """From REMINDER_HOUR: each owner with due or overdue next steps, once a day."""
    local = timezone.localtime(now)
    if local.hour < settings.REMINDER_HOUR:
        return 0
    today = local.date()
    owners = (
        get_user_model()
        .objects.filter(is_active=True, owned_inquiries__in=due_by(today))
        .exclude(email="")
        .distinct()
    )
    queued = 0
    for owner in owners:
        try:
            with transaction.atomic():
                ReminderSent.objects.create(user=owner, day=today)
                send_staff_mail.enqueue("reminder", [owner.pk, today.isoformat()], [owner.email])
                queued += 1
        except IntegrityError:  # another worker queued it
            continue
    return queued


def due_by(day: date):
    return Inquiry.objects.filter(status__in=OPEN_STATUSES, next_step_on__lte=day)


def lead_line(lead: Inquiry) -> str:
    step = lead.next_step or _("next step not set")
    return f"- {lead.name}, {lead.company}: {step} ({lead.next_step_on:%d %b}) {lead_url(lead)}"


def unassigned_message(ids: list[int]) -> tuple[str, list[str]] | None:
    leads = list(Inquiry.objects.filter(pk__in=ids, owner=None).order_by("created_at"))
    if not leads:
        return None  # taken meanwhile
    subject = ngettext(
        "A new lead has waited %(minutes)s minutes for an owner: %(company)s",
        "%(count)s new leads have waited %(minutes)s minutes for an owner",
        len(leads),
    ) % {"count": len(leads), "minutes": settings.LEAD_ALERT_MINUTES, "company": leads[0].company}
    lines = [f"- {lead.name}, {lead.company} ({lead.get_readiness_display()}): {lead_url(lead)}"
             for lead in leads]  # fmt: skip
    return subject, [_("Nobody has taken these yet:"), "", *lines]


def reminder_message(about: list) -> tuple[str, list[str]] | None:
    owner_id, today = about[0], date.fromisoformat(about[1])
    leads = list(due_by(today).filter(owner_id=owner_id).order_by("next_step_on", "pk"))
    if not leads:
        return None  # done meanwhile: nothing to remind of
    overdue = [lead for lead in leads if lead.next_step_on < today]
    due = [lead for lead in leads if lead.next_step_on == today]
    subject = _("Your next steps today: %(due)s due, %(overdue)s overdue") % {
        "due": len(due), "overdue": len(overdue)}  # fmt: skip
    lines = []
    for heading, group in ((_("Overdue"), overdue), (_("Due today"), due)):
        if group:
            lines += [heading, *(lead_line(lead) for lead in group), ""]
    return subject, lines


MESSAGES = {"unassigned": unassigned_message, "reminder": reminder_message}


@task(backend="background")
def send_staff_mail(kind: str, about: list, recipients: list[str], attempt: int = 1) -> str:
    """Written when it is sent, from the leads as they are then."""
    if (made := MESSAGES[kind](about)) is None:
        return "nothing to send"
    subject, lines = made
    message = EmailMessage(
        header_safe(subject), "\n".join(lines), settings.DEFAULT_FROM_EMAIL, recipients
    )
    return send_or_retry(
        message, attempt, f"The {kind} e-mail",
        lambda when: send_staff_mail.using(run_after=when).enqueue(
            kind, about, recipients, attempt + 1
        ),
    )  # fmt: skip
