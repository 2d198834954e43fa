"""Where readers and leads come from, without a cookie or a kept address: visitors recognised
for one day by a salted hash, visits with their entry page, channel, source and campaign, and
the lead's first touch (the visit that ended in the form, and the articles read in it)."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from contact.models import Inquiry
from performance import visits
from performance.folding import fold_counts
from performance.models import DailyCount, Kind, SourceCount
from tests.support.builders import ArticleFactory
from tests.support.counting import BROWSER, counted, reader
from tests.support.html import rows_of
from tests.support.leads import edit_url, send
from tests.support.people import member_of

pytestmark = pytest.mark.django_db


OTHER_BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1"


def test_a_reload_loop_is_one_visitor_and_one_visit(redis):
    article = ArticleFactory()
    loop = reader(REMOTE_ADDR="203.0.113.7")
    for _ in range(20):
        loop.get(article.url)
    reader(REMOTE_ADDR="203.0.113.8").get(article.url)  # another address
    reader(REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT=OTHER_BROWSER).get(article.url)
    assert counted(redis, "vue") == {
        f"v {article.url}": 22, f"u {article.url}": 3, f"e {article.url}": 3
    }  # fmt: skip
    fold_counts()
    row = DailyCount.objects.get(kind=Kind.ARTICLE, key=str(article.pk))
    assert (row.views, row.visitors, row.entries) == (22, 3, 3)


def test_a_visitor_cannot_be_followed_to_the_next_day_or_found_by_address(redis, monkeypatch):
    environ = {"REMOTE_ADDR": "203.0.113.7", "HTTP_USER_AGENT": BROWSER}
    today = visits.visitor_of(environ)
    assert today == visits.visitor_of(environ), "the same reader all day"
    yesterday_salt = f"performance:salt:{timezone.localdate().isoformat()}"
    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr(visits.timezone, "localdate", lambda: tomorrow)
    assert visits.visitor_of(environ) != today, "a new salt, a new name"
    assert cache.get(yesterday_salt) is None, "yesterday's salt is gone: its hashes lead nowhere"

    reader(REMOTE_ADDR="203.0.113.7").get(ArticleFactory().url)
    stored = b" ".join(redis.keys("*") + [redis.dump(k) or b"" for k in redis.keys("*")])
    assert b"203.0.113.7" not in stored and BROWSER.encode() not in stored, "no address kept"


@pytest.mark.parametrize(
    ("referrer", "landing", "source"),
    [
        ("https://www.google.com/", "", ("search", "google", "")),
        ("https://www.linkedin.com/feed/", "", ("social", "linkedin", "")),
        ("https://mail.google.com/mail/u/0/", "", ("email", "gmail", "")),
        ("https://blog.example.org/backend-hiring", "", ("other sites", "blog.example.org", "")),
        ("", "", ("direct", "", "")),
        ("http://testserver/blog/", "", ("direct", "", "")),  # from our own pages
        (
            "https://www.google.com/",
            "utm_source=Newsletter&utm_medium=email&utm_campaign=december",
            ("email", "newsletter", "december"),
        ),
    ],
    ids=["search", "social", "mail", "other-site", "direct", "internal", "campaign"],
)
def test_each_visit_has_a_channel_source_and_campaign(redis, settings, referrer, landing, source):
    settings.SITE_URL = "http://testserver"
    article = ArticleFactory()
    address = f"{article.url}?{landing}" if landing else article.url
    reader().get(address, referrer=referrer)
    reader().get(article.url, referrer=referrer)  # the same visit: counted once
    assert counted(redis, "s") == {"s " + "\x1f".join(source): 1}
    fold_counts()
    row = SourceCount.objects.get()
    assert (row.channel, row.source, row.campaign, row.visits) == (*source, 1)


def test_a_lead_records_the_visit_that_ended_in_the_form(client, redis):
    first, second = ArticleFactory(), ArticleFactory()
    aino = reader(REMOTE_ADDR="198.51.100.4")
    aino.get(f"{first.url}?utm_source=linkedin&utm_medium=social&utm_campaign=helsinki",
             referrer="https://www.linkedin.com/")  # fmt: skip
    aino.get(second.url, referrer=f"http://testserver{first.url}")
    aino.get(f"/go/cta/{second.pk}/", follow=True)
    assert send(aino, {"article": str(second.pk)}).status_code == 302

    lead = Inquiry.objects.get()
    assert (lead.entry_page, lead.visit_channel, lead.visit_source, lead.visit_campaign) == (
        first.url, "social", "linkedin", "helsinki"
    )  # fmt: skip
    assert lead.visit_pages == [first.url, second.url], "the articles read before the form"

    client.force_login(member_of("Sales", "sam"))
    page = client.get(edit_url(lead)).text
    assert f"First touch: social (linkedin), campaign helsinki, entered on {first.url}" in page
    assert f'<a href="{second.url}">' in page


def test_a_reader_who_asks_not_to_be_tracked_leaves_no_visit(client, redis):
    article = ArticleFactory()
    private = reader(HTTP_DNT="1")
    private.get(article.url, referrer="https://www.google.com/")
    assert send(private).status_code == 302
    lead = Inquiry.objects.get()
    assert (lead.visit_channel, lead.entry_page, lead.visit_pages) == ("", "", [])
    assert not redis.keys("*visit*") and counted(redis, "vcfues") == {}

    client.force_login(member_of("Sales", "sam"))
    assert "First touch: unknown" in client.get(edit_url(lead)).text


def report(client, **query) -> str:
    return client.get(reverse("content_performance"), {"days": "30", **query}).text


def test_the_report_says_where_visits_leads_and_won_work_come_from(client, redis):
    first, second = ArticleFactory(title="Hiring in Oulu"), ArticleFactory(title="Hiring in Turku")
    aino = reader(REMOTE_ADDR="198.51.100.4")
    aino.get(f"{first.url}?utm_source=linkedin&utm_medium=social&utm_campaign=north",
             referrer="https://www.linkedin.com/")  # fmt: skip
    aino.get(second.url, referrer=f"http://testserver{first.url}")
    aino.get(f"/go/cta/{second.pk}/")
    send(aino, {"article": str(second.pk)})
    reader(REMOTE_ADDR="198.51.100.9").get(first.url, referrer="https://www.google.com/")
    Inquiry.objects.update(status="won", deal_value=24000)
    fold_counts()

    client.force_login(member_of("Sales", "sam"))
    channels = rows_of(report(client, by="channel"))
    assert channels["social"] == ["1", "1 100%", "1 100%", "0 0%", "1 –", "€24,000"]
    assert channels["search"] == ["1", "0 0%", "0 –", "0 –", "0 –", "€0"]
    assert rows_of(report(client, by="campaign"))["north"][:3] == ["1", "1 100%", "1 100%"]

    articles = rows_of(report(client))
    assert articles[first.title][0] == "2", "two visitors"
    assert articles[first.title][-3:-1] == ["1 €24,000", "1 €24,000"], "first touch and assist"
    assert articles[second.title][-3:-1] == ["0 €0", "0 €0"], "the call to action's own article"

    exported = client.get(reverse("content_performance"),
                          {"days": "30", "by": "channel", "export": "csv"})  # fmt: skip
    table = list(csv.DictReader(io.StringIO(b"".join(exported.streaming_content).decode())))
    assert {row["Name"]: row["Visits"] for row in table} == {"search": "1", "social": "1"}
