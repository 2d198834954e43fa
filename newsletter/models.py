"""Subscribers: an address, what they want to hear about, and where the subscription stands.
Kept only while it is needed: unconfirmed and unsubscribed addresses go after a few days."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Subscriber(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        ACTIVE = "active", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("e-mail"), max_length=254, unique=True)  # lower-cased
    interests = models.JSONField(_("interests"), default=list, blank=True)  # city/topic names
    state = models.CharField(max_length=12, choices=State.choices, default=State.PENDING)
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
