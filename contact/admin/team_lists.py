"""The sales team's own short lists: why deals are lost (linked from the Pipeline) and the
saved replies (linked from the lead page's e-mail)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import LostReason, SavedReply


class LostReasonViewSet(ModelViewSet):
    model = LostReason
    icon = "list-ul"
    menu_label = _("Lost reasons")
    add_to_admin_menu = False
    copy_view_enabled = False
    form_fields = ["name", "sort_order"]
    list_display = ["name", "sort_order"]


lost_reason_viewset = LostReasonViewSet("contact_lostreason")


class SavedReplyViewSet(ModelViewSet):
    model = SavedReply
    icon = "mail"
    menu_label = _("Saved replies")
    add_to_admin_menu = False
    copy_view_enabled = True
    form_fields = ["title", "body", "sort_order"]
    list_display = ["title", "sort_order"]
    search_fields = ["title", "body"]


saved_reply_viewset = SavedReplyViewSet("contact_savedreply")
