"""Booking, moving and cancelling a call: checked against the free times inside one transaction
(the database refuses a second call for one host at one time), put on the lead's timeline and
next step (so it is in the owner's reminders), and the invitation queued with it."""

from copy import copy
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from contact.admin import timeline
from contact.models import Inquiry

from .invitations import send_invitation
from .models import Call
from .slots import host_for

BOOKED, MOVED, CANCELLED = "calls.booked", "calls.moved", "calls.cancelled"


class SlotTaken(Exception):
    """Someone else took that time meanwhile (or it is no longer offered)."""


def book(inquiry: Inquiry, start: datetime, reader_time_zone: str) -> Call:
    try:
        with transaction.atomic():
            lead = Inquiry.objects.select_for_update(of=("self",)).get(pk=inquiry.pk)
            host = host_for(lead, start)
            if host is None:
                raise SlotTaken
            call = Call.objects.create(
                inquiry=lead, host_id=host, starts_at=start, reader_time_zone=reader_time_zone
            )
            noted(call, BOOKED)
    except IntegrityError as taken:
        raise SlotTaken from taken
    return call


def move(call: Call, start: datetime) -> Call:
    try:
        with transaction.atomic():
            call = Call.objects.select_for_update().select_related("inquiry").get(pk=call.pk)
            if call.state != Call.State.BOOKED:
                raise SlotTaken
            keep, call.state = call.state, Call.State.CANCELLED  # its own time is free again
            call.save(update_fields=["state"])
            host = host_for(call.inquiry, start)
            if host is None:
                raise SlotTaken
            call.state, call.host_id, call.starts_at = keep, host, start
            call.sequence += 1
            call.save()
            noted(call, MOVED)
    except IntegrityError as taken:
        raise SlotTaken from taken
    return call


def cancel(call: Call) -> Call:
    with transaction.atomic():
        call = Call.objects.select_for_update().select_related("inquiry").get(pk=call.pk)
        if call.state == Call.State.CANCELLED:
            return call
        call.state, call.sequence = Call.State.CANCELLED, call.sequence + 1
        call.save(update_fields=["state", "sequence"])
        noted(call, CANCELLED)
    return call


def noted(call: Call, action: str) -> None:
    """On the lead's timeline; a booked time becomes the owner's next step (their reminders)."""
    lead = Inquiry.objects.select_related("owner").get(pk=call.inquiry_id)
    when = date_format(timezone.localtime(call.starts_at), "j M Y, H:i T")
    log(lead, action, data={"when": when, "host": call.host.get_full_name() or call.host.username})
    before = copy(lead)
    if action == CANCELLED:
        if lead.next_step == call_step(call):
            lead.next_step, lead.next_step_on = "", None
    else:
        lead.owner_id = lead.owner_id or call.host_id
        lead.next_step = call_step(call)
        lead.next_step_on = timezone.localtime(call.starts_at).date()
    if (before.owner_id, before.next_step, before.next_step_on) != (
        lead.owner_id, lead.next_step, lead.next_step_on
    ):  # fmt: skip
        lead.save()
        timeline.record(before, lead, None)
    send_invitation.enqueue(
        call.pk, call.sequence
    )  # the queue is in the database: it commits with the call


def call_step(call: Call) -> str:
    return _("Call booked by the lead, %(time)s") % {
        "time": date_format(timezone.localtime(call.starts_at), "H:i T")
    }
