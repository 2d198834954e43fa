"""The reader's pages: pick a time for a call (in their own time zone), then see, move or cancel
the call they booked. Personal pages: never cached (see urls.py)."""

import zoneinfo
from datetime import UTC, datetime

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from access.ratelimit import client_over_limit

from . import booking
from .links import inquiry_of
from .models import Call
from .slots import free_slots

TAKEN = _("That time has just been taken, or is no longer free. Please pick another.")
NOT_A_TIME = _("Pick one of the times below.")
TOO_MANY = _("Too many tries from your network just now. Please wait a minute and try again.")
ZONES = sorted(zoneinfo.available_timezones() - {"Factory", "localtime"})


def zone_of(request: HttpRequest, default: str = "") -> str:
    """The reader's time zone: as their browser or they chose it, else the site's."""
    wanted = request.GET.get("tz") or request.POST.get("tz") or default
    return wanted if wanted in ZONES else settings.TIME_ZONE


def chosen_start(request: HttpRequest) -> datetime | None:
    try:
        start = datetime.fromisoformat(request.POST.get("start", ""))
    except ValueError:
        return None
    return start.astimezone(UTC) if start.tzinfo else None


def days_of(inquiry, zone: str, now: datetime | None = None) -> list[tuple]:
    """The free times, by the reader's local day: [(day, [(utc start, local start)])]."""
    local = zoneinfo.ZoneInfo(zone)
    days: dict = {}
    for start in free_slots(inquiry, now):
        shown = timezone.localtime(start, local)
        days.setdefault(shown.date(), []).append((start.isoformat(), shown))
    return list(days.items())


def picker(request, template, context, zone, status=200, error=""):
    context |= {"days": days_of(context["inquiry"], zone), "zone": zone, "zones": ZONES,
                "error": error, "minutes": settings.CALL_MINUTES}  # fmt: skip
    return render(request, template, context, status=status)


def book(request: HttpRequest, token: str) -> HttpResponse:
    inquiry = inquiry_of(token)
    if inquiry is None:
        raise Http404
    upcoming = inquiry.calls.filter(state=Call.State.BOOKED, starts_at__gte=timezone.now())
    if call := upcoming.first():
        return redirect("calls:call", key=call.key)  # one call at a time: move it instead
    zone = zone_of(request)
    context = {"inquiry": inquiry, "token": token}
    if request.method != "POST":
        return picker(request, "calls/book.html", context, zone)
    if client_over_limit(request, "calls", settings.CALL_RATE_LIMIT):
        return picker(request, "calls/book.html", context, zone, 429, TOO_MANY)
    if (start := chosen_start(request)) is None:
        return picker(request, "calls/book.html", context, zone, 400, NOT_A_TIME)
    try:
        call = booking.book(inquiry, start, zone)
    except booking.SlotTaken:
        return picker(request, "calls/book.html", context, zone, 409, TAKEN)
    return redirect("calls:call", key=call.key)


def call_page(request: HttpRequest, key) -> HttpResponse:
    call = get_object_or_404(Call.objects.select_related("inquiry", "host"), key=key)
    zone = zone_of(request, call.reader_time_zone)
    context = {
        "inquiry": call.inquiry,
        "call": call,
        "local_start": timezone.localtime(call.starts_at, zoneinfo.ZoneInfo(zone)),
    }
    if request.method != "POST" or call.state != Call.State.BOOKED:
        return picker(request, "calls/call.html", context, zone)
    if client_over_limit(request, "calls", settings.CALL_RATE_LIMIT):
        return picker(request, "calls/call.html", context, zone, 429, TOO_MANY)
    if request.POST.get("action") == "cancel":
        booking.cancel(call)
        return redirect("calls:call", key=call.key)
    if (start := chosen_start(request)) is None:
        return picker(request, "calls/call.html", context, zone, 400, NOT_A_TIME)
    try:
        booking.move(call, start)
    except booking.SlotTaken:
        return picker(request, "calls/call.html", context, zone, 409, TAKEN)
    return redirect("calls:call", key=call.key)
