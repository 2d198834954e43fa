"""The call's invitation by e-mail to the reader and the host: an iCalendar event (icalendar),
REQUEST when booked or moved (the same UID, a higher SEQUENCE), CANCEL when cancelled, sent by
the worker and retried like every e-mail."""

from datetime import timedelta
from email.mime.text import MIMEText
from email.utils import parseaddr

from django.core.mail import EmailMessage
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tasks import task
from icalendar import Calendar, Event, vCalAddress

from contact.conversation import sales_address
from contact.notifications import header_safe, lead_address, send_or_retry

from .links import call_url
from .models import Call


def calendar_for(call: Call, method: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Hiring articles//calls//EN")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    event.add("uid", f"{call.key}@{parseaddr(sales_address())[1].rpartition('@')[2] or 'local'}")
    event.add("sequence", call.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", call.starts_at)
    event.add("dtend", call.starts_at + timedelta(minutes=call.minutes))
    event.add("summary", _("Call: %(company)s and us") % {"company": call.inquiry.company})
    event.add("description", _("To move or cancel: %(url)s") % {"url": call_url(call)})
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    event.add("organizer", vCalAddress(f"mailto:{parseaddr(sales_address())[1]}"))
    for address in (call.inquiry.email, call.host.email):
        if address:
            event.add("attendee", vCalAddress(f"mailto:{address}"), parameters={"RSVP": "TRUE"})
    calendar.add_component(event)
    return calendar.to_ical()


def invitation_for(call: Call) -> EmailMessage:
    method = "CANCEL" if call.state == Call.State.CANCELLED else "REQUEST"
    when = date_format(timezone.localtime(call.starts_at, call.reader_zone), "l j F Y, H:i")
    subject = (
        _("Cancelled: our call on %(when)s") if method == "CANCEL" else _("Our call: %(when)s")
    ) % {"when": when}
    lines = [
        _("Hello %(name)s,") % {"name": call.inquiry.name}, "",
        (_("The call on %(when)s (%(zone)s) is cancelled.") if method == "CANCEL"
         else _("Your call with us is on %(when)s (%(zone)s), %(minutes)s minutes.")) % {
            "when": when, "zone": call.reader_time_zone, "minutes": call.minutes},
        "", _("To move or cancel it: %(url)s") % {"url": call_url(call)},
    ]  # fmt: skip
    message = EmailMessage(
        header_safe(subject), "\n".join(lines), sales_address(), [lead_address(call.inquiry)],
        cc=[call.host.email] if call.host.email else [], reply_to=[sales_address()],
    )  # fmt: skip
    part = MIMEText(calendar_for(call, method).decode(), "calendar", "utf-8")
    part.set_param("method", method)  # what mail programs read to offer Accept or Remove
    part.add_header("Content-Disposition", "attachment", filename="invite.ics")
    message.attach(part)
    return message


@task(backend="background")
def send_invitation(call_pk: int, sequence: int, attempt: int = 1) -> str:
    """Sent as the call is when it runs; an older change's invitation is not sent."""
    call = Call.objects.select_related("inquiry", "host").filter(pk=call_pk).first()
    if call is None or call.sequence != sequence:
        return "nothing to send"
    return send_or_retry(
        invitation_for(call), attempt, f"The invitation of call {call_pk}",
        lambda when: send_invitation.using(run_after=when).enqueue(call_pk, sequence, attempt + 1),
    )  # fmt: skip
