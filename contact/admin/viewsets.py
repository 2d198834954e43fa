"""Sales' Inquiries screens: the list with its follow-up filters, and the lead page."""

from functools import cached_property

from django.db.models import Exists, F, Func, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.actions.edit import EditAction
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    MultiFieldPanel,
    ObjectList,
)  # fmt: skip
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column
from wagtail.admin.views.generic.models import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .. import conversation
from ..models import Inquiry, Status, same_sender
from . import timeline
from .dashboard import can_triage
from .filters import InquiryFilterSet
from .forms import InquiryTriageForm
from .saved_views import saved_views

SUBMITTED_FIELDS = [
    "name", "email", "company", "role", "project", "work_definition", "documentation",
    "desired_start", "source_article", "landing_page", "readiness", "created_at",
]  # fmt: skip


def with_repeats(queryset):
    """Each lead with how many earlier leads share its address or company domain."""
    earlier = Inquiry.objects.filter(
        same_sender(OuterRef("email"), OuterRef("email_domain")),
        created_at__lt=OuterRef("created_at"),
    )
    count = earlier.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return queryset.annotate(earlier_count=Subquery(count), repeat=Exists(earlier))


class RepeatColumn(Column):
    cell_template_name = "contact/admin/repeat_cell.html"


class StatusColumn(Column):
    """The stage, and under it a new-lead e-mail that could not be sent (Sales must call)."""

    cell_template_name = "contact/admin/status_cell.html"


class LeadIndexView(IndexView):
    template_name = "contact/admin/inquiry_index.html"

    def get_base_queryset(self):
        leads = super().get_base_queryset().select_related("owner", "source_article")
        if selected := [pk for pk in self.request.GET.getlist("selected") if pk.isdigit()]:
            leads = leads.filter(pk__in=selected)  # a bulk export of the ticked leads
        return with_repeats(leads)

    @cached_property
    def columns(self):
        return [BulkActionsCheckboxColumn("bulk_actions", obj_type="inquiry"), *super().columns]

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(**kwargs) | saved_views(self.request)


class TriageEdit(EditAction):
    """Saves without Wagtail's bare "Edited" entry: the timeline records what changed instead."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, log_action=None, **kwargs)


class LeadEditView(EditView):
    """Saves the triage, then puts each change and the note on the lead's timeline."""

    action_class = TriageEdit

    def save_instance(self):
        before = (
            Inquiry.objects.select_for_update(of=("self",))
            .select_related("owner")
            .get(pk=self.object.pk)
        )
        instance = super().save_instance()
        data = self.form.cleaned_data
        timeline.record(before, instance, self.request.user, data.get("note", ""))
        if data.get("reply", "").strip():
            conversation.write(instance, self.request.user, data["reply_subject"], data["reply"])
        return instance


class InquiriesMenuItem(MenuItem):
    """Inquiries, with the number of new leads beside it."""

    def is_shown(self, request) -> bool:
        return can_triage(request.user)

    def render_component(self, request):
        new = Inquiry.objects.filter(status=Status.NEW).count()
        label = f"{self.label} ({new} new)" if new else self.label
        return LinkMenuItem(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname,
            attrs=self.attrs,
        )  # fmt: skip


class InquiryViewSet(ModelViewSet):
    """Sales triage: the reader's answers are read-only; status, owner, next step, value and notes
    are sales'."""

    model = Inquiry
    icon = "mail"
    menu_label = _("Inquiries")
    menu_order = 150
    add_to_admin_menu = True
    menu_item_class = InquiriesMenuItem
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = LeadIndexView
    edit_view_class = LeadEditView
    list_display = [  # what triage needs at a glance; the rest is on the lead page and export
        "name", "company", StatusColumn("status", label=_("Status"), sort_key="status"),
        Column("owner_name", label=_("Owner")),
        Column("next_step_on", label=_("Next step"), sort_key="next_step_on",
               accessor=lambda lead: lead.next_step_on or ""),
        "readiness", "source", "created_at", RepeatColumn("repeat", label=_("Seen before")),
    ]  # fmt: skip
    filterset_class = InquiryFilterSet
    search_fields = ["name", "email", "company", "role", "project", "next_step"]
    list_export = [
        "created_at", "name", "email", "company", "role", "project",
        "get_work_definition_display", "get_documentation_display", "get_desired_start_display",
        "get_readiness_display", "readiness_score", "get_status_display", "owner_name",
        "next_step_on", "next_step", "deal_value", "source", "mail_status",
    ]  # fmt: skip
    export_headings = {
        "created_at": _("Received"),
        "get_work_definition_display": _("How work is defined"),
        "get_documentation_display": _("Documentation"),
        "get_desired_start_display": _("Desired start"),
        "get_readiness_display": _("Readiness"),
        "mail_status": _("Lead e-mail"),
        "readiness_score": _("Score"),
        "get_status_display": _("Status"),
        "owner_name": _("Owner"),
        "next_step_on": _("Next step due"),
        "next_step": _("Next step"),
        "deal_value": _("Deal value (EUR)"),
        "source": _("Source"),
    }
    export_filename = "inquiries"
    edit_handler = ObjectList(
        [
            timeline.LeadPanel("contact/admin/lead_contact_panel.html", heading=_("Lead")),
            MultiFieldPanel(  # what the reader sent, first: then triage, then the timeline
                [FieldPanel(name, read_only=True) for name in SUBMITTED_FIELDS],
                heading=_("What they sent"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("status"), FieldPanel("owner")]),
                    FieldRowPanel([FieldPanel("next_step_on"), FieldPanel("next_step")]),
                    FieldRowPanel([FieldPanel("deal_value"), FieldPanel("expected_close_on")]),
                    FieldPanel("lost_reason"),
                    FieldPanel("note"),
                ],
                heading=_("Triage"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("saved_reply"),
                    HelpPanel(template="contact/admin/saved_replies_link.html"),
                    FieldPanel("reply_subject"),
                    FieldPanel("reply"),
                ],
                heading=_("E-mail the lead"),
            ),
            timeline.LeadPanel("contact/admin/lead_timeline_panel.html", heading=_("Timeline")),
        ],
        base_form_class=InquiryTriageForm,
    )


inquiry_viewset = InquiryViewSet("contact_inquiry")
