"""Leads: the contact form as a reader sends it, and leads as Sales find them stored."""

from email.message import EmailMessage
from email.utils import make_msgid

from django.urls import reverse

from contact.models import Inquiry
from tests.support.builders import InquiryFactory

LIST_URL = reverse("contact_inquiry:index")  # Sales' list of leads

VALID = {
    "name": "Aino Virtanen",
    "email": "aino@startup.fi",
    "company": "Startup Oy",
    "role": "CTO",
    "project": "A payments integration our biggest client has waited on for two quarters.",
    "work_definition": "written_specs",
    "documentation": "current",
    "desired_start": "now",
    "consent": "on",
}


def send(client, data: dict | None = None, **extra):
    """Post the contact form: VALID with `data` over it."""
    return client.post("/contact/", {**VALID, **(data or {})}, **extra)


def same_lead(thanks_url: str, other_url: str) -> bool:
    """Two thank-you links name the same lead: the signed payload (before the timestamp and
    signature, which differ from second to second) is the same."""
    payloads = {url.split("ref=")[1].split(":")[0] for url in (thanks_url, other_url)}
    return len(payloads) == 1


def lead(name: str, company: str, work="written_specs", docs="current", **fields) -> Inquiry:
    """A stored lead, assessed as the form assesses it (the builder, named as Sales say it)."""
    return InquiryFactory(
        name=name, company=company, work_definition=work, documentation=docs, **fields
    )


def edit_url(inquiry: Inquiry) -> str:
    return reverse("contact_inquiry:edit", args=(inquiry.pk,))


def triage(client, inquiry: Inquiry, **fields) -> None:
    """Save the lead page as sales would, keeping what is not given."""
    data = {
        "status": inquiry.status, "owner": inquiry.owner_id or "", "next_step": inquiry.next_step,
        "next_step_on": inquiry.next_step_on or "", "deal_value": inquiry.deal_value or "",
        "note": "",
    } | fields  # fmt: skip
    response = client.post(edit_url(inquiry), data)
    assert response.status_code == 302, response.text
    inquiry.refresh_from_db()


def lead_answer(
    in_reply_to: str = "", body: str = "Thursday works.", attach: bool = False
) -> bytes:
    """Aino's e-mail to Sales, answering `in_reply_to` (a Message-ID Sales sent) if given."""
    message = EmailMessage()
    message["From"] = "Aino Virtanen <aino@nordpay.com>"
    message["To"] = "sales@example.com"
    message["Subject"] = "Re: your project inquiry (Nordpay)"
    message["Message-ID"] = make_msgid("answer", "nordpay.com")
    if in_reply_to:
        message["In-Reply-To"] = message["References"] = in_reply_to
    message.set_content(body)
    if attach:
        message.add_attachment(b"%PDF-1.4 spec", maintype="application", subtype="pdf",
                               filename="spec.pdf")  # fmt: skip
    return message.as_bytes()
