"""A project inquiry from the contact form, and what sales do with it."""

from urllib.parse import quote

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..readiness import DesiredStart, Documentation, Readiness, WorkDefinition, assessment_for


class Status(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    QUALIFIED = "qualified", _("Qualified")
    WON = "won", _("Won")
    LOST = "lost", _("Lost")


# A deal is worth nothing or something, and no more than a contractor's deal can be: a typo
# (or a minus sign) would otherwise be reported as won value.
DEAL_VALUE_MAX = 100_000_000
SALES_GROUP = "Sales"  # the role (config/settings/roles.py) that works the leads
OPEN_STATUSES = (Status.NEW, Status.CONTACTED, Status.QUALIFIED)
QUALIFIED_STATUSES = (Status.QUALIFIED, Status.WON)
# Personal mail providers: two people writing from one of these are not one company.
PERSONAL_MAIL_DOMAINS = frozenset(
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
        "yahoo.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com",
        "gmx.de", "web.de", "mail.ru", "yandex.ru", "zoho.com", "hey.com", "fastmail.com",
        "tutanota.com", "suomi24.fi", "luukku.com", "elisanet.fi", "mail.ee", "hot.ee",
    }
)  # fmt: skip


def company_domain(email: str) -> str:
    """The part after @ when it names a company; blank for personal mail providers."""
    domain = email.rpartition("@")[2].strip().lower()
    return "" if domain in PERSONAL_MAIL_DOMAINS else domain


