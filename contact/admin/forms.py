"""The lead editor's form: owners are sales people by name, and a note is added, never edited."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ..models import SALES_GROUP, Status, person_name


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

    reply_subject = forms.CharField(label=_("Subject"), required=False, max_length=200)
    reply = forms.CharField(
        label=_("Write to the lead"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Sent from the sales address when you save, threaded with your earlier e-mails to "
            "this lead, and kept on the timeline."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and "reply_subject" in self.fields:
            self.fields["reply_subject"].initial = self.instance.reply_subject
        if "owner" in self.fields:
            current = self.instance.owner if self.instance.owner_id else None
            self.fields["owner"] = OwnerChoiceField(
                queryset=sales_people(keep=current),
                required=False,
                empty_label=_("Nobody yet"),
                label=_("Owner"),
            )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("status") == Status.LOST and not data.get("lost_reason"):
            self.add_error("lost_reason", _("Say why the deal was lost."))
        if data.get("reply", "").strip() and not data.get("reply_subject", "").strip():
            self.add_error("reply_subject", _("Give the e-mail a subject."))
        return data
