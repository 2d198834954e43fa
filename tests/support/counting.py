"""Readers whose browsers report views, and what the day's counts in Redis say."""

from datetime import timedelta
from decimal import Decimal

from django.test import Client
from django.utils import timezone

from contact.models import Inquiry, Status
from performance.counting import day_key
from performance.models import DailyCount, Kind

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0"
COUNT_SCRIPT = "/static/js/count.js"


def counted(redis, kinds: str = "vcf") -> dict[str, int]:
    """Today's counts, field by field ("v /blog/": 3): views, clicks and form views unless
    other `kinds` are asked for (u: visitors, e: visits begun, s: visits by source)."""
    fields = {k.decode(): int(v) for k, v in redis.hgetall(day_key()).items()}
    return {field: n for field, n in fields.items() if field[0] in kinds}


class Reader(Client):
    """A browser: each page it loads that carries the count script sends its beacon."""

    def get(self, path, *args, referrer: str = "", **kwargs):
        response = super().get(path, *args, **kwargs)
        if response.status_code == 200 and COUNT_SCRIPT in response.text:
            page, _, query = path.partition("?")
            utm = "&".join(p for p in query.split("&") if p.startswith("utm_"))
            beacon(self, page, referrer=referrer, query=utm)
        return response


def beacon(client: Client, path: str, referrer: str = "", query: str = "", **headers):
    """What static/js/count.js sends: the path, the referrer, the landing address's utm_*."""
    headers.setdefault("HTTP_SEC_FETCH_SITE", "same-origin")
    return client.post("/count/", {"p": path, "r": referrer, "q": query}, **headers)


def reader(**headers) -> Reader:
    return Reader(**{"HTTP_USER_AGENT": BROWSER, **headers})


def funnel_data(article) -> None:
    """Two weeks of counts and leads for one article: the report must add them up exactly."""
    today = timezone.localdate()
    DailyCount.objects.create(
        day=today - timedelta(days=3), kind=Kind.ARTICLE, key=str(article.pk), article=article,
        views=200, cta_clicks=20, form_views=10,
    )  # fmt: skip
    DailyCount.objects.create(
        day=today - timedelta(days=20), kind=Kind.ARTICLE, key=str(article.pk), article=article,
        views=1000, cta_clicks=1, form_views=1,
    )  # fmt: skip
    lead = {"email": "cto@example.fi", "company": "Oy", "role": "CTO", "project": "API",
            "work_definition": "specs", "documentation": "written", "desired_start": "asap",
            "readiness": "ready", "source_article": article}  # fmt: skip
    Inquiry.objects.create(name="A", status=Status.WON, deal_value=Decimal("12000"), **lead)
    Inquiry.objects.create(name="B", status=Status.QUALIFIED, **lead)
    Inquiry.objects.create(name="C", **lead)
    Inquiry.objects.create(name="D", **{**lead, "source_article": None})
