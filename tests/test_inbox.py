"""The lead's answers come back onto the lead: Mailgun's inbound webhook with a real signed
payload (through django-anymail), matched by thread headers only, attachments for Sales only,
and mail that names no lead waiting in *Unmatched mail* for a person."""

import hashlib
import hmac
import os
import time

import pytest
from django.test import Client
from django.urls import reverse

from contact.models import LeadMessage, UnmatchedMail
from tests.support.leads import edit_url, lead, lead_answer
from tests.support.people import member_of

pytestmark = pytest.mark.django_db
WEBHOOK = "/mail/inbound/mailgun/"
KEY = "test-signing-key"  # config/settings/test.py


def deliver(raw: bytes, key: str = KEY):
    """POST as Mailgun's "store and notify" to a …/mime URL does: the raw message, signed."""
    timestamp, token = str(int(time.time())), "a" * 50
    signature = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return Client().post(WEBHOOK, {
        "body-mime": raw.decode(), "recipient": "sales@example.com",
        "sender": "aino@nordpay.com", "timestamp": timestamp, "token": token,
        "signature": signature,
    })  # fmt: skip


def test_the_leads_answer_lands_on_their_timeline_once_with_its_file(client, written):
    aino, sent_id = written
    raw = lead_answer(in_reply_to=sent_id, attach=True)
    assert deliver(raw).status_code == 200
    assert deliver(raw).status_code == 200  # the provider retries: kept once
    [answer] = aino.messages.filter(state="received")
    assert answer.sender == "aino@nordpay.com" and "Thursday works." in answer.body
    page = client.get(edit_url(aino)).text
    assert "E-mail from the lead:" in page and "Thursday works." in page
    [file] = answer.attachments.all()
    download = client.get(reverse("contact_attachment", args=(file.pk,)))
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 spec"
    assert "attachment" in download["Content-Disposition"]

    editor = Client()
    editor.force_login(member_of("Editors", "eve"))
    refused = editor.get(reverse("contact_attachment", args=(file.pk,)))
    assert refused.status_code in (302, 403) and not getattr(refused, "streaming", False)
    assert UnmatchedMail.objects.count() == 0


def test_a_forged_delivery_is_refused_and_keeps_nothing(written):
    aino, sent_id = written
    assert deliver(lead_answer(in_reply_to=sent_id), key="not-the-key").status_code == 400
    assert not aino.messages.filter(state="received").exists()


def test_mail_that_names_no_lead_waits_for_a_person_to_assign_it(client, sam):
    aino = lead("Aino Virtanen", "Nordpay")
    assert deliver(lead_answer(body="Hello, it's me again.", attach=True)).status_code == 200
    assert not LeadMessage.objects.exists(), "never guessed onto a lead"
    [waiting] = UnmatchedMail.objects.all()
    listing = client.get(reverse("contact_unmatched:index")).text
    assert "aino@nordpay.com" in listing

    response = client.post(reverse("contact_unmatched:edit", args=(waiting.pk,)), {"lead": aino.pk})
    assert response.status_code == 302
    assert not UnmatchedMail.objects.exists()
    [answer] = aino.messages.all()
    assert "it's me again" in answer.body and answer.attachments.count() == 1
    assert "it&#x27;s me again" in client.get(edit_url(aino)).text


def test_deleting_the_lead_deletes_its_mail_and_files(written, django_capture_on_commit_callbacks):
    aino, sent_id = written
    deliver(lead_answer(in_reply_to=sent_id, attach=True))
    path = aino.messages.get(state="received").attachments.get().file.path
    with django_capture_on_commit_callbacks(execute=True):
        aino.delete()
    assert not LeadMessage.objects.exists()
    assert not os.path.exists(path)
