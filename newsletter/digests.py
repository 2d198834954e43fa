"""Digests: new articles by e-mail to every confirmed subscriber whose interests they match, at
each subscriber's rhythm (their own choice, else the editors' in Settings › Newsletter): as soon
as an article is published, or weekly on the editors' day and hour. For each rhythm the worker
makes a digest of the articles first published in the last DIGEST_WINDOW that no digest of that
rhythm has held, one Delivery per subscriber (at most once: a unique row), then sends
NEWSLETTER_PER_MINUTE of them a minute, retried with back-off like every e-mail; a resend after
a crash carries the same Message-ID."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Site

from articles.models import ArticlePage
from background.locks import only_one_worker
from contact.notifications import backoff, is_permanent

from .mail import digest_for
from .models import Delivery, Digest, NewsletterSettings, Rhythm, Subscriber, subjects_of

DIGEST_WINDOW = timedelta(days=8)  # older articles are never mailed (the archive, the launch)


def run(now: datetime | None = None) -> None:
    """The worker's every-minute job; one worker at a time."""
    now = now or timezone.now()
    with only_one_worker("newsletter.digests") as mine:
        if mine:
            for rhythm in Rhythm:
                make_digest(now, rhythm)
            send_some(now)


def site_choice() -> NewsletterSettings:
    site = Site.objects.filter(is_default_site=True).first()
    return NewsletterSettings.for_site(site) if site else NewsletterSettings()


def is_time(now: datetime, rhythm: str, chosen: NewsletterSettings) -> bool:
    if rhythm == Rhythm.NOW:
        return True
    local = timezone.localtime(now)
    last = Digest.objects.filter(rhythm=rhythm).order_by("-created_at")
    last = last.values_list("created_at", flat=True).first()
    return (local.weekday(), local.hour) == (chosen.weekday, chosen.hour) and (
        last is None or now - last > timedelta(hours=23)
    )


def new_articles(now: datetime, rhythm: str | None = None):
    """Not yet in a digest of this rhythm (by default the editors'), nor in one for all."""
    rhythm = rhythm or site_choice().rhythm
    sent = Digest.articles.through.objects.filter(digest__rhythm__in=[rhythm, ""])
    return (
        ArticlePage.objects.live()
        .public()
        .filter(send_to_subscribers=True, first_published_at__gte=now - DIGEST_WINDOW)
        .exclude(pk__in=sent.values("articlepage_id"))
    )


def readers_of(rhythm: str, chosen: NewsletterSettings):
    """Confirmed subscribers at this rhythm: chosen by themselves, or the editors' for them."""
    at_rhythm = Q(rhythm=rhythm) | Q(rhythm="") if chosen.rhythm == rhythm else Q(rhythm=rhythm)
    return Subscriber.objects.filter(at_rhythm, state=Subscriber.State.ACTIVE)


@transaction.atomic
def make_digest(now: datetime, rhythm: str = Rhythm.NOW) -> Digest | None:
    chosen = site_choice()
    articles = list(new_articles(now, rhythm).select_related("city"))
    if not articles or not is_time(now, rhythm, chosen):
        return None
    subjects = subjects_of(articles)
    readers = list(readers_of(rhythm, chosen))
    had = already_sent(readers, articles)
    readers = [
        r for r in readers if any(r.wants(subjects[a.pk]) and (r.pk, a.pk) not in had
                                  for a in articles)
    ]  # fmt: skip
    if not readers:  # nobody at this rhythm wants them: they stay new for whoever comes to it
        return None
    digest = Digest.objects.create(created_at=now, rhythm=rhythm)
    digest.articles.set(articles)
    Delivery.objects.bulk_create(
        [Delivery(digest=digest, subscriber=s, next_at=now) for s in readers],
        ignore_conflicts=True,
    )
    return digest


def already_sent(subscribers, articles) -> set[tuple[int, int]]:
    """(subscriber, article) pairs already in a digest to them (one who changed rhythm gets no
    article twice), in one query."""
    return set(
        Delivery.objects.filter(
            subscriber__in=subscribers, digest__articles__in=articles
        ).values_list("subscriber_id", "digest__articles")
    )


def send_some(now: datetime) -> int:
    """Up to NEWSLETTER_PER_MINUTE copies; each row locked while it is sent (skip_locked)."""
    sent = 0
    for _ in range(settings.NEWSLETTER_PER_MINUTE):
        with transaction.atomic():
            delivery = (
                Delivery.objects.select_for_update(skip_locked=True)
                .filter(state=Delivery.State.WAITING, next_at__lte=now)
                .filter(Q(subscriber__state=Subscriber.State.ACTIVE))
                .select_related("digest", "subscriber").order_by("pk").first()
            )  # fmt: skip
            if delivery is None:
                break
            send_one(delivery, now)
            sent += 1
    return sent


def send_one(delivery: Delivery, now: datetime) -> None:
    delivery.attempts += 1
    try:
        digest_for(delivery).send(fail_silently=False)
    except Exception as error:
        gave_up = is_permanent(error) or delivery.attempts >= settings.LEAD_MAIL_MAX_ATTEMPTS
        delivery.state = Delivery.State.FAILED if gave_up else Delivery.State.WAITING
        delivery.next_at = now + backoff(delivery.attempts)
    else:
        delivery.state, delivery.sent_at = Delivery.State.SENT, now
    delivery.save(update_fields=["state", "attempts", "next_at", "sent_at"])
