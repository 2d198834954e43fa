"""Readers follow the blog by e-mail: double opt-in (the worker sends the confirmation to a real
SMTP server), one subscriber per address, no enumeration, honeypot, limits, posts only from the
site's own pages, one-click unsubscribe (RFC 8058), addresses kept only while needed."""

import hashlib
import hmac
import json
import re
import time
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticlePage
from newsletter.models import Subscriber
from newsletter.retention import purge
from tests.support.builders import ArticleFactory, CityFactory
from tests.support.html import rows_of
from tests.support.jobs import run_jobs
from tests.support.people import member_of

pytestmark = pytest.mark.django_db
SUBSCRIBE = reverse("newsletter:subscribe")
SAME_SITE = {"HTTP_SEC_FETCH_SITE": "same-origin"}


def subscribe(client, email="aino@nordpay.com", **fields):
    data = {"email": email, "consent": "on", **fields}
    return client.post(SUBSCRIBE, data, **SAME_SITE)


def text_of(message, kind: str = "text/plain") -> str:
    [part] = [p for p in message.walk() if p.get_content_type() == kind]
    return part.get_payload(decode=True).decode()


def link_in(message, name: str) -> str:
    return re.search(rf"http://testserver(/subscribe/{name}/[^\s]+/)", text_of(message))[1]


def test_a_reader_subscribes_from_an_article_and_confirms(client, smtp):
    article = ArticleFactory()
    page = client.get(article.url).text
    assert 'action="/subscribe/"' in page and f'name="article" value="{article.pk}"' in page
    response = subscribe(client, "Aino@Nordpay.com", article=str(article.pk))
    assert response.status_code == 302 and response["Location"] == reverse("newsletter:sent")
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.state, subscriber.source_article) == (
        "aino@nordpay.com", "pending", article.page_ptr.specific
    )  # fmt: skip

    run_jobs()
    [mail] = smtp.messages
    assert mail["To"] == "aino@nordpay.com"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    confirm = link_in(mail, "confirm")
    assert f'href="http://testserver{confirm}"' in text_of(mail, "text/html"), "a button too"
    assert client.get(confirm).status_code == 200
    assert Subscriber.objects.get().state == "pending", "a mail scanner's GET confirms nothing"
    assert "You are subscribed" in client.post(confirm).text
    assert Subscriber.objects.get().state == "active"


def test_the_same_address_twice_is_one_subscriber_and_the_answer_never_tells(client, smtp):
    first = subscribe(client)
    run_jobs()
    client.post(link_in(smtp.messages[0], "confirm"))
    again = subscribe(client, "AINO@nordpay.com")
    new = subscribe(client, "mart@balticloud.ee")
    assert first["Location"] == again["Location"] == new["Location"], "no enumeration"
    assert (
        Subscriber.objects.count() == 2
        and Subscriber.objects.get(email="aino@nordpay.com").state == "active"
    )
    run_jobs()
    assert [m["To"] for m in smtp.messages] == ["aino@nordpay.com", "mart@balticloud.ee"], (
        "a subscribed address is not sent another confirmation"
    )


def test_bots_other_sites_and_floods_are_refused(client, settings, smtp):
    assert subscribe(client, website="http://spam.example").status_code == 302
    assert not Subscriber.objects.exists(), "the honeypot keeps nothing"
    cross = client.post(SUBSCRIBE, {"email": "x@example.com", "consent": "on"},
                        HTTP_SEC_FETCH_SITE="cross-site")  # fmt: skip
    assert cross.status_code == 403 and not Subscriber.objects.exists()
    forged = client.post(SUBSCRIBE, {"email": "x@example.com", "consent": "on"},
                         HTTP_ORIGIN="https://evil.example")  # fmt: skip
    assert forged.status_code == 403
    bad = subscribe(client, "not-an-address")
    assert bad.status_code == 400 and "Enter a valid email address" in bad.text
    assert subscribe(client, consent="").status_code == 400
    settings.NEWSLETTER_RATE_LIMIT = 2
    flood = Client(REMOTE_ADDR="192.0.2.50")
    answers = [subscribe(flood, f"r{n}@example.com").status_code for n in range(3)]
    assert answers == [302, 302, 429]
    for _ in range(5):  # someone else's address, again and again: at most 3 e-mails an hour
        subscribe(Client(REMOTE_ADDR=f"10.0.0.{_}"), "victim@example.com")
    run_jobs()
    assert sum(m["To"] == "victim@example.com" for m in smtp.messages) == 3


def test_one_click_unsubscribe_from_the_mail_and_the_link(client, smtp):
    subscribe(client)
    run_jobs()
    [mail] = smtp.messages
    client.post(link_in(mail, "confirm"))
    header = re.sub(r"\s+", "", mail["List-Unsubscribe"]).strip("<>")
    one_click = Client().post(header.replace("http://testserver", ""),
                              {"List-Unsubscribe": "One-Click"})  # fmt: skip
    assert one_click.status_code == 200, "a mail program's POST, without a CSRF token"
    assert Subscriber.objects.get().state == "unsubscribed"
    assert "You are unsubscribed" in client.get(header.replace("http://testserver", "")).text
    assert client.get("/subscribe/unsubscribe/forged-token/").status_code == 404


