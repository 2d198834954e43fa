"""The report's period and row choice, as the admin's filter form."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import funnel

LONGEST_PERIOD = timedelta(days=3 * 366)


class PeriodForm(forms.Form):
    """What the report shows: a period (the last 7/30/90 days or from–to), and rows by what."""

    days = forms.ChoiceField(
        label=_("Period"),
        required=False,
        initial="30",
        choices=[
            ("7", _("Last 7 days")),
            ("30", _("Last 30 days")),
            ("90", _("Last 90 days")),
            ("custom", _("From – to")),
        ],  # fmt: skip
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput({"type": "date"})
    )
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput({"type": "date"}))
    by = forms.ChoiceField(
        label=_("Rows"),
        required=False,
        initial="article",
        choices=[
            ("article", _("Articles")),
            ("city", _("Cities")),
            ("author", _("Authors")),
            ("channel", _("Channels")),
            ("campaign", _("Campaigns")),
        ],  # fmt: skip
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("days") == "custom":
            start, end = data.get("start"), data.get("end")
            if not start or not end:
                raise forms.ValidationError(_("Give both dates of the period."))
            if start > end:
                raise forms.ValidationError(_("The period ends before it starts."))
            if end - start > LONGEST_PERIOD:
                raise forms.ValidationError(_("Choose a period of three years or less."))
        return data

    def period(self) -> funnel.Period:
        today = timezone.localdate()
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if data.get("days") == "custom":
            return funnel.Period(data["start"], data["end"])
        return funnel.Period.last(int(data.get("days") or 30), today)

    def rows_by(self) -> str:
        return (self.is_valid() and self.cleaned_data.get("by")) or "article"
