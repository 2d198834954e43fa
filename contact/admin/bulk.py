"""Work in bulk on the Inquiries list: tick leads, then assign them, move them to a status or
export just those (Wagtail's bulk actions: each change goes on each lead's timeline)."""

from copy import copy
from urllib.parse import urlencode

from django import forms
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.bulk_action import BulkAction

from ..models import Inquiry, LostReason, Status
from . import timeline
from .filters import InquiryFilterSet
from .forms import OwnerChoiceField, sales_people


class LeadBulkAction(BulkAction):
    models = [Inquiry]
    template_name = "contact/admin/bulk_confirm.html"

    def check_perm(self, obj) -> bool:
        return self.request.user.has_perm("contact.change_inquiry")

    def get_all_objects_in_listing_query(self, parent_id):
        """Select all: every lead the list's own filters show."""
        return InquiryFilterSet(self.request.GET, queryset=Inquiry.objects.all()).qs.values_list(
            "pk", flat=True
        )

    def get_execution_context(self) -> dict:
        return {"user": self.request.user, **self.cleaned_form.cleaned_data}

    def get_context_data(self, **kwargs) -> dict:
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}

    @classmethod
    def change_each(cls, objects, user, **values) -> tuple[int, int]:
        for lead in objects:
            before = copy(lead)
            for field, value in values.items():
                setattr(lead, field, value)
            lead.save()
            timeline.record(before, lead, user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects) -> str:
        return ngettext("%(count)d lead changed.", "%(count)d leads changed.",
                        num_parent_objects) % {"count": num_parent_objects}  # fmt: skip


class OwnerForm(forms.Form):
    owner = OwnerChoiceField(queryset=sales_people(), label=_("Owner"))


class AssignBulkAction(LeadBulkAction):
    display_name = _("Assign")
    action_type = "assign"
    aria_label = _("Assign the selected leads to someone")
    form_class = OwnerForm

    @classmethod
    def execute_action(cls, objects, user=None, owner=None, **kwargs):
        return cls.change_each(objects, user, owner=owner)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    lost_reason = forms.ModelChoiceField(
        label=_("Why they were lost"), queryset=LostReason.objects.all(), required=False
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("status") == Status.LOST and not data.get("lost_reason"):
            self.add_error("lost_reason", _("Say why the deals were lost."))
        return data


class StatusBulkAction(LeadBulkAction):
    display_name = _("Change status")
    action_type = "status"
    aria_label = _("Change the status of the selected leads")
    form_class = StatusForm

    @classmethod
    def execute_action(cls, objects, user=None, status=None, lost_reason=None, **kwargs):
        reason = lost_reason if status == Status.LOST else None
        return cls.change_each(objects, user, status=status, lost_reason=reason)


class ExportBulkAction(LeadBulkAction):
    display_name = _("Export CSV")
    action_type = "export"
    aria_label = _("Download the selected leads as CSV")

    def get(self, request, *args, **kwargs):
        """Straight to the list's own export, narrowed to the ticked leads."""
        leads, _ = self.get_actionable_objects()
        query = urlencode([("export", "csv"), *(("selected", lead.pk) for lead in leads)])
        return redirect(f"{reverse('contact_inquiry:index')}?{query}")


BULK_ACTIONS = (AssignBulkAction, StatusBulkAction, ExportBulkAction)
