"""Visitors, visits and where they came from, without a cookie and without keeping an address.

A visitor is recognised within one day by a hash of a secret daily salt, the site, the client
address and the user agent (the method Plausible documents). The salt is made on the day's first
view, kept two days at most, and yesterday's is deleted then: a hash cannot be linked across
days or reversed. A visit is a visitor's views with gaps under PERFORMANCE_VISIT_MINUTES; its
entry page, source, channel and campaign are those of its first view (the referrer through
Snowplow's list of search, social and mail sites; utm_* of the landing address first). What is
kept, in the shared cache only while it is needed: the visit (entry, source, the paths read) and
which pages a visitor saw today; counted: the numbers, as counting.py counts views.
"""

import hashlib
import secrets
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from referer_parser import Referer

from access.ratelimit import client_address_of

from .counting import tally, wanted

# Fields of the day's counts, beside views and clicks: a page's visitor, a visit begun on it, and
# a visit's (and a call-to-action click's) channel, source and campaign.
UNIQUE, ENTRY, SOURCE, SOURCE_CLICK = "u", "e", "s", "k"
SALT_SECONDS = 2 * 86400
CHANNELS = {"search": "search", "social": "social", "email": "email", "unknown": "other sites"}
UTM_CHANNELS = {"email": "email", "newsletter": "email", "social": "social", "cpc": "paid",
                "ppc": "paid", "paid": "paid", "display": "paid"}  # fmt: skip
MAX_PAGES = 50  # paths a visit remembers (assisting articles)
MAX_TEXT = 100


def daily_salt() -> str | None:
    """Today's secret, made on the day's first view; yesterday's is deleted then."""
    today = timezone.localdate()
    key = f"performance:salt:{today.isoformat()}"
    if cache.add(key, secrets.token_hex(32), SALT_SECONDS):
        cache.delete(f"performance:salt:{(today - timedelta(days=1)).isoformat()}")
    return cache.get(key)


def visitor_of(environ: dict) -> str | None:
    """Today's name for this reader, or None when the cache cannot say (then only views count)."""
    salt = daily_salt()
    if salt is None:
        return None
    parts = (salt, settings.SITE_URL, client_address_of(environ) or "",
             environ.get("HTTP_USER_AGENT", ""))  # fmt: skip
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def source_of(referrer: str, landing_query: str) -> dict[str, str]:
    """The visit's channel, source and campaign: utm_* first, else the referring site."""
    utm = {k: v[0][:MAX_TEXT] for k, v in parse_qs(landing_query.lstrip("?")).items()
           if k in ("utm_source", "utm_medium", "utm_campaign") and v}  # fmt: skip
    host = (urlsplit(referrer).hostname or "") if referrer else ""
    found = Referer(referrer, settings.SITE_URL) if host else None
    if found is None or found.medium == "internal":
        channel, source = "direct", ""
    else:
        channel, source = CHANNELS.get(found.medium, "other sites"), found.referer or host
    if "utm_source" in utm:
        source = utm["utm_source"]
        channel = UTM_CHANNELS.get(utm.get("utm_medium", "").lower(), channel)
    return {"channel": channel, "source": source.lower()[:MAX_TEXT],
            "campaign": utm.get("utm_campaign", "")}  # fmt: skip


def visit_key(visitor: str) -> str:
    return f"performance:visit:{visitor}"


def record_view(environ: dict, path: str, referrer: str = "", landing_query: str = "") -> None:
    """Count the view's visitor (once a day per page) and a new visit's entry and source."""
    if not wanted(environ) or (visitor := visitor_of(environ)) is None:
        return
    seen_key = f"performance:seen:{timezone.localdate().isoformat()}:{visitor}"
    found = cache.get_many([visit_key(visitor), seen_key])
    visit, seen = found.get(visit_key(visitor)), found.get(seen_key, [])
    if visit is None:
        visit = {"entry": path, **source_of(referrer, landing_query), "pages": []}
        tally.add(f"{ENTRY} {path}")
        tally.add(
            f"{SOURCE} " + "\x1f".join((visit["channel"], visit["source"], visit["campaign"]))
        )
    if path not in visit["pages"]:
        visit["pages"] = [*visit["pages"], path][-MAX_PAGES:]
    if path not in seen:
        tally.add(f"{UNIQUE} {path}")
        seen = [*seen, path][-MAX_PAGES:]
    cache.set(visit_key(visitor), visit, settings.PERFORMANCE_VISIT_MINUTES * 60)
    cache.set(seen_key, seen, 86400)


def source_field(visit: dict) -> str:
    return "\x1f".join((visit["channel"], visit["source"], visit["campaign"]))


def record_click(environ: dict) -> None:
    """A call-to-action click, counted for the source of the visit it belongs to."""
    if visit := current_visit(environ):
        tally.add(f"{SOURCE_CLICK} {source_field(visit)}")


def current_visit(environ: dict) -> dict | None:
    """The reader's visit as it stands (entry, channel, source, campaign, pages), if any."""
    visitor = visitor_of(environ) if wanted(environ) else None
    return cache.get(visit_key(visitor)) if visitor else None
