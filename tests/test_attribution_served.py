"""Attribution end to end: readers' browsers (real HTTP to the served site, their own user
agents, referrers, a campaign link, a reload loop, a reader who reads two articles and sends the
form), the view beacons as count.js sends them, counts in Redis, the real worker process folding
them, and every number of the report and the lead checked."""

import http.cookiejar
import re
import urllib.parse
import urllib.request

import pytest
from django.test import Client
from django.urls import reverse

from contact.models import Inquiry
from performance.models import DailyCount, SourceCount
from tests.support.builders import ArticleFactory
from tests.support.html import rows_of
from tests.support.leads import VALID
from tests.support.people import member_of
from tests.support.processes import production_env, start_worker
from tests.support.waiting import until

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the browser's next request is made by the test, with its referrer


class Browser:
    """One reader's browser: its own user agent and cookies; each page it reads reports itself
    as count.js does (path, referrer, the landing address's utm_* tags)."""

    def __init__(self, site: str, agent: str):
        self.site, self.agent = site, agent
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect
        )

    def send(self, path: str, data: dict | None = None, referrer: str = "", **headers):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.site + path, data=body, headers={
            "User-Agent": self.agent, **({"Referer": referrer} if referrer else {}), **headers
        })  # fmt: skip
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as answer:  # a redirect, not followed
            return answer.code, answer.read().decode()

    def read(self, address: str, referrer: str = "") -> str:
        status, html = self.send(address, referrer=referrer)
        assert status == 200, address
        path, _, query = address.partition("?")
        utm = "&".join(p for p in query.split("&") if p.startswith("utm_"))
        beacon = self.send("/count/", {"p": path, "r": referrer, "q": utm},
                           **{"Sec-Fetch-Site": "same-origin"})  # fmt: skip
        assert beacon[0] == 204
        return html


def test_visits_sources_and_first_touch_through_the_served_site_and_the_worker(
    launch_state, live_server, shared_redis, tmp_path
):
    first = ArticleFactory(title="Hiring in Oulu")
    second = ArticleFactory(title="Hiring in Turku")
    site = live_server.url
    aino = Browser(site, "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0")
    aino.read(f"{first.url}?utm_source=linkedin&utm_medium=social&utm_campaign=north",
              referrer="https://www.linkedin.com/")  # fmt: skip
    aino.read(second.url, referrer=site + first.url)
    assert aino.send(f"/go/cta/{second.pk}/", referrer=site + second.url)[0] == 302
    form = aino.read(f"/contact/?article={second.pk}", referrer=site + second.url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
    submission = re.search(r'name="submission" value="([^"]+)"', form)[1]
    sent = aino.send("/contact/", {**VALID, "article": second.pk, "submission": submission,
                                   "csrfmiddlewaretoken": token},
                     referrer=f"{site}/contact/?article={second.pk}")  # fmt: skip
    assert sent[0] == 302

    mart = Browser(site, "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15")
    for _ in range(5):  # a reload loop: five views, one visitor
        mart.read(first.url, referrer="https://www.google.com/")

    worker = start_worker(production_env(tmp_path))
    try:
        until(lambda: SourceCount.objects.count() == 2, 40,
              explain=lambda: worker.poll() is not None and worker.stdout.read())  # fmt: skip
    finally:
        worker.terminate()
        worker.wait(10)

    row = DailyCount.objects.get(key=str(first.pk))
    assert (row.views, row.visitors, row.entries) == (6, 2, 2)
    assert DailyCount.objects.get(key=str(second.pk)).entries == 0
    social = SourceCount.objects.get(channel="social")
    assert (social.source, social.campaign, social.visits, social.cta_clicks) == (
        "linkedin", "north", 1, 1
    )  # fmt: skip
    assert SourceCount.objects.get(channel="search").visits == 1

    lead = Inquiry.objects.get()
    assert (lead.entry_page, lead.visit_channel, lead.visit_campaign) == (
        first.url, "social", "north"
    )  # fmt: skip
    assert lead.visit_pages == [first.url, second.url]

    sam = Client()
    sam.force_login(member_of("Sales", "sam"))
    channels = rows_of(sam.get(reverse("content_performance"), {"days": "7", "by": "channel"}).text)
    assert channels["social"][:3] == ["1", "1 100%", "1 100%"]
    assert channels["search"][:3] == ["1", "0 0%", "0 –"]
