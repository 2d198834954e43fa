"""The pipeline's own list: why deals are lost, kept short and edited by the team."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LostReason(models.Model):
    name = models.CharField(_("reason"), max_length=80, unique=True)
    sort_order = models.PositiveIntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("lost reason")

    def __str__(self) -> str:
        return self.name
