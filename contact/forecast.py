"""What the pipeline is worth: each stage's chance of closing, the weighted value by expected
close month, deals that have sat in one stage too long, and why deals were won or lost."""

from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum
from django.utils import timezone

from .models import OPEN_STATUSES, Inquiry, Status

# The chance (per cent) that a deal in this stage closes won, and the days it may sit there
# before the board flags it: a small team's rule of thumb, in one place.
PROBABILITY = {Status.NEW: 10, Status.CONTACTED: 25, Status.QUALIFIED: 50, Status.WON: 100,
               Status.LOST: 0}  # fmt: skip
STALE_AFTER_DAYS = {Status.NEW: 2, Status.CONTACTED: 14, Status.QUALIFIED: 30}
FORECAST_MONTHS = 6


def weighted(value, status: str) -> Decimal:
    return Decimal(value or 0) * PROBABILITY[Status(status)] / 100


def is_stale(lead: Inquiry, now=None) -> bool:
    limit = STALE_AFTER_DAYS.get(Status(lead.status))
    return limit is not None and (now or timezone.now()) - lead.stage_since > timedelta(days=limit)


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_months(today: date, count: int = FORECAST_MONTHS) -> list[date]:
    months, month = [], month_start(today)
    for _ in range(count):
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def by_month(leads: QuerySet, today: date | None = None) -> list[dict]:
    """Open deals by expected close month: their value and their weighted value; deals whose
    month has passed count in the current one (they are late, not gone)."""
    today = today or timezone.localdate()
    months = next_months(today)
    rows = {month: {"month": month, "deals": 0, "value": Decimal(0), "weighted": Decimal(0)}
            for month in months}  # fmt: skip
    open_deals = leads.filter(status__in=OPEN_STATUSES, expected_close_on__isnull=False)
    for lead in open_deals.filter(expected_close_on__lt=months[-1] + timedelta(days=31)):
        month = max(month_start(lead.expected_close_on), months[0])
        if month in rows:
            row = rows[month]
            row["deals"] += 1
            row["value"] += lead.deal_value or 0
            row["weighted"] += weighted(lead.deal_value, lead.status)
    return list(rows.values())


def outcomes(leads: QuerySet) -> dict:
    """Won deals, and lost ones by reason (most first)."""
    won = leads.filter(status=Status.WON).aggregate(count=Count("pk"), value=Sum("deal_value"))
    lost = (
        leads.filter(status=Status.LOST)
        .values("lost_reason__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "lost_reason__name")
    )
    return {"won": won, "lost": [{"reason": r["lost_reason__name"], "count": r["count"]}
                                 for r in lost]}  # fmt: skip
