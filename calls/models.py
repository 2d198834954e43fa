"""Calls a reader books after the form: each sales person's weekly hours for calls, in their own
time zone, and the calls booked in them (never two at once for one person)."""

import uuid
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from contact.models import Inquiry


class CallHours(models.Model):
    """{"0": [["09:00", "12:00"], …], …, "6": […]}: Monday is 0, times in `time_zone`."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="call_hours"
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Helsinki")
    weekly = models.JSONField(default=dict)

    def __str__(self) -> str:
        return f"{self.user}: {self.time_zone}"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class Call(models.Model):
    class State(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CANCELLED = "cancelled", _("Cancelled")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="calls")
    host = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    starts_at = models.DateTimeField()
    minutes = models.PositiveSmallIntegerField(default=30)
    reader_time_zone = models.CharField(max_length=64, default="UTC")
    state = models.CharField(max_length=10, choices=State.choices, default=State.BOOKED)
    # The invitation's UID and the reader's link to move or cancel it: unguessable.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)  # each change of an invitation counts up
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["host", "starts_at"], condition=Q(state="booked"),
                name="one_call_per_host_at_a_time",
            )
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.inquiry} at {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def reader_zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.reader_time_zone)
