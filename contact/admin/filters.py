"""The Inquiries list's filters: the follow-ups a sales person works through, the lead e-mail's
state, when a lead came and from which article."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from articles.models import ArticlePage

from ..models import OPEN_STATUSES, Inquiry

MAIL_STATES = {
    "sent": Q(notified_at__isnull=False),
    "waiting": Q(notified_at__isnull=True, notify_failed_at__isnull=True),
    "failed": Q(notify_failed_at__isnull=False, notified_at__isnull=True),
}


def follow_ups(user) -> dict[str, Q]:
    """The follow-up filters; a closed lead (won or lost) is never due."""
    today, is_open = timezone.localdate(), Q(status__in=OPEN_STATUSES)
    return {
        "due_today": is_open & Q(next_step_on=today),
        "overdue": is_open & Q(next_step_on__lt=today),
        "unassigned": is_open & Q(owner__isnull=True),
        "mine": Q(owner=user.pk),
        "my_open": is_open & Q(owner=user.pk),
    }


class InquiryFilterSet(WagtailFilterSet):
    follow_up = django_filters.ChoiceFilter(
        label=_("Follow-up"),
        choices=[
            ("due_today", _("Due today")),
            ("overdue", _("Overdue")),
            ("unassigned", _("Unassigned")),
            ("mine", _("Mine")),
            ("my_open", _("Mine, open")),
        ],  # fmt: skip
        method="filter_follow_up",
    )
    mail = django_filters.ChoiceFilter(
        label=_("Lead e-mail"),
        choices=[
            ("sent", _("Sent")),
            ("waiting", _("Waiting or retrying")),
            ("failed", _("Not sent")),
        ],
        method="filter_mail",
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Received"), widget=DateRangePickerWidget
    )
    source_article = django_filters.ModelChoiceFilter(
        label=_("Source article"),
        queryset=ArticlePage.objects.filter(inquiries__isnull=False).distinct(),
    )

    class Meta:
        model = Inquiry
        fields = ["status", "readiness", "created_at", "source_article"]

    def filter_follow_up(self, queryset, name, value):
        wanted = follow_ups(self.request.user).get(value)
        return queryset.filter(wanted) if wanted is not None else queryset

    def filter_mail(self, queryset, name, value):
        return queryset.filter(MAIL_STATES[value]) if value in MAIL_STATES else queryset
