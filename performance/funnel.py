"""The content-performance numbers for a period: per article (views → won value), the same
summed per city and per author, and daily totals for the chart. Counts not yet folded into the
daily rows (Redis, the database tally) are included."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _

from articles.models import ArticlePage
from contact.funnel import FUNNEL, rate
from contact.models import Inquiry

from .counting import day_key, redis
from .folding import BATCH_PREFIX, NUMBERS, page_rows, resolver
from .models import DailyCount, FoldedBatch, Kind, MonthlyCount, PendingCount

STEPS = ("views", "cta_clicks", "form_views", "leads", "qualified", "won")
TOUCHES = ("first_touch_leads", "first_touch_value", "assisted_leads", "assisted_value")
COLUMNS = ("visitors", *STEPS, "won_value", *TOUCHES, "subscribers")
NO_ARTICLE = _("No article (came to the contact page directly)")
NO_ROW_NAME = {"city": _("No city"), "author": _("No author")}


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @classmethod
    def last(cls, days: int, today: date) -> "Period":
        return cls(today - timedelta(days=days - 1), today)

    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]


def unfolded(period: Period) -> dict[date, dict[str, int]]:
    """Raw counts still in Redis (today's hash, batches being folded) or in the tally."""
    found: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    connection = redis()
    if connection is not None:
        keys = [day_key(day) for day in period.days()]
        batches = [key.decode() for key in connection.scan_iter(match=f"{BATCH_PREFIX}*")]
        done = set(FoldedBatch.objects.filter(name__in=batches).values_list("name", flat=True))
        batches = [name for name in batches if name not in done]
        pipeline = connection.pipeline(transaction=False)
        for key in [*keys, *batches]:
            pipeline.hgetall(key)
        days = [*period.days(), *(date.fromisoformat(b[len(BATCH_PREFIX) :][:10]) for b in batches)]
        for day, fields in zip(days, pipeline.execute(), strict=True):
            if period.start <= day <= period.end:
                for field, number in fields.items():
                    found[day][field.decode()] += int(number)
    for row in PendingCount.objects.filter(day__range=(period.start, period.end)):
        found[row.day][row.field] += row.count
    return found


Pending = dict[date, dict[tuple[str, str], dict]]


def pending_rows(period: Period) -> Pending:
    """The unfolded counts as rows per page and day, their pages looked up once."""
    raw = unfolded(period)
    page_of = resolver(field for counts in raw.values() for field in counts)
    return {day: page_rows(counts, page_of) for day, counts in raw.items()}


def counts_by_article(period: Period, pending: Pending) -> dict[int, dict]:
    numbers = {name: Sum(name) for name in NUMBERS}
    folded = [
        *DailyCount.objects.filter(day__range=(period.start, period.end), kind=Kind.ARTICLE)
        .values("article_id")
        .annotate(**numbers),
        *MonthlyCount.objects.filter(month__range=(period.start, period.end), kind=Kind.ARTICLE)
        .values("article_id")
        .annotate(**numbers),
    ]
    for rows in pending.values():
        folded += [row for (kind, _), row in rows.items() if kind == Kind.ARTICLE]
    totals: dict[int, dict] = defaultdict(lambda: dict.fromkeys(NUMBERS, 0))
    for row in folded:
        if row["article_id"]:
            for name in NUMBERS:
                totals[row["article_id"]][name] += row[name] or 0
    return totals


def leads_in(period: Period):
    return Inquiry.objects.filter(created_at__date__range=(period.start, period.end))


def article_rows(period: Period, pending: Pending) -> list[dict]:
    """Every live article (and any other that brought something in the period)."""
    counts = counts_by_article(period, pending)
    leads = {
        row["source_article_id"]: row
        for row in leads_in(period).values("source_article_id").annotate(**FUNNEL)
    }
    articles = ArticlePage.objects.filter(pk__in=[*counts, *leads]) | ArticlePage.objects.live()
    rows = []
    for article in articles.select_related("city", "author").order_by("title"):
        rows.append(
            row_for(
                article.title,
                counts.get(article.pk, {}),
                leads.get(article.pk, {}),
                article=article,
                city=article.city.name if article.city else "",
                author=article.author.name if article.author else "",
            )
        )
    if None in leads:
        rows.append(row_for(NO_ARTICLE, {}, leads[None], article=None, city="", author=""))
    return rows


def article_numbers(article: ArticlePage, period: Period) -> dict:
    """One article's funnel, for its edit view's side panel."""
    leads = leads_in(period).filter(source_article=article).aggregate(**FUNNEL)
    counts = counts_by_article(period, pending_rows(period)).get(article.pk, {})
    return row_for(article.title, counts, leads)


def row_for(name: str, counts: dict, leads: dict, **extra) -> dict:
    row = {"name": name, **extra}
    for column in ("visitors", "views", "cta_clicks", "form_views"):
        row[column] = counts.get(column, 0)
    for column in (*TOUCHES, "subscribers"):
        row.setdefault(column, 0)
    row["leads"] = leads.get("total", 0)
    for column in ("qualified", "won", "won_value"):
        row[column] = leads.get(column, 0) or 0
    return with_rates(row)


def with_rates(row: dict) -> dict:
    """Each step as a share of the one before it (clicks of views, … won of qualified)."""
    for before, step in pairwise(STEPS):
        row[f"{step}_rate"] = rate(row[step], row[before])
    return row


def grouped(rows: list[dict], by: str) -> list[dict]:
    """Article rows summed per city or per author (articles without one under "None")."""
    groups: dict[str, dict] = {}
    for row in rows:
        if row["article"] is None:
            continue
        name = row[by] or NO_ROW_NAME[by]
        group = groups.setdefault(name, {"name": name, **dict.fromkeys(COLUMNS, 0)})
        for column in COLUMNS:
            group[column] += row[column]
    return [with_rates(group) for group in groups.values()]


def totals(rows: list[dict]) -> dict:
    summed = {column: sum(row[column] for row in rows) for column in COLUMNS}
    return with_rates({"name": "All", **summed})


def daily(period: Period, pending: Pending) -> list[dict]:
    """Article views and leads per day, for the chart."""
    views = defaultdict(int)
    for row in (
        DailyCount.objects.filter(day__range=(period.start, period.end), kind=Kind.ARTICLE)
        .values("day")
        .annotate(views=Sum("views"))
    ):
        views[row["day"]] += row["views"]
    for day, rows in pending.items():
        views[day] += sum(row["views"] for (kind, _), row in rows.items() if kind == Kind.ARTICLE)
    leads = dict(
        leads_in(period)
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )
    return [{"day": day, "views": views[day], "leads": leads.get(day, 0)} for day in period.days()]
