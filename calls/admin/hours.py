"""*My hours for calls*: each sales person says when readers may book them, in their own zone."""

import re
from datetime import time

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from ..models import CallHours
from ..views import ZONES

DAYS = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"),
        _("Sunday")]  # fmt: skip
SPAN = re.compile(r"^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$")


def spans_of(text: str) -> list[list[str]]:
    """ "09:00-12:00, 13:00-16:00" → [["09:00", "12:00"], ["13:00", "16:00"]]."""
    spans = []
    for part in filter(str.strip, text.split(",")):
        match = SPAN.match(part)
        try:
            start, end = (time.fromisoformat(t.zfill(5)) for t in match.groups())
        except (AttributeError, ValueError):
            raise forms.ValidationError(_("Write hours as 09:00-12:00, 13:00-16:00.")) from None
        if start >= end:
            raise forms.ValidationError(_("Each span must end after it starts."))
        spans.append([start.strftime("%H:%M"), end.strftime("%H:%M")])
    return sorted(spans)


class HoursForm(forms.Form):
    time_zone = forms.ChoiceField(label=_("Your time zone"), choices=[(z, z) for z in ZONES])

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for number, name in enumerate(DAYS):
            self.fields[f"day_{number}"] = forms.CharField(
                label=name, required=False, max_length=200,
                help_text=_("e.g. 09:00-12:00, 13:00-16:00; empty: no calls that day"),
            )  # fmt: skip

    def clean(self) -> dict:
        data = super().clean()
        for number in range(7):
            try:
                data[f"day_{number}"] = spans_of(data.get(f"day_{number}", ""))
            except forms.ValidationError as problem:
                self.add_error(f"day_{number}", problem)
        return data


class HoursView(WagtailAdminTemplateMixin, FormView):
    page_title = _("My hours for calls")
    header_icon = "time"
    template_name = "calls/admin/hours.html"
    form_class = HoursForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("contact.change_inquiry"):
            raise PermissionDenied
        self.hours = CallHours.objects.filter(user=request.user).first()
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_initial(self) -> dict:
        if self.hours is None:
            return {"time_zone": "Europe/Helsinki"}
        days = {f"day_{n}": ", ".join(f"{a}-{b}" for a, b in self.hours.weekly.get(str(n), []))
                for n in range(7)}  # fmt: skip
        return {"time_zone": self.hours.time_zone, **days}

    def form_valid(self, form):
        data = form.cleaned_data
        weekly = {str(n): data[f"day_{n}"] for n in range(7) if data[f"day_{n}"]}
        CallHours.objects.update_or_create(
            user=self.request.user, defaults={"time_zone": data["time_zone"], "weekly": weekly}
        )
        messages.success(self.request, _("Your hours for calls are saved."))
        return redirect("calls_hours")
