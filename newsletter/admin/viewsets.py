"""*Subscribers* for editors (not Sales): who follows the blog, searchable, filtered by state,
exported with the formula protection every export has."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import Subscriber


class SubscriberFilterSet(WagtailFilterSet):
    interest = django_filters.CharFilter(
        label=_("Interest"), method="filter_interest", help_text=_("A city or topic, e.g. oulu")
    )

    class Meta:
        model = Subscriber
        fields = ["state", "rhythm"]

    def filter_interest(self, queryset, name, value):
        wanted = value.strip().lower()
        return queryset.filter(interests__icontains=wanted) if wanted else queryset


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Subscribers")
    menu_order = 160
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["state", "rhythm", "interests"]
    list_display = ["email", "state", "rhythm", "interests", "created_at", "confirmed_at"]
    list_export = ["email", "state", "rhythm", "interests", "created_at", "confirmed_at",
                   "unsubscribed_at"]  # fmt: skip
    search_fields = ["email"]
    filterset_class = SubscriberFilterSet
    export_filename = "subscribers"


subscriber_viewset = SubscriberViewSet("newsletter_subscriber")
