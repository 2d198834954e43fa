"""Digests: new articles to confirmed subscribers by their interests, at the editors' rhythm, in
HTML and plain text with covers and the one-click unsubscribe, a per-minute cap, and one copy
each even when the worker dies mid-send (the resend is the same message)."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from articles.models import ArticlePage
from newsletter import digests
from newsletter.models import Delivery, Digest, NewsletterSettings, Subscriber
from tests.support.builders import ArticleFactory, CityFactory
from tests.support.faults import SmtpServer
from tests.support.processes import production_env, start_worker
from tests.support.waiting import until

pytestmark = pytest.mark.django_db


def rhythm(value: str, **when) -> None:
    chosen = NewsletterSettings.for_site(Site.objects.get(is_default_site=True))
    chosen.rhythm = value
    for name, number in when.items():
        setattr(chosen, name, number)
    chosen.save()


@pytest.fixture
def readers():
    return {
        "all": Subscriber.objects.create(email="all@example.com", state="active"),
        "oulu": Subscriber.objects.create(
            email="oulu@example.com", state="active", interests=["city:oulu"]
        ),  # fmt: skip
        "pending": Subscriber.objects.create(email="new@example.com"),
    }


def parts(message) -> dict[str, str]:
    return {p.get_content_type(): p.get_payload(decode=True).decode()
            for p in message.walk() if not p.is_multipart()}  # fmt: skip


def test_new_articles_reach_each_subscriber_by_their_interests_once(smtp, readers):
    rhythm("now")
    oulu = ArticleFactory(title="Hiring in Oulu", city=CityFactory(name="Oulu"))
    turku = ArticleFactory(title="Hiring in Turku", city=CityFactory(name="Turku"))
    quiet = ArticleFactory(title="Not for the newsletter", send_to_subscribers=False)
    old = ArticleFactory(title="From the archive")
    ArticlePage.objects.filter(pk=old.pk).update(
        first_published_at=timezone.now() - timedelta(days=30)
    )
    digests.run()
    digests.run()  # nothing new: nothing more
    by_reader = {m["To"]: m for m in smtp.messages}
    assert sorted(by_reader) == ["all@example.com", "oulu@example.com"], "confirmed ones only"
    everything = parts(by_reader["all@example.com"])
    assert (
        "Hiring in Oulu" in everything["text/plain"]
        and "Hiring in Turku" in everything["text/plain"]
    )
    assert quiet.title not in everything["text/plain"] and old.title not in everything["text/plain"]
    assert 'src="http://testserver/media/images/' in everything["text/html"], "with covers"
    only_oulu = parts(by_reader["oulu@example.com"])
    assert "Hiring in Oulu" in only_oulu["text/html"] and turku.title not in only_oulu["text/html"]
    assert by_reader["oulu@example.com"]["Subject"] == oulu.title
    assert by_reader["all@example.com"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Digest.objects.count() == 1


def test_a_weekly_digest_waits_for_its_day_and_hour(smtp, readers):
    rhythm("weekly", weekday=2, hour=9)
    ArticleFactory(title="Hiring in Oulu", city=CityFactory(name="Oulu"))
    monday = timezone.make_aware(datetime(2030, 1, 7, 9, 5))
    wednesday = timezone.make_aware(datetime(2030, 1, 9, 9, 5))
    ArticlePage.objects.update(first_published_at=monday - timedelta(days=1))
    digests.run(monday)
    assert smtp.messages == [] and not Digest.objects.exists()
    digests.run(wednesday)
    assert len(smtp.messages) == 2


def test_each_subscriber_gets_new_articles_at_their_own_rhythm_once(smtp, readers):
    rhythm("weekly", weekday=2, hour=9)  # the editors' rhythm: for those who chose none
    eager = Subscriber.objects.create(email="eager@example.com", state="active", rhythm="now")
    ArticleFactory(title="Hiring in Oulu", city=CityFactory(name="Oulu"))
    monday = timezone.make_aware(datetime(2030, 1, 7, 9, 5))
    wednesday = timezone.make_aware(datetime(2030, 1, 9, 9, 5))
    ArticlePage.objects.update(first_published_at=monday - timedelta(days=1))
    digests.run(monday)
    assert [m["To"] for m in smtp.messages] == [eager.email], "at once, for who asked"
    digests.run(monday + timedelta(minutes=1))
    digests.run(wednesday)
    assert sorted(m["To"] for m in smtp.messages) == [
        "all@example.com",
        eager.email,
        "oulu@example.com",
    ], "the weekly ones on the editors' day; nobody twice"
    assert sorted(Digest.objects.values_list("rhythm", flat=True)) == ["now", "weekly"]


def test_a_subscriber_who_changes_rhythm_gets_no_article_twice(smtp, readers):
    rhythm("now")
    sent = ArticleFactory(title="Hiring in Oulu", city=CityFactory(name="Oulu"))
    digests.run()
    assert len(smtp.messages) == 2
    rhythm("weekly", weekday=2, hour=9)  # everyone who chose none moves to weekly
    fresh = ArticleFactory(title="Hiring in Turku", city=CityFactory(name="Turku"))
    wednesday = timezone.localtime().replace(hour=9, minute=5)
    wednesday += timedelta(days=(2 - wednesday.weekday()) % 7)
    ArticlePage.objects.update(first_published_at=wednesday - timedelta(days=1))
    digests.run(wednesday)
    [weekly] = [m for m in smtp.messages[2:] if m["To"] == "all@example.com"]
    text = parts(weekly)["text/plain"]
    assert fresh.title in text and sent.title not in text, "the new one only"
    assert [m["To"] for m in smtp.messages[2:]] == ["all@example.com"], "oulu: nothing new"


def test_making_a_digest_costs_the_same_queries_for_more_articles_and_subscribers(
    smtp, django_assert_max_num_queries
):
    rhythm("now")

    def publish(count: int) -> None:
        for n in range(count):
            city = CityFactory(name=f"Town {count}-{n}")
            article = ArticleFactory(title=f"Hiring in town {count}-{n}", city=city)
            article.topics.add(f"topic-{count}-{n}")
            article.save()
            Subscriber.objects.create(email=f"r{n}-{count}@example.com", state="active",
                                      interests=[f"city:{city.slug}"])  # fmt: skip

    publish(2)
    with django_assert_max_num_queries(20) as few:
        digests.make_digest(timezone.now(), "now")
    publish(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        digests.make_digest(timezone.now(), "now")
    assert Delivery.objects.count() == 10


def test_a_minutes_cap_spreads_the_sending(smtp, readers, settings):
    rhythm("now")
    settings.NEWSLETTER_PER_MINUTE = 1
    ArticleFactory(title="Hiring in Oulu", city=CityFactory(name="Oulu"))
    digests.run()
    assert len(smtp.messages) == 1
    digests.run()
    assert len(smtp.messages) == 2
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_send_still_gives_each_subscriber_one_message(launch_state, tmp_path):
    rhythm("now")
    for n in range(3):
        Subscriber.objects.create(email=f"reader{n}@example.com", state="active")
    ArticleFactory(title="Hiring in Oulu")
    smtp = SmtpServer()
    env = production_env(tmp_path, EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}", EMAIL_TIMEOUT="30",
                         WORKER_PERIODIC_SECONDS="1")  # fmt: skip
    smtp.mailbox.hold.set()
    first = start_worker(env)
    try:
        until(lambda: len(smtp.messages) == 1, 30)  # the first copy is on the wire
        first.kill()  # mid-send: the message left, the worker never heard back
        first.wait(10)
    finally:
        first.kill()
    smtp.mailbox.hold.clear()
    second = start_worker(env)
    try:
        until(lambda: Delivery.objects.filter(state="sent").count() == 3, 40, explain=second.poll)
    finally:
        second.terminate()
        second.wait(10)
        smtp.close()
    ids = [m["Message-ID"] for m in smtp.messages]
    assert len(set(ids)) == 3, "one message per subscriber"
    assert len(ids) == 4 and ids.count(ids[0]) == 2, "the interrupted one resent as the same"
