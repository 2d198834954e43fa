"""A project inquiry from the contact form, and what sales do with it."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .readiness import DesiredStart, Documentation, Readiness, WorkDefinition, assessment_for


class Status(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    QUALIFIED = "qualified", "Qualified"
    WON = "won", "Won"
    LOST = "lost", "Lost"


class Inquiry(models.Model):
    """A lead: what the reader submitted (never edited afterwards) and the sales triage."""

    # Submitted by the reader.
    name = models.CharField(max_length=120)
    email = models.EmailField("work email", max_length=254)
    company = models.CharField(max_length=120)
    role = models.CharField(max_length=120)
    project = models.TextField("what the project is", max_length=4000)
    work_definition = models.CharField(
        "how work is defined today", max_length=20, choices=WorkDefinition.choices
    )
    documentation = models.CharField(
        "documentation of system context and API contracts",
        max_length=20,
        choices=Documentation.choices,
    )
    desired_start = models.CharField(max_length=20, choices=DesiredStart.choices)
    consent = models.BooleanField("consent to be contacted", default=False)
    source_article = models.ForeignKey(
        "articles.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
        help_text="The article whose call to action brought the reader here.",
    )
    landing_page = models.CharField(
        max_length=300, blank=True, help_text="Where the reader came from when no article did."
    )
    readiness = models.CharField(max_length=20, choices=Readiness.choices)
    readiness_score = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField("received", default=timezone.now, db_index=True)

    # Sales triage.
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_inquiries",
    )
    notes = models.TextField("internal notes", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    # One per rendered form: a repeated post of the same form finds this lead, not a new one.
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    # Lead notification e-mail, sent by the background worker and retried with back-off.
    notified_at = models.DateTimeField("e-mail sent", null=True, blank=True)
    notify_attempts = models.PositiveSmallIntegerField(default=0)
    notify_error = models.CharField(max_length=300, blank=True)
    notify_next_at = models.DateTimeField(null=True, blank=True, default=timezone.now)
    notify_failed_at = models.DateTimeField("e-mail given up", null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "inquiries"
        indexes = [models.Index(fields=["notified_at", "created_at"])]

    def __str__(self) -> str:
        return f"{self.company} ({self.created_at:%Y-%m-%d})"

    @property
    def assessment(self):
        return assessment_for(self.readiness, self.readiness_score)

    @property
    def source(self) -> str:
        return self.source_article.title if self.source_article_id else self.landing_page

    @property
    def mail_status(self) -> str:
        """The new-lead e-mail as sales need to know it: sent, on its way, or given up."""
        if self.notified_at:
            return "Sent"
        if self.notify_failed_at:
            return f"Not sent: {self.notify_error}"
        if self.notify_attempts:
            return f"Retrying ({self.notify_attempts} tries so far): {self.notify_error}"
        return "Waiting to be sent"


class LeadsReport(Inquiry):
    """Holds the permission to see lead counts per article. A separate content type, so a role
    with only this permission sees nothing of the inquiries themselves (e.g. in Site history)."""

    class Meta:
        proxy = True
        default_permissions = ("view",)
        verbose_name = "leads report"
