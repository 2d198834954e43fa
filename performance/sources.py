"""Where readers and leads come from, for the report: visits and leads by channel or campaign
(visits → leads → qualified → won €), and per article the leads whose visit began on it (first
touch) and those it was read in before another article's call to action (assisted)."""

from collections import defaultdict
from itertools import pairwise

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from contact.funnel import FUNNEL, rate
from contact.models import Status
from newsletter.models import Subscriber

from .funnel import Period, leads_in, unfolded
from .models import SourceCount
from .visits import SOURCE, SOURCE_CLICK

SOURCE_COLUMNS = ("visits", "cta_clicks", "leads", "qualified", "won", "won_value")
SOURCE_STEPS = ("visits", "cta_clicks", "leads", "qualified", "won")
UNKNOWN = {"channel": _("Unknown (before visits were kept, or not tracked)"),
           "campaign": _("No campaign")}  # fmt: skip
LEAD_FIELD = {"channel": "visit_channel", "campaign": "visit_campaign"}


def visits_by(period: Period, by: str) -> dict[str, dict]:
    """Visits and call-to-action clicks of the period by channel or campaign, folded and not."""
    found: dict[str, dict] = defaultdict(lambda: {"visits": 0, "cta_clicks": 0})
    folded = SourceCount.objects.filter(day__range=(period.start, period.end))
    for row in folded.values(by).annotate(visits_n=Sum("visits"), clicks_n=Sum("cta_clicks")):
        found[row[by]]["visits"] += row["visits_n"]
        found[row[by]]["cta_clicks"] += row["clicks_n"]
    for counts in unfolded(period).values():
        for field, number in counts.items():
            kind = {SOURCE: "visits", SOURCE_CLICK: "cta_clicks"}.get(field[0])
            if kind and field[1:2] == " " and len(parts := field[2:].split("\x1f")) == 3:
                found[parts[0] if by == "channel" else parts[2]][kind] += number
    return found


def source_rows(period: Period, by: str) -> list[dict]:
    visits = visits_by(period, by)
    leads = {row[LEAD_FIELD[by]]: row
             for row in leads_in(period).values(LEAD_FIELD[by]).annotate(**FUNNEL)}  # fmt: skip
    rows = []
    for name in sorted(set(visits) | set(leads), key=lambda n: (n == "", n)):
        lead = leads.get(name, {})
        counted = visits.get(name, {})
        row = {"name": name or UNKNOWN[by], "visits": counted.get("visits", 0),
               "cta_clicks": counted.get("cta_clicks", 0), "leads": lead.get("total", 0),
               "qualified": lead.get("qualified", 0), "won": lead.get("won", 0),
               "won_value": lead.get("won_value", 0) or 0}  # fmt: skip
        rows.append(source_rates(row))
    return rows


def source_rates(row: dict) -> dict:
    for before, step in pairwise(SOURCE_STEPS):
        row[f"{step}_rate"] = rate(row[step], row[before])
    return row


def source_totals(rows: list[dict]) -> dict:
    return source_rates({"name": "All", **{c: sum(r[c] for r in rows) for c in SOURCE_COLUMNS}})


def touches(period: Period) -> tuple[dict[str, dict], dict[str, dict]]:
    """Leads (and won value) by the path their visit began on, and by each path read in the
    visit other than the article whose call to action brought the lead (assisted)."""
    first: dict[str, dict] = defaultdict(lambda: {"leads": 0, "won_value": 0})
    assisted: dict[str, dict] = defaultdict(lambda: {"leads": 0, "won_value": 0})
    leads = leads_in(period).exclude(visit_channel="").select_related("source_article")
    for lead in leads:
        won = (lead.deal_value or 0) if lead.status == Status.WON else 0
        first[lead.entry_page]["leads"] += 1
        first[lead.entry_page]["won_value"] += won
        last = lead.source_article.url if lead.source_article else None
        for path in set(lead.visit_pages) - {last}:
            assisted[path]["leads"] += 1
            assisted[path]["won_value"] += won
    return first, assisted


def with_touches(rows: list[dict], period: Period) -> list[dict]:
    """Article rows with their first-touch and assisted leads and won value, and the readers
    who subscribed from them (confirmed in the period)."""
    first, assisted = touches(period)
    subscribed = dict(
        Subscriber.objects.filter(confirmed_at__date__range=(period.start, period.end))
        .values("source_article_id").annotate(n=Count("pk")).values_list("source_article_id", "n")
    )  # fmt: skip
    for row in rows:
        path = row["article"].url if row.get("article") else None
        row["first_touch_leads"] = first[path]["leads"] if path in first else 0
        row["first_touch_value"] = first[path]["won_value"] if path in first else 0
        row["assisted_leads"] = assisted[path]["leads"] if path in assisted else 0
        row["assisted_value"] = assisted[path]["won_value"] if path in assisted else 0
        row["subscribers"] = subscribed.get(row["article"].pk, 0) if row.get("article") else 0
    return rows
