"""The e-mails of a subscription, sent by the worker and retried like every e-mail: the
confirmation (double opt-in) and the digests (HTML and plain text, each article with its cover).
Every e-mail to a subscriber carries the one-click unsubscribe."""

from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django_tasks import task

from articles import images
from articles.meta import OG_IMAGE_SPEC
from articles.site_url import absolute
from contact.notifications import header_safe, send_or_retry

from .links import confirm_url, unsubscribe_url
from .models import Delivery, Subscriber, subjects_of


def unsubscribe_headers(subscriber: Subscriber) -> dict[str, str]:
    """RFC 8058: mail programs show an Unsubscribe button that POSTs to the signed link."""
    return {"List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}  # fmt: skip


def confirmation_for(subscriber: Subscriber) -> EmailMultiAlternatives:
    """The double opt-in: plain text, and HTML with the same link as a button."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "confirm": confirm_url(subscriber),
               "days": settings.NEWSLETTER_CONFIRM_DAYS}  # fmt: skip
    lines = [
        _("Hello,"), "",
        _("Someone, we hope you, asked to get new articles of %(site)s at this address.")
        % {"site": settings.WAGTAIL_SITE_NAME}, "",
        _("To start, confirm here (the link works for %(days)s days):")
        % {"days": settings.NEWSLETTER_CONFIRM_DAYS},
        context["confirm"], "",
        _("If it was not you, do nothing: without a confirmation the address is deleted."),
    ]  # fmt: skip
    message = EmailMultiAlternatives(
        header_safe(_("Confirm your subscription to %(site)s") % {
            "site": settings.WAGTAIL_SITE_NAME}),
        "\n".join(str(line) for line in lines), settings.DEFAULT_FROM_EMAIL, [subscriber.email],
        headers={"Auto-Submitted": "auto-replied", **unsubscribe_headers(subscriber)},
    )  # fmt: skip
    message.attach_alternative(
        render_to_string("newsletter/email/confirm.html", context), "text/html"
    )
    return message


@task(backend="background")
def send_confirmation(subscriber_pk: int, attempt: int = 1) -> str:
    subscriber = Subscriber.objects.filter(pk=subscriber_pk, state="pending").first()
    if subscriber is None:
        return "nothing to send"
    return send_or_retry(
        confirmation_for(subscriber), attempt, f"The confirmation of subscriber {subscriber_pk}",
        lambda when: send_confirmation.using(run_after=when).enqueue(subscriber_pk, attempt + 1),
    )  # fmt: skip


def digest_for(delivery: Delivery) -> EmailMultiAlternatives:
    """The digest as this subscriber gets it: the articles they asked for, newest first."""
    subscriber = delivery.subscriber
    articles = list(delivery.digest.articles.live().select_related("city").order_by(
        "-first_published_at"))  # fmt: skip
    subjects = subjects_of(articles)
    had = Delivery.objects.filter(subscriber=subscriber).exclude(digest=delivery.digest)
    had = set(had.values_list("digest__articles", flat=True))  # sent before, at another rhythm
    articles = [a for a in articles if subscriber.wants(subjects[a.pk]) and a.pk not in had]
    items = digest_items(articles)
    context = {"items": items, "unsubscribe": unsubscribe_url(subscriber),
               "site_name": settings.WAGTAIL_SITE_NAME}  # fmt: skip
    subject = (
        items[0]["title"]
        if len(items) == 1
        else _("%(count)s new articles from %(site)s")
        % {"count": len(items), "site": settings.WAGTAIL_SITE_NAME}
    )
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    message = EmailMultiAlternatives(
        header_safe(subject), render_to_string("newsletter/email/digest.txt", context),
        settings.DEFAULT_FROM_EMAIL, [subscriber.email],
        headers={"Message-ID": f"<digest-{delivery.digest_id}-{subscriber.pk}@{domain}>",
                 "Precedence": "bulk", **unsubscribe_headers(subscriber)},
    )  # fmt: skip
    message.attach_alternative(
        render_to_string("newsletter/email/digest.html", context), "text/html"
    )
    return message


def digest_items(articles) -> list[dict]:
    """What the digest shows of each article: title, lead, address, cover."""
    return [{"title": a.title, "intro": a.intro, "url": absolute(a.url), "cover": cover_url(a)}
            for a in articles]  # fmt: skip


def cover_url(article) -> str:
    cover = article.cover
    rendition = images.rendition(cover, OG_IMAGE_SPEC) if cover else None
    return absolute(rendition.url) if rendition else ""
