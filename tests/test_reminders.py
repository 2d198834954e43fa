"""Reminders that come to Sales: an alert when a new lead waits for an owner, and each owner's
morning e-mail of due and overdue next steps."""

from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from contact.reminders import remind
from tests.support.jobs import run_jobs
from tests.support.leads import lead
from tests.support.people import member_of

pytestmark = pytest.mark.django_db


def at(hour: int, days: int = 0) -> datetime:
    """A moment of today (or another day) in the site's time zone."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def sent_after(now: datetime) -> list:
    mail.outbox.clear()
    remind(now)
    run_jobs()
    return list(mail.outbox)


def test_a_lead_nobody_takes_alerts_all_of_sales_once(settings):
    settings.LEAD_ALERT_MINUTES = 30
    sam, kim = member_of("Sales", "sam"), member_of("Sales", "kim")
    member_of("Editors", "eve")
    waiting = lead("Aino Virtanen", "Nordpay")
    waiting.created_at = timezone.now() - timedelta(minutes=31)
    waiting.save()
    lead("Mart Tamm", "Balticloud")  # new: not yet
    taken = lead("Liis Kask", "Kask OÜ", owner=sam)
    taken.created_at = waiting.created_at
    taken.save()
    run_jobs()  # the new-lead e-mails

    [alert] = sent_after(timezone.now())
    assert sorted(alert.to) == sorted([sam.email, kim.email])
    assert "Nordpay" in alert.subject and "Aino Virtanen" in alert.body
    assert "Balticloud" not in alert.body and "Kask" not in alert.body
    assert f"/admin/contact_inquiry/edit/{waiting.pk}/" in alert.body
    assert sent_after(timezone.now() + timedelta(minutes=5)) == [], "once"


def test_a_lead_taken_before_the_alert_is_sent_is_left_out(settings):
    sam = member_of("Sales", "sam")
    waiting = lead("Aino Virtanen", "Nordpay")
    waiting.created_at = timezone.now() - timedelta(hours=1)
    waiting.save()
    run_jobs()
    mail.outbox.clear()
    remind(timezone.now())  # queued …
    waiting.owner = sam
    waiting.save()  # … and taken before the worker writes it
    run_jobs()
    assert mail.outbox == []


def test_each_owner_gets_one_morning_email_of_due_and_overdue_steps(settings):
    settings.REMINDER_HOUR = 8
    sam, kim = member_of("Sales", "sam"), member_of("Sales", "kim")
    today = timezone.localdate()
    lead("Aino Virtanen", "Nordpay", owner=sam, next_step="Call re scope", next_step_on=today)
    lead("Mart Tamm", "Balticloud", owner=sam, next_step="Send proposal",
         next_step_on=today - timedelta(days=3))  # fmt: skip
    lead("Liis Kask", "Kask", owner=sam, next_step_on=today + timedelta(days=2))
    lead("Olli Oja", "Ojapay", owner=sam, next_step_on=today, status="won")
    lead("Pekka Nieminen", "Elsewhere", owner=kim, next_step_on=today + timedelta(days=1))
    run_jobs()

    assert sent_after(at(7)) == [], "not before the hour"
    [reminder] = sent_after(at(9))
    assert reminder.to == [sam.email]
    assert "1 due, 1 overdue" in reminder.subject
    overdue, due = reminder.body.split("\n\n")[:2]
    assert "Balticloud" in overdue and "Send proposal" in overdue
    assert "Nordpay" in due and "Call re scope" in due
    assert "Kask" not in reminder.body and "Ojapay" not in reminder.body
    assert sent_after(at(15)) == [], "once a day"
    tomorrow = sent_after(at(9, days=1))
    assert sorted(m.to[0] for m in tomorrow) == sorted([sam.email, kim.email])


def test_nothing_due_means_no_email(settings):
    sam = member_of("Sales", "sam")
    lead("Aino Virtanen", "Nordpay", owner=sam)  # no next step date
    run_jobs()
    assert sent_after(at(9)) == []
