"""After the form, the reader gets their copy by e-mail: answers, assessment and what happens
next, sent by the worker to a real SMTP server, plain text, answerable to Sales."""

import pytest

from tests.support.jobs import run_jobs
from tests.support.leads import VALID, send

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirming(settings, smtp):
    settings.CONFIRM_TO_READER = True
    settings.SALES_NOTIFY_EMAILS = ["sales@example.com"]
    settings.SALES_FROM_EMAIL = "Sales <sales@example.com>"
    return smtp


def test_the_reader_gets_their_answers_and_assessment_by_email(client, confirming):
    assert send(client).status_code == 302
    assert confirming.messages == [], "sent by the worker, not the page"
    run_jobs()
    [copy] = [m for m in confirming.messages if m["To"].endswith(f"<{VALID['email']}>")]
    body = copy.get_payload(decode=True).decode()
    assert copy.get_content_type() == "text/plain"
    assert "Ready to hand work off now" in copy["Subject"]  # written specs, current docs
    assert VALID["project"] in body and VALID["company"] in body
    assert "Next steps we suggest:" in body and body.count("\n- ") >= 3
    assert copy["Reply-To"] == "Sales <sales@example.com>"
    assert copy["Auto-Submitted"] == "auto-replied"
    assert len(confirming.messages) == 2, "and sales got theirs"


def test_a_name_with_header_characters_cannot_add_a_recipient(client, confirming):
    send(client, {"name": 'Eve, "x" <attacker@example.com>\nBcc: a@b.c'})
    run_jobs()
    copies = [m for m in confirming.messages if "startup.fi" in m["To"]]
    assert len(copies) == 1 and "attacker@example.com" not in copies[0]["To"].split("<")[-1]
    assert copies[0]["Bcc"] is None
