"""The e-mail conversation with a lead from the lead page: written by Sales, sent by the worker
to a real SMTP server from the sales address, threaded, kept on the timeline."""

from datetime import timedelta

import pytest
from django.utils import timezone

from contact.models import LeadMessage
from tests.support.jobs import run_jobs
from tests.support.leads import edit_url, lead, triage
from tests.support.people import member_of

pytestmark = pytest.mark.django_db


def test_a_reply_written_on_the_lead_page_reaches_the_lead_threaded(client, sam, smtp, settings):
    settings.SALES_FROM_EMAIL = "Sales <sales@example.com>"
    aino = lead("Aino Virtanen", "Nordpay")
    run_jobs()  # the new-lead e-mail to sales
    smtp.messages.clear()

    page = client.get(edit_url(aino)).text
    assert 'value="Re: your project inquiry (Nordpay)"' in page, "the subject is filled in"
    triage(client, aino, reply_subject="Re: your project inquiry (Nordpay)",
           reply="Hello Aino,\nthanks for writing. Could we talk on Thursday?")  # fmt: skip
    assert smtp.messages == [], "sent by the worker, after the save"
    run_jobs()
    [first] = smtp.messages
    assert first["To"] == "Aino Virtanen <aino@nordpay.com>"
    assert first["From"] == "Sales <sales@example.com>"
    assert first["Reply-To"] == "Sales <sales@example.com>"
    assert "Could we talk on Thursday?" in first.get_payload(decode=True).decode()
    assert first["In-Reply-To"] is None

    triage(client, aino, reply_subject=aino.reply_subject, reply="Following up: Thursday 10:00?")
    run_jobs()
    second = smtp.messages[1]
    assert second["Subject"] == "Re: your project inquiry (Nordpay)"
    assert second["In-Reply-To"] == first["Message-ID"]
    assert second["References"] == first["Message-ID"]
    assert list(aino.messages.values_list("state", flat=True)) == ["sent", "sent"]

    timeline = client.get(edit_url(aino)).text
    assert "Could we talk on Thursday?" in timeline and "Following up: Thursday 10:00?" in timeline


def test_a_reply_the_mail_server_refuses_is_retried_and_then_shown_as_not_sent(
    client, sam, smtp, settings
):
    settings.LEAD_MAIL_MAX_ATTEMPTS = 2
    refused = lead("Nobody", "Example", email="nobody@example.com")  # the server refuses it
    run_jobs()
    triage(client, refused, reply_subject="Hello", reply="Are you there?")
    run_jobs()
    message = LeadMessage.objects.get()
    assert message.state == "failed" and message.sent_at is None


def test_a_reply_needs_a_subject_and_nothing_is_kept_without_one(client, sam):
    aino = lead("Aino Virtanen", "Nordpay")
    data = {"status": aino.status, "owner": "", "next_step": "", "next_step_on": "",
            "deal_value": "", "note": "", "reply_subject": "", "reply": "Hello"}  # fmt: skip
    response = client.post(edit_url(aino), data)
    assert response.status_code == 200 and "Give the e-mail a subject." in response.text
    assert not aino.messages.exists()


def test_editors_cannot_write_to_a_lead(client):
    client.force_login(member_of("Editors", "eve"))
    aino = lead("Aino Virtanen", "Nordpay")
    response = client.post(edit_url(aino), {"reply_subject": "Hi", "reply": "Hello"})
    assert response.status_code in (302, 403) and not aino.messages.exists()
    aino.refresh_from_db()
    assert aino.status == "new"


def test_speed_to_lead_is_shown_on_the_lead_and_per_owner_on_the_dashboard(client, sam):
    quick, slow = lead("Aino Virtanen", "Nordpay", owner=sam), lead("Mart Tamm", "Tamm", owner=sam)
    lead("Liis Kask", "Kask", owner=sam)  # not replied to: not in the median
    for inquiry, hours in ((quick, 1), (slow, 3)):
        inquiry.created_at = timezone.now() - timedelta(hours=hours, minutes=1)
        inquiry.save()
        triage(client, inquiry, reply_subject="Hello", reply="Thanks for writing.")
    assert "First reply after 1\xa0hour" in client.get(edit_url(quick)).text
    desk = client.get("/admin/").text
    row = desk.split("Speed to lead")[1].split("</table>")[0]
    assert "<td>2</td>" in row and "2\xa0hours" in row, row
