"""The planning calendar: a month (or a week) of articles by day, scheduled and published, so
an editor sees the gaps and the clusters at a glance."""

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision

from articles.admin.screens import ContentStaffScreen
from articles.pages import ArticlePage

WEEK = calendar.Calendar(firstweekday=calendar.MONDAY)
DAY = timedelta(days=1)


@dataclass
class Entry:
    page: ArticlePage
    when: datetime
    scheduled: bool


@dataclass
class Day:
    day: date
    in_span: bool
    entries: list[Entry] = field(default_factory=list)


def _parse(raw: str, pattern: str) -> date | None:
    try:
        return datetime.strptime(raw, pattern).date()
    except ValueError:
        return None


def span_of(request: HttpRequest) -> tuple[list[list[date]], date, date, str]:
    """The weeks shown, the span's first and last day and its kind, from ?week=YYYY-MM-DD (the
    week holding it) or ?month=YYYY-MM; anything else is this month."""
    if picked := _parse(request.GET.get("week", "")[:10], "%Y-%m-%d"):
        monday = picked - timedelta(days=picked.weekday())
        days = [monday + timedelta(days=n) for n in range(7)]
        return [days], monday, days[-1], "week"
    first = _parse(request.GET.get("month", "")[:7], "%Y-%m") or timezone.localdate().replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return WEEK.monthdatescalendar(first.year, first.month), first, last, "month"


def entries_between(start: date, end: date) -> list[Entry]:
    """Articles first published in the span, and those scheduled to go live in it."""
    zone = timezone.get_current_timezone()
    since = datetime.combine(start, time.min, zone)
    until = datetime.combine(end + timedelta(days=1), time.min, zone)
    articles = ArticlePage.objects.defer_streamfields()  # a title and a date are shown
    published = articles.filter(first_published_at__gte=since, first_published_at__lt=until)
    entries = [Entry(page, page.first_published_at, False) for page in published]
    waiting = Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        content_type=ContentType.objects.get_for_model(ArticlePage),
        approved_go_live_at__gte=since,
        approved_go_live_at__lt=until,
    ).values_list("object_id", "approved_go_live_at")
    pages = articles.in_bulk([int(page_id) for page_id, _ in waiting])
    entries += [Entry(pages[int(i)], when, True) for i, when in waiting if int(i) in pages]
    return sorted(entries, key=lambda entry: entry.when)


class PlanningCalendarView(ContentStaffScreen):
    page_title = _("Planning calendar")
    header_icon = "calendar-alt"
    template_name = "articles/admin/calendar.html"

    def get_context_data(self, **kwargs) -> dict:
        weeks, start, end, kind = span_of(self.request)
        by_day: dict[date, list[Entry]] = {}
        for entry in entries_between(weeks[0][0], weeks[-1][-1]):
            by_day.setdefault(timezone.localtime(entry.when).date(), []).append(entry)
        today, week = timezone.localdate(), timedelta(days=7)
        before, after = (start - week, start + week) if kind == "week" else (start - DAY, end + DAY)
        return super().get_context_data(**kwargs, **{
            "weeks": [[Day(d, start <= d <= end, by_day.get(d, [])) for d in w] for w in weeks],
            "start": start, "end": end, "kind": kind, "today": today,
            "zone": timezone.get_current_timezone_name(),
            "previous": f"week={before}" if kind == "week" else f"month={before:%Y-%m}",
            "next": f"week={after}" if kind == "week" else f"month={after:%Y-%m}",
            "as_week": (today if start <= today <= end else start).isoformat(),
            "as_month": f"{start:%Y-%m}",
        })  # fmt: skip
