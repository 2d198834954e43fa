"""Saved replies: the answers Sales send often, written once by the team, filled in with the
lead's name, company and source article when one is used."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

PLACEHOLDER = re.compile(r"\{(\w+)\}")
PLACEHOLDERS = ("first_name", "name", "company", "article", "my_name")


def placeholders(inquiry, user) -> dict[str, str]:
    """What each {placeholder} of a saved reply becomes, for this lead and this sales person."""
    from .leads import person_name

    article = inquiry.source_article
    return {
        "first_name": (inquiry.name.split() or [""])[0],
        "name": inquiry.name,
        "company": inquiry.company,
        "article": article.title if article else gettext("our website"),
        "my_name": person_name(user) if user else "",
    }


class SavedReply(models.Model):
    title = models.CharField(_("name"), max_length=80, unique=True)
    body = models.TextField(
        _("message"),
        max_length=20000,
        help_text=_(
            "Filled in for each lead: {first_name}, {name}, {company}, {article} (the article "
            "they came from) and {my_name} (yours)."
        ),
    )
    sort_order = models.PositiveIntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = _("saved reply")
        verbose_name_plural = _("saved replies")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        unknown = sorted(set(PLACEHOLDER.findall(self.body)) - set(PLACEHOLDERS))
        if unknown:
            raise ValidationError({"body": _("Unknown placeholders: %(names)s. Use %(known)s.") % {
                "names": ", ".join(f"{{{name}}}" for name in unknown),
                "known": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
            }})  # fmt: skip

    def written_for(self, inquiry, user) -> str:
        values = placeholders(inquiry, user)
        return PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), self.body)
