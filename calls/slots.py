"""Free times for a call: each host's weekly hours, from a minimum notice to some days ahead,
without a time already booked (theirs), and no more calls a day than the limit."""

from collections import Counter, defaultdict
from datetime import UTC, date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from contact.models import SALES_GROUP, Inquiry

from .models import Call, CallHours


def hosts_for(inquiry: Inquiry) -> list[CallHours]:
    """The lead's owner when they have hours for calls; else every sales person who has."""
    hours = CallHours.objects.select_related("user").filter(
        user__is_active=True, user__groups__name=SALES_GROUP
    )
    if inquiry.owner_id and (owner := [h for h in hours if h.user_id == inquiry.owner_id]):
        return owner
    return [h for h in hours if h.weekly]


def windows(hours: CallHours, day: date) -> list[tuple[datetime, datetime]]:
    """That day's hours as aware datetimes (a window across a clock change is still right)."""
    spans = []
    for start, end in hours.weekly.get(str(day.weekday()), []):
        spans.append(tuple(
            datetime.combine(day, time.fromisoformat(t), tzinfo=hours.zone) for t in (start, end)
        ))  # fmt: skip
    return spans


def free_slots(inquiry: Inquiry, now: datetime | None = None) -> dict[datetime, list[int]]:
    """Each free start time (UTC) → the hosts (user ids) free then, soonest first."""
    now = now or timezone.now()
    length = timedelta(minutes=settings.CALL_MINUTES)
    earliest = now + timedelta(hours=settings.CALL_NOTICE_HOURS)
    last_day = timezone.localdate(now) + timedelta(days=settings.CALL_DAYS_AHEAD + 1)
    free: dict[datetime, list[int]] = defaultdict(list)
    for hours in hosts_for(inquiry):
        booked = list(
            Call.objects.filter(host=hours.user, state=Call.State.BOOKED, starts_at__gte=now)
            .values_list("starts_at", "minutes")
        )  # fmt: skip
        per_day = Counter(start.astimezone(hours.zone).date() for start, _ in booked)
        day = timezone.localtime(now, hours.zone).date()
        while day <= last_day:
            if per_day[day] < settings.CALL_MAX_PER_DAY:
                for start, end in windows(hours, day):
                    slot = start
                    while slot + length <= end:
                        taken = any(
                            slot < b + timedelta(minutes=m) and b < slot + length
                            for b, m in booked
                        )  # fmt: skip
                        if slot >= earliest and not taken:
                            free[slot.astimezone(UTC)].append(hours.user_id)
                        slot += length
            day += timedelta(days=1)
    return dict(sorted(free.items()))


def host_for(inquiry: Inquiry, start: datetime, now: datetime | None = None) -> int | None:
    """Who takes a call at `start`: of those free then, the one with the fewest calls that day."""
    free = free_slots(inquiry, now).get(start, [])
    if not free:
        return None
    users = get_user_model().objects.filter(pk__in=free)
    day = start.date()
    counts = Counter(
        Call.objects.filter(host__in=users, state=Call.State.BOOKED, starts_at__date=day)
        .values_list("host_id", flat=True)
    )  # fmt: skip
    return min(free, key=lambda pk: (counts[pk], pk))
