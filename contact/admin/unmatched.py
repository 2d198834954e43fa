"""Unmatched mail: e-mails that named no lead by their thread, for a person to put on the right
lead (or delete); and the files leads sent, downloaded by Sales only."""

from anymail.inbound import AnymailInboundMessage
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet

from ..inbox import answer
from ..models import Inquiry, LeadAttachment, UnmatchedMail


class AssignForm(WagtailAdminModelForm):
    lead = forms.ModelChoiceField(
        label=_("Put it on this lead"),
        queryset=Inquiry.objects.order_by("-created_at"),
        help_text=_("It joins the lead's timeline as their answer, with its attachments."),
    )

    class Meta:
        model = UnmatchedMail
        fields: list[str] = []


class AssignView(EditView):
    """Saving moves the mail onto the chosen lead (as the lead's answer) and out of this list."""

    def form_valid(self, form):
        mail = self.object
        with transaction.atomic():
            with mail.raw.open("rb") as raw:
                message = AnymailInboundMessage.parse_raw_mime_bytes(raw.read())
            answer(form.cleaned_data["lead"], message, mail.message_id, self.request.user)
            mail.delete()
        mail.raw.delete(save=False)
        messages.success(self.request, _("Put on the lead's timeline."))
        return redirect(self.index_url_name)


class UnmatchedMailViewSet(ModelViewSet):
    model = UnmatchedMail
    icon = "warning"
    menu_label = _("Unmatched mail")
    menu_order = 152
    add_to_admin_menu = True
    add_view_enabled = False
    copy_view_enabled = False
    edit_view_class = AssignView
    list_display = ["sender", "subject", "received_at"]
    search_fields = ["sender", "subject", "body"]
    form_fields: list[str] = []

    def get_form_class(self, for_update=False):
        return AssignForm


unmatched_viewset = UnmatchedMailViewSet("contact_unmatched")


def attachment(request: HttpRequest, pk: int) -> FileResponse:
    """A file a lead sent, to whoever may work the leads; never shown inline."""
    if not request.user.has_perm("contact.change_inquiry"):
        raise PermissionDenied
    kept = get_object_or_404(LeadAttachment, pk=pk)
    response = FileResponse(kept.file.open("rb"), as_attachment=True, filename=kept.name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
