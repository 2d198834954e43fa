"""Counts per page per day (and per month once old), and what the folding worker keeps track of.

No row holds anything about a reader: only what was seen, on which day, how often.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    ARTICLE = "article", _("Article")
    LISTING = "listing", _("Listing")
    AUTHOR = "author", _("Author page")
    CITY = "city", _("City page")
    CONTACT = "contact", _("Contact page")


class Counts(models.Model):
    """What one page (an article, a listing, …) got in one period."""

    kind = models.CharField(max_length=10, choices=Kind.choices)
    key = models.CharField(max_length=255, help_text=_("Article id, author or city slug, or path."))
    article = models.ForeignKey(
        "articles.ArticlePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    views = models.PositiveIntegerField(default=0)
    cta_clicks = models.PositiveIntegerField(_("call-to-action clicks"), default=0)
    form_views = models.PositiveIntegerField(_("contact-form views"), default=0)
    # Distinct visitors of the page that day (summed over days in a period: visitor-days), and
    # visits that began on it.
    visitors = models.PositiveIntegerField(default=0)
    entries = models.PositiveIntegerField(_("visits begun here"), default=0)

    class Meta:
        abstract = True


class DailyCount(Counts):
    day = models.DateField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "kind", "key"], name="one_daily_count")
        ]
        permissions = [("view_contentperformance", "Can see the content performance report")]

    def __str__(self) -> str:
        return f"{self.day} {self.kind} {self.key}"


class MonthlyCount(Counts):
    """Daily rows older than PERFORMANCE_DAILY_DAYS, summed: the detail goes, the totals stay."""

    month = models.DateField(help_text=_("The first day of the month."))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["month", "kind", "key"], name="one_monthly_count")
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.kind} {self.key}"


class FoldedBatch(models.Model):
    """A batch of Redis counts already added to the daily rows: folded exactly once, even if the
    worker stopped between the database commit and deleting the batch from Redis."""

    name = models.CharField(max_length=120, unique=True)
    folded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class PendingCount(models.Model):
    """Counts waiting to be folded, where there is no Redis (a development machine)."""

    day = models.DateField()
    field = models.CharField(max_length=300)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "field"], name="one_pending_count")]

    def __str__(self) -> str:
        return f"{self.day} {self.field}: {self.count}"


class SourceCount(models.Model):
    """Visits a day from one channel, source and campaign (visits.py): where readers came from."""

    day = models.DateField(db_index=True)
    channel = models.CharField(max_length=20)  # search, social, email, other sites, paid, direct
    source = models.CharField(max_length=100, blank=True)  # google, linkedin, newsletter, …
    campaign = models.CharField(max_length=100, blank=True)  # utm_campaign
    visits = models.PositiveIntegerField(default=0)
    cta_clicks = models.PositiveIntegerField(_("call-to-action clicks"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "channel", "source", "campaign"], name="one_source_count"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.channel} {self.source} {self.campaign}: {self.visits}"