class Inquiry(models.Model):
    """A lead: what the reader submitted (never edited afterwards) and the sales triage."""

    # Submitted by the reader.
    name = models.CharField(max_length=120)
    email = models.EmailField(_("work email"), max_length=254)
    company = models.CharField(max_length=120)
    role = models.CharField(max_length=120)
    project = models.TextField(_("what the project is"), max_length=4000)
    work_definition = models.CharField(
        _("how work is defined today"), max_length=20, choices=WorkDefinition.choices
    )
    documentation = models.CharField(
        _("documentation of system context and API contracts"),
        max_length=20,
        choices=Documentation.choices,
    )
    desired_start = models.CharField(max_length=20, choices=DesiredStart.choices)
    consent = models.BooleanField(_("consent to be contacted"), default=False)
    source_article = models.ForeignKey(
        "articles.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
        help_text=_("The article whose call to action brought the reader here."),
    )
    landing_page = models.CharField(
        max_length=300, blank=True, help_text=_("Where the reader came from when no article did.")
    )
    readiness = models.CharField(max_length=20, choices=Readiness.choices)
    readiness_score = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    # First touch: the reader's visit that ended in the form (performance/visits.py, no cookie).
    # Blank on leads from before it was kept, and when the reader asked not to be tracked.
    entry_page = models.CharField(_("visit began on"), max_length=300, blank=True)
    visit_channel = models.CharField(_("channel"), max_length=20, blank=True, db_index=True)
    visit_source = models.CharField(_("source"), max_length=100, blank=True)
    visit_campaign = models.CharField(_("campaign"), max_length=100, blank=True)
    visit_pages = models.JSONField(_("pages read before the form"), default=list, blank=True)

    # Sales triage.
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_inquiries",
    )
    next_step_on = models.DateField(_("next step due"), null=True, blank=True, db_index=True)
    next_step = models.CharField(
        _("next step"),
        max_length=200,
        blank=True,
        help_text=_("What happens next, e.g. “Call re scope”."),
    )
    deal_value = models.DecimalField(
        _("estimated deal value (€)"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(DEAL_VALUE_MAX)],
        help_text=_("From 0 to 100,000,000."),
    )  # fmt: skip
    expected_close_on = models.DateField(
        _("expected close"), null=True, blank=True,
        help_text=_("When the deal should be decided: the forecast counts it in that month."),
    )  # fmt: skip
    lost_reason = models.ForeignKey(
        "contact.LostReason", verbose_name=_("why it was lost"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="leads",
    )  # fmt: skip
    # Since when the lead is in its status: time in stage, and the pipeline's stale flag.
    stage_since = models.DateTimeField(default=timezone.now, editable=False)
    # First time the lead reached Qualified (or Won): the funnel counts it even if later lost.
    qualified_at = models.DateTimeField(null=True, blank=True, editable=False)
    email_domain = models.CharField(max_length=254, blank=True, db_index=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    # When Sales were told this lead waited unassigned (reminders.py): they are told once.
    unassigned_alert_at = models.DateTimeField(null=True, blank=True, editable=False)

    # One per rendered form: a repeated post of the same form finds this lead, not a new one.
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    # Lead notification e-mail, sent by the background worker and retried with back-off.
    notified_at = models.DateTimeField(_("e-mail sent"), null=True, blank=True)
    notify_attempts = models.PositiveSmallIntegerField(default=0)
    notify_error = models.CharField(max_length=300, blank=True)
    notify_next_at = models.DateTimeField(null=True, blank=True, default=timezone.now)
    notify_failed_at = models.DateTimeField(_("e-mail given up"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = _("inquiries")
        indexes = [models.Index(fields=["notified_at", "created_at"])]

    def __str__(self) -> str:
        return f"{self.name}, {self.company}"  # how Sales name a lead: the person and company

    def save(self, *args, **kwargs) -> None:
        self.email_domain = company_domain(self.email)
        changed = []
        if getattr(self, "_loaded_status", self.status) != self.status:
            self.stage_since, self._loaded_status = timezone.now(), self.status
            changed.append("stage_since")
        if self.status in QUALIFIED_STATUSES and not self.qualified_at:
            self.qualified_at = timezone.now()
            changed.append("qualified_at")
        if changed and kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *changed}
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        """Remembers the status as loaded: a change of it restarts the time in stage."""
        lead = super().from_db(db, field_names, values)
        lead._loaded_status = lead.__dict__.get("status")
        return lead

    def earlier_leads(self) -> QuerySet["Inquiry"]:
        """Leads from the same address or company domain before this one: a repeat lead."""
        return Inquiry.objects.filter(same_sender(self.email, self.email_domain)).filter(
            created_at__lt=self.created_at
        )

    @property
    def reply_subject(self) -> str:
        """The conversation's subject: the last e-mail's, or the first one's default."""
        last = self.messages.order_by("-created_at", "-pk").first() if self.pk else None
        if last:
            return last.subject if last.subject.startswith("Re:") else f"Re: {last.subject}"
        return _("Re: your project inquiry (%(company)s)") % {"company": self.company}

    @property
    def reply_url(self) -> str:
        return f"mailto:{quote(self.email, safe='@')}?subject={quote(self.reply_subject)}"

    @property
    def owner_name(self) -> str:
        return person_name(self.owner) if self.owner_id else ""

    @property
    def assessment(self):
        return assessment_for(self.readiness, self.readiness_score)

    @property
    def source(self) -> str:
        """Where the lead came from, in words: the article, or how the reader reached the form."""
        if self.source_article_id:
            return self.source_article.title
        if not self.landing_page:
            return _("Contact page, direct")
        return (
            _("Home page")
            if self.landing_page == "/"
            else _("Page %(path)s") % {"path": self.landing_page}
        )

    def take_first_touch(self, visit: dict | None) -> None:
        """The visit's entry, source and the pages read in it before the form."""
        if not visit:
            return
        self.entry_page = str(visit.get("entry", ""))[:300]
        self.visit_channel = str(visit.get("channel", ""))[:20]
        self.visit_source = str(visit.get("source", ""))[:100]
        self.visit_campaign = str(visit.get("campaign", ""))[:100]
        self.visit_pages = [str(p)[:300] for p in visit.get("pages", []) if p != "/contact/"][:50]

    @property
    def first_touch(self) -> str:
        """Where the lead's visit came from, in words ("unknown" for leads before it was kept)."""
        if not self.visit_channel:
            return _("unknown")
        source = f" ({self.visit_source})" if self.visit_source else ""
        campaign = (
            _(", campaign %(name)s") % {"name": self.visit_campaign} if self.visit_campaign else ""
        )
        return _("%(channel)s%(source)s%(campaign)s, entered on %(entry)s") % {
            "channel": self.visit_channel, "source": source, "campaign": campaign,
            "entry": self.entry_page or "?",
        }  # fmt: skip

    @property
    def mail_status(self) -> str:
        """The new-lead e-mail as sales need to know it: sent, on its way, or given up."""
        if self.notified_at:
            return "Sent"
        if self.notify_failed_at:
            return _("Not sent: %(error)s") % {"error": self.notify_error}
        if self.notify_attempts:
            return _("Retrying (%(tries)s tries so far): %(error)s") % {
                "tries": self.notify_attempts,
                "error": self.notify_error,
            }
        return _("Waiting to be sent")


def same_sender(email, domain) -> Q:
    """Leads from this address, or from this company domain (never a personal-mail domain).
    Takes values or OuterRef expressions, so the list can annotate it in one query."""
    return Q(email__iexact=email) | Q(email_domain=domain, email_domain__gt="")


def totals_by_status(leads: QuerySet) -> list[dict]:
    """Per status, in pipeline order: how many leads and their estimated value (one query)."""
    found = {
        row["status"]: row
        for row in leads.values("status")
        .annotate(count=models.Count("pk"), value=models.Sum("deal_value"))
        .order_by()
    }
    return [
        {"status": status, "label": status.label,
         "count": found.get(status, {}).get("count", 0),
         "value": found.get(status, {}).get("value") or 0}
        for status in Status
    ]  # fmt: skip


def person_name(user) -> str:
    return user.get_full_name() or user.get_username()


class LeadsReport(Inquiry):
    """Holds the permission to see lead counts per article. A separate content type, so a role
    with only this permission sees nothing of the inquiries themselves (e.g. in Site history)."""

    class Meta:
        proxy = True
        default_permissions = ("view",)
        verbose_name = _("leads report")


class ReminderSent(models.Model):
    """One morning reminder per owner per day, whichever worker gets there first."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_reminder_a_day")]

    def __str__(self) -> str:
        return f"Reminder for user {self.user_id} on {self.day}"
