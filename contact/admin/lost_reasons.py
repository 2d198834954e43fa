"""The team's own list of why deals are lost (linked from the Pipeline)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import LostReason


class LostReasonViewSet(ModelViewSet):
    model = LostReason
    icon = "list-ul"
    menu_label = _("Lost reasons")
    add_to_admin_menu = False
    copy_view_enabled = False
    form_fields = ["name", "sort_order"]
    list_display = ["name", "sort_order"]


lost_reason_viewset = LostReasonViewSet("contact_lostreason")
