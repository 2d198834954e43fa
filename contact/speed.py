"""Speed to lead: how long each lead waited for Sales' first e-mail, and the median per owner
over the last weeks (the dashboard), since a lead answered within the hour is far likelier won."""

from datetime import timedelta
from statistics import median

from django.db.models import Min, QuerySet
from django.utils import timezone
from django.utils.timesince import timesince

from .models import Inquiry

PERIOD = timedelta(days=30)


def with_first_reply(leads: QuerySet) -> QuerySet:
    return leads.annotate(first_reply_at=Min("messages__created_at"))


def waited(lead: Inquiry) -> str:
    """'2 hours, 5 minutes' (in the admin's language), or '' before the first reply."""
    first = getattr(lead, "first_reply_at", None)
    if first is None:
        first = lead.messages.order_by("created_at").values_list("created_at", flat=True).first()
    return timesince(lead.created_at, first) if first else ""


def by_owner(now=None) -> list[dict]:
    """Per owner, the leads of the period that have had a reply and their median wait."""
    since = (now or timezone.now()) - PERIOD
    leads = with_first_reply(Inquiry.objects.filter(created_at__gte=since).select_related("owner"))
    waits: dict[str, list[timedelta]] = {}
    for lead in leads.exclude(first_reply_at=None):
        waits.setdefault(lead.owner_name, []).append(lead.first_reply_at - lead.created_at)
    base = timezone.now()
    return [
        {"owner": owner, "replied": len(times),
         "median": timesince(base - median(times), base) if times else ""}
        for owner, times in sorted(waits.items())
    ]  # fmt: skip