def test_addresses_are_kept_only_while_needed(settings):
    old = timezone.now() - timedelta(days=settings.NEWSLETTER_CONFIRM_DAYS, hours=1)
    Subscriber.objects.create(email="late@example.com", created_at=old)
    Subscriber.objects.create(email="fresh@example.com")
    gone = timezone.now() - timedelta(days=settings.NEWSLETTER_GRACE_DAYS, hours=1)
    Subscriber.objects.create(email="left@example.com", state="unsubscribed", unsubscribed_at=gone)
    Subscriber.objects.create(email="reader@example.com", state="active", created_at=old)
    assert purge() == 2
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "fresh@example.com", "reader@example.com"
    }  # fmt: skip


def test_editors_see_the_subscribers_and_sales_do_not(client):
    Subscriber.objects.create(email="aino@nordpay.com", state="active", interests=["city:oulu"])
    client.force_login(member_of("Editors", "eve"))
    url = reverse("newsletter_subscriber:index")
    assert "aino@nordpay.com" in client.get(url).text
    assert "aino@nordpay.com" not in client.get(url, {"interest": "tampere"}).text
    Subscriber.objects.create(email="eager@nordpay.com", state="active", rhythm="now")
    at_once = client.get(url, {"rhythm": "now"}).text  # who chose mail at once
    assert "eager@nordpay.com" in at_once and "aino@nordpay.com" not in at_once
    sales = Client()
    sales.force_login(member_of("Sales", "sam"))
    assert sales.get(url).status_code in (302, 403)


def mailgun_event(event: str, recipient: str, key: str = "test-signing-key") -> dict:
    """A Mailgun tracking webhook's JSON body, signed as Mailgun signs it."""
    timestamp, token = str(int(time.time())), "b" * 50
    signature = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return {
        "signature": {"timestamp": timestamp, "token": token, "signature": signature},
        "event-data": {"event": event, "recipient": recipient, "timestamp": float(timestamp),
                       "severity": "permanent", "message": {"headers": {"message-id": "x@y"}}},
    }  # fmt: skip


def test_a_bounce_or_a_complaint_stops_the_mail_and_a_forgery_does_not(client):
    for email in ("gone@example.com", "annoyed@example.com", "fine@example.com"):
        Subscriber.objects.create(email=email, state="active")
    hook = "/mail/tracking/mailgun/"
    post = lambda body: client.post(hook, json.dumps(body), content_type="application/json")  # noqa: E731
    assert post(mailgun_event("failed", "gone@example.com")).status_code == 200
    assert post(mailgun_event("complained", "Annoyed@example.com")).status_code == 200
    assert post(mailgun_event("failed", "fine@example.com", key="forged")).status_code == 400
    assert post(mailgun_event("delivered", "fine@example.com")).status_code == 200
    states = dict(Subscriber.objects.values_list("email", "state"))
    assert states == {"gone@example.com": "unsubscribed", "annoyed@example.com": "unsubscribed",
                      "fine@example.com": "active"}  # fmt: skip


def test_the_link_in_every_mail_also_changes_what_to_hear_about(client, smtp):
    ArticleFactory(city=CityFactory(name="Oulu"))
    subscribe(client)
    run_jobs()
    [mail] = smtp.messages
    client.post(link_in(mail, "confirm"))
    manage = (
        re.sub(r"\s+", "", mail["List-Unsubscribe"]).strip("<>").replace("http://testserver", "")
    )
    page = client.get(manage).text
    assert 'name="interests" value="city:oulu"' in page
    assert 'name="rhythm" value="weekly"' in page and 'value="now"' in page
    client.post(manage, {"action": "preferences", "interests": ["city:oulu"], "rhythm": "now"})
    subscriber = Subscriber.objects.get()
    assert (subscriber.state, subscriber.interests) == ("active", ["city:oulu"])
    assert subscriber.rhythm == "now"
    assert re.search(r'value="now"[^>]* checked', client.get(manage).text), "shown as chosen"
    client.post(manage, {"action": "preferences", "interests": ["city:mars"]})
    assert Subscriber.objects.get().interests == ["city:oulu"], "a choice not offered is refused"


def test_editors_see_who_follows_what_the_next_digest_holds_and_which_article_won_them(client):
    article = ArticleFactory(title="Hiring in Oulu")
    long_ago = timezone.now() - timedelta(days=30)  # the launch articles: no digest sends them
    ArticlePage.objects.exclude(pk=article.pk).update(first_published_at=long_ago)
    Subscriber.objects.create(email="a@example.com", state="active", source_article=article,
                              confirmed_at=timezone.now())  # fmt: skip
    Subscriber.objects.create(email="b@example.com")
    client.force_login(member_of("Editors", "eve"))
    home = client.get(reverse("wagtailadmin_home")).text
    assert "1 subscribed, 1 waiting for their confirmation." in home
    assert "The next digest holds 1 new article." in home
    preview = client.get(reverse("newsletter_digest_preview"))
    assert preview.status_code == 200 and "Hiring in Oulu" in preview.text
    report = rows_of(client.get(reverse("content_performance"), {"days": "7"}).text)
    assert report["Hiring in Oulu"][-1] == "1", "subscribed from the article"
    sales = Client()
    sales.force_login(member_of("Sales", "sam"))
    assert sales.get(reverse("newsletter_digest_preview")).status_code in (302, 403)
