"""The worker's every-minute job: counts from Redis (or the database tally) into daily rows,
and daily rows past PERFORMANCE_DAILY_DAYS into monthly ones."""

import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from background.locks import only_one_worker

from . import sections
from .counting import CLICK, FORM, PREFIX, VIEW, redis
from .models import Counts, DailyCount, FoldedBatch, Kind, MonthlyCount, PendingCount, SourceCount
from .visits import ENTRY, SOURCE, SOURCE_CLICK, UNIQUE

DAY_KEY = re.compile(rf"^{PREFIX}(\d{{4}}-\d{{2}}-\d{{2}})$")
BATCH_PREFIX = f"{PREFIX}folding:"
NUMBERS = ("views", "cta_clicks", "form_views", "visitors", "entries")
FIELD_NUMBER = {VIEW: "views", CLICK: "cta_clicks", FORM: "form_views", UNIQUE: "visitors",
                ENTRY: "entries"}  # fmt: skip
PATH_FIELDS = (VIEW, UNIQUE, ENTRY)  # the fields that name a page by its path
KEEP_BATCH_NAMES = timedelta(days=30)


def fold_counts() -> None:
    """Periodic job (WORKER_PERIODIC_JOBS); one worker at a time."""
    with only_one_worker("fold_counts") as mine:
        if mine:
            fold_redis()
            fold_pending()
            compact()


def resolver(fields: Iterable[str]) -> Callable[[str], tuple[str, str, int | None] | None]:
    """Which page each raw field ("v /blog/x/", "c 12", …) counts for, looked up in one go;
    None for a field that names no page (a 404, an article since deleted)."""
    fields = set(fields)
    pages = sections.resolve({field[2:] for field in fields if field[0] in PATH_FIELDS})
    ids = [field[2:] for field in fields if field[:2] in (f"{CLICK} ", f"{FORM} ")]
    articles = sections.existing_clicked([int(i) for i in ids if i.isdigit()])

    def page_of(field: str) -> tuple[str, str, int | None] | None:
        kind, _, target = field.partition(" ")
        if kind in PATH_FIELDS:
            return pages.get(target)
        if kind in (CLICK, FORM) and target.isdigit() and int(target) in articles:
            return Kind.ARTICLE, target, int(target)
        return None

    return page_of


def page_rows(counts: dict[str, int], page_of=None) -> dict[tuple[str, str], dict]:
    """Raw counts as rows per page: (kind, key) → numbers (and the article's id)."""
    page_of = page_of or resolver(counts)
    rows: dict[tuple[str, str], dict] = defaultdict(lambda: dict.fromkeys(NUMBERS, 0))
    for field, number in counts.items():
        if field[0] in (SOURCE, SOURCE_CLICK) or (page := page_of(field)) is None:
            continue
        page_kind, key, article_id = page
        row = rows[(page_kind, key)]
        row["article_id"] = article_id
        row[FIELD_NUMBER[field[0]]] += number
    return rows


def add(model: type[Counts], period: dict, rows: dict[tuple[str, str], dict]) -> None:
    """Add the numbers to the period's rows (created where missing); the caller holds the lock."""
    field = next(iter(period))
    existing = {
        (row.kind, row.key): row
        for row in model.objects.filter(**period, key__in={key for _, key in rows})
    }
    changed = []
    for (kind, key), numbers in rows.items():
        row = existing.get((kind, key)) or model(kind=kind, key=key, **period)
        row.article_id = numbers.get("article_id") or row.article_id
        for name in NUMBERS:
            setattr(row, name, getattr(row, name) + numbers[name])
        changed.append(row)
    model.objects.bulk_create(
        changed,
        update_conflicts=True,
        unique_fields=[field, "kind", "key"],
        update_fields=[*NUMBERS, "article"],
    )


def add_sources(day: date, counts: dict[str, int]) -> None:
    """The day's visits and call-to-action clicks by channel, source and campaign ("s …" and
    "k channel\x1fsource\x1fcampaign")."""
    numbers: dict[tuple[str, str, str], dict] = defaultdict(lambda: {"visits": 0, "cta_clicks": 0})
    for field, number in counts.items():
        kind = {SOURCE: "visits", SOURCE_CLICK: "cta_clicks"}.get(field[0])
        if kind and field[1:2] == " " and len(parts := field[2:].split("\x1f")) == 3:
            numbers[tuple(parts)][kind] += number
    existing = {
        (row.channel, row.source, row.campaign): row
        for row in SourceCount.objects.filter(day=day, channel__in={c for c, _, _ in numbers})
    }
    rows = []
    for (channel, source, campaign), added in numbers.items():
        row = existing.get((channel, source, campaign)) or SourceCount(
            day=day, channel=channel, source=source, campaign=campaign
        )
        row.visits += added["visits"]
        row.cta_clicks += added["cta_clicks"]
        rows.append(row)
    SourceCount.objects.bulk_create(
        rows, update_conflicts=True, update_fields=["visits", "cta_clicks"],
        unique_fields=["day", "channel", "source", "campaign"],
    )  # fmt: skip


def fold_redis() -> None:
    """Each day's hash is renamed to a batch (new counts start a fresh hash), added to the daily
    rows with the batch's name in one transaction, then deleted."""
    connection = redis()
    if connection is None:
        return
    for key in connection.scan_iter(match=f"{PREFIX}*"):
        if match := DAY_KEY.match(key.decode()):
            connection.renamenx(key, f"{BATCH_PREFIX}{match[1]}:{uuid.uuid4().hex}")
    for batch in connection.scan_iter(match=f"{BATCH_PREFIX}*"):
        name = batch.decode()
        day = date.fromisoformat(name[len(BATCH_PREFIX) :].split(":")[0])
        counts = {field.decode(): int(n) for field, n in connection.hgetall(batch).items()}
        with transaction.atomic():
            if not FoldedBatch.objects.filter(name=name).exists():
                add(DailyCount, {"day": day}, page_rows(counts))
                add_sources(day, counts)
                FoldedBatch.objects.create(name=name)
        connection.delete(batch)
    FoldedBatch.objects.filter(folded_at__lt=timezone.now() - KEEP_BATCH_NAMES).delete()


def fold_pending() -> None:
    """The database tally (no Redis) into daily rows."""
    with transaction.atomic():
        pending = list(PendingCount.objects.select_for_update())
        by_day: dict[date, dict[str, int]] = defaultdict(dict)
        for row in pending:
            by_day[row.day][row.field] = row.count
        page_of = resolver(row.field for row in pending)
        for day, counts in by_day.items():
            add(DailyCount, {"day": day}, page_rows(counts, page_of))
            add_sources(day, counts)
        PendingCount.objects.filter(pk__in=[row.pk for row in pending]).delete()


def compact() -> None:
    """Daily rows past the retention become (or add to) monthly rows."""
    cutoff = timezone.localdate() - timedelta(days=settings.PERFORMANCE_DAILY_DAYS)
    old = DailyCount.objects.filter(day__lt=cutoff)
    months: dict[date, dict] = defaultdict(dict)
    sums = (
        old.annotate(month=TruncMonth("day"))
        .values("month", "kind", "key", "article_id")
        .annotate(**{name: Sum(name) for name in NUMBERS})
    )
    for row in sums:
        months[row["month"]][(row["kind"], row["key"])] = row
    with transaction.atomic():
        for month, rows in months.items():
            add(MonthlyCount, {"month": month}, rows)
        old.delete()
