"""The reader's copy: after the form, an e-mail of what they sent, their readiness assessment
and what happens next (sent by the worker, plain text, retried like every e-mail), so a reader
who closed the tab still has it."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _
from django_tasks import task

from .conversation import sales_address
from .models import Inquiry
from .next_steps import next_steps_for
from .notifications import header_safe, lead_address, send_or_retry


def confirmation_for(inquiry: Inquiry) -> EmailMessage:
    assessment = inquiry.assessment
    answers = [
        (_("Company"), inquiry.company),
        (_("Role"), inquiry.role),
        (_("How work is defined"), inquiry.get_work_definition_display()),
        (_("Documentation"), inquiry.get_documentation_display()),
        (_("Desired start"), inquiry.get_desired_start_display()),
    ]
    lines = [
        _("Hello %(name)s,") % {"name": inquiry.name},
        "",
        _("Thank you for telling us about your project. This is your copy."),
        "",
        f"{_('Your readiness')}: {assessment.title}",
        assessment.summary,
        "",
        _("Next steps we suggest:"),
        *(f"- {step}" for step in assessment.next_steps),
        "",
        _("What you told us:"),
        *(f"{label}: {value}" for label, value in answers),
        "",
        inquiry.project,
        "",
        _(
            "What happens next: one of us reads it and writes back within one working day. "
            "To add anything, reply to this e-mail."
        ),  # fmt: skip
        *(line for step in next_steps_for(inquiry) for line in ("", step.text, step.url)),
    ]
    return EmailMessage(
        header_safe(_("Your project inquiry: %(title)s") % {"title": assessment.title}),
        "\n".join(str(line) for line in lines),
        sales_address(),
        [lead_address(inquiry)],
        reply_to=[sales_address()],
        headers={"Auto-Submitted": "auto-replied"},
    )


@task(backend="background")
def send_confirmation(inquiry_id: int, attempt: int = 1) -> str:
    inquiry = Inquiry.objects.filter(pk=inquiry_id).first()
    if inquiry is None or not settings.CONFIRM_TO_READER:
        return "nothing to send"
    return send_or_retry(
        confirmation_for(inquiry), attempt, f"Confirmation for inquiry {inquiry_id}",
        lambda when: send_confirmation.using(run_after=when).enqueue(inquiry_id, attempt + 1),
    )  # fmt: skip
