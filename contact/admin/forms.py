"""The lead editor's form: owners are sales people by name, and a note is added, never edited."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ..models import SALES_GROUP, SavedReply, Status, person_name


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


class SavedReplySelect(forms.Select):
    """Each saved reply's option carries its text as written for this lead, for the script that
    puts it in the message box (static/js/saved-replies.js)."""

    texts: dict[str, str] = {}

    class Media:
        js = ["js/saved-replies.js"]

    def create_option(self, name, value, *args, **kwargs) -> dict:
        option = super().create_option(name, value, *args, **kwargs)
        if text := self.texts.get(str(value)):
            option["attrs"]["data-text"] = text
        return option


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

    saved_reply = forms.ModelChoiceField(
        label=_("Start from a saved reply"),
        queryset=SavedReply.objects.all(),
        required=False,
        empty_label=_("Write your own"),
        widget=SavedReplySelect(attrs={"data-saved-reply": ""}),
        help_text=_("Fills in the message below with this lead's name, company and article."),
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
        if "saved_reply" in self.fields and self.instance.pk:
            widget = self.fields["saved_reply"].widget
            widget.texts = {
                str(saved.pk): saved.written_for(self.instance, self.for_user)
                for saved in self.fields["saved_reply"].queryset
            }
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
        if (saved := data.get("saved_reply")) and not data.get("reply", "").strip():
            data["reply"] = saved.written_for(self.instance, self.for_user)  # without the script
        if data.get("reply", "").strip() and not data.get("reply_subject", "").strip():
            self.add_error("reply_subject", _("Give the e-mail a subject."))
        return data
