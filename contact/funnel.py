"""How leads add up, from received to won: one definition for Sales' and editors' reports."""

from django.db.models import Count, Q, Sum

from .models import Status

FUNNEL = {
    "total": Count("pk"),
    "qualified": Count("pk", filter=Q(qualified_at__isnull=False)),
    "won": Count("pk", filter=Q(status=Status.WON)),
    "won_value": Sum("deal_value", filter=Q(status=Status.WON), default=0),
}


def rate(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "–"
