"""Subscribers: an address, what they want to hear about, and where the subscription stands.
Kept only while it is needed: unconfirmed and unsubscribed addresses go after a few days."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import register_setting

from articles.models import ArticleTopic

WEEKDAYS = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"),
            _("Saturday"), _("Sunday")]  # fmt: skip


class Rhythm(models.TextChoices):
    NOW = "now", _("As soon as an article is published")
    WEEKLY = "weekly", _("Weekly")


class Subscriber(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        ACTIVE = "active", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("e-mail"), max_length=254, unique=True)  # lower-cased
    interests = models.JSONField(_("interests"), default=list, blank=True)  # city/topic names
    state = models.CharField(max_length=12, choices=State.choices, default=State.PENDING)
    rhythm = models.CharField(
        _("how often"), max_length=10, choices=Rhythm.choices, blank=True, default="",
        help_text=_("Empty: the site's rhythm (Settings › Newsletter)."),
    )  # fmt: skip
    source_article = models.ForeignKey(
        "articles.ArticlePage", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("The article the reader subscribed from."),
    )  # fmt: skip
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email

    def wants(self, subjects: set[str]) -> bool:
        """No interests: every article; else one about a chosen city or topic (`subjects` are
        an article's, from `subjects_of`)."""
        return not self.interests or bool(subjects & set(self.interests))


def subjects_of(articles) -> dict[int, set[str]]:
    """Each article's city and topics as interests name them ("city:oulu", "topic:fintech"),
    in one query whatever the number of articles and subscribers."""
    subjects = {a.pk: {f"city:{a.city.slug}"} if a.city else set() for a in articles}
    for page_id, slug in ArticleTopic.objects.filter(content_object__in=list(subjects)).values_list(
        "content_object_id", "tag__slug"
    ):
        subjects[page_id].add(f"topic:{slug}")
    return subjects


@register_setting(icon="mail")
class NewsletterSettings(BaseSiteSetting):
    """When digests go out: as soon as an article is published, or weekly on a day and hour.
    The rhythm is that of subscribers who chose none; the day and hour are the weekly one's."""

    Rhythm = Rhythm

    rhythm = models.CharField(
        _("digest rhythm"), max_length=10, choices=Rhythm.choices, default=Rhythm.WEEKLY,
        help_text=_("For subscribers who did not choose one themselves."),
    )  # fmt: skip
    weekday = models.PositiveSmallIntegerField(
        _("weekly on"), default=0, choices=list(enumerate(WEEKDAYS))
    )
    hour = models.PositiveSmallIntegerField(
        _("at (hour, site time)"), default=9, validators=[MaxValueValidator(23)]
    )

    class Meta:
        verbose_name = _("newsletter")


class Digest(models.Model):
    """New articles sent together; each subscriber's copy is a Delivery."""

    created_at = models.DateTimeField(default=timezone.now)
    # For the subscribers of one rhythm; empty: for all (digests made before rhythms were theirs).
    rhythm = models.CharField(max_length=10, choices=Rhythm.choices, blank=True, default="")
    articles = models.ManyToManyField("articles.ArticlePage", related_name="+")

    def __str__(self) -> str:
        return f"Digest of {self.created_at:%Y-%m-%d %H:%M}"


class Delivery(models.Model):
    """One subscriber's copy of a digest: made once, sent once (its Message-ID is fixed, so a
    resend after a worker died mid-send is the same message to the mail program)."""

    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Not sent")

    digest = models.ForeignKey(Digest, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["digest", "subscriber"], name="one_copy_each")
        ]
        indexes = [models.Index(fields=["state", "next_at"])]

    def __str__(self) -> str:
        return f"{self.digest} to {self.subscriber_id}"
