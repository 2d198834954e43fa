"""The Pipeline: leads by status in columns, with counts and value, moved on from the board."""

from copy import copy

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin

from .. import forecast
from ..models import Inquiry, LostReason, Status, totals_by_status
from . import timeline

CARDS_PER_COLUMN = 50


class MoveForm(forms.Form):
    inquiry = forms.IntegerField(min_value=1)
    status = forms.ChoiceField(choices=Status.choices)
    lost_reason = forms.ModelChoiceField(queryset=LostReason.objects.all(), required=False)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("status") == Status.LOST and not data.get("lost_reason"):
            raise forms.ValidationError(_("Say why the deal was lost: nothing changed."))
        return data


class PipelineView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """A board rather than a list: where every lead stands and what each stage is worth."""

    model = Inquiry
    permission_required = "change"
    page_title = _("Pipeline")
    header_icon = "mail"
    template_name = "contact/admin/pipeline.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        leads = Inquiry.objects.select_related("owner").order_by("next_step_on", "-created_at")
        now = timezone.now()
        context["columns"] = [
            {**column, "probability": forecast.PROBABILITY[column["status"]],
             "weighted": forecast.weighted(column["value"], column["status"]),
             "leads": [(lead, forecast.is_stale(lead, now))
                       for lead in leads.filter(status=column["status"])[:CARDS_PER_COLUMN]]}
            for column in totals_by_status(Inquiry.objects.all())
        ]  # fmt: skip
        context["statuses"] = Status.choices
        context["lost_reasons"] = LostReason.objects.all()
        context["months"] = forecast.by_month(Inquiry.objects.all())
        context["outcomes"] = forecast.outcomes(Inquiry.objects.all())
        return context

    def post(self, request, *args, **kwargs):
        form = MoveForm(request.POST)
        if not form.is_valid():
            problem = form.non_field_errors() or [
                _("That lead or status was not recognised; nothing changed.")
            ]
            messages.error(request, " ".join(str(text) for text in problem))
            return redirect("contact_pipeline")
        with transaction.atomic():
            lead = get_object_or_404(
                Inquiry.objects.select_for_update(of=("self",)).select_related("owner"),
                pk=form.cleaned_data["inquiry"],
            )
            before = copy(lead)
            lead.status = form.cleaned_data["status"]
            lead.lost_reason = (
                form.cleaned_data["lost_reason"] if lead.status == Status.LOST else None
            )
            lead.save()
            timeline.record(before, lead, request.user)
        messages.success(request, f"{lead.company}: {lead.get_status_display()}.")
        return redirect("contact_pipeline")
