"""The lead editor's form: owners are sales people by name, and a note is added, never edited."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ..models import person_name

SALES_GROUP = "Sales"


def sales_people(keep=None) -> QuerySet:
    """Active members of the Sales group (and the current owner, so a lead never loses one by
    being opened), by name."""
    users = get_user_model().objects.filter(
        Q(groups__name=SALES_GROUP, is_active=True) | Q(pk=getattr(keep, "pk", None))
    )
    return users.distinct().order_by("first_name", "last_name", "username")


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        return person_name(user)


class InquiryTriageForm(WagtailAdminModelForm):
    note = forms.CharField(
        label=_("Add a note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Kept on the lead's timeline with your name and the time; notes are never overwritten."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "owner" in self.fields:
            current = self.instance.owner if self.instance.owner_id else None
            self.fields["owner"] = OwnerChoiceField(
                queryset=sales_people(keep=current),
                required=False,
                empty_label=_("Nobody yet"),
                label=_("Owner"),
            )
