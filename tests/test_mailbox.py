"""The lead's answers from the shared sales mailbox, read over IMAP by the worker (a real dovecot
server): matched by thread headers like the webhook's, nothing marked or moved in the mailbox,
each message kept once however often it is read, and a server that hangs costs one timeout."""

import subprocess
import sys

import pytest
from django.conf import settings

from contact import mailbox
from contact.models import Inquiry, LeadMessage, MailboxPosition, UnmatchedMail
from tests.support.faults import SilentServer
from tests.support.leads import edit_url, lead_answer
from tests.support.processes import production_env, start_worker
from tests.support.waiting import until

pytestmark = pytest.mark.slow  # a real IMAP server


@pytest.mark.django_db
def test_the_leads_answer_in_the_shared_mailbox_lands_on_their_timeline_once(
    client, written, shared_mailbox
):
    aino, sent_id = written
    shared_mailbox.deliver(lead_answer(in_reply_to=sent_id, attach=True), flags=r"(\Seen)")
    shared_mailbox.deliver(lead_answer(body="Who is this? Not a reply to anything."))
    assert mailbox.poll() == 2
    assert mailbox.poll() == 0, "read once"

    [answer] = aino.messages.filter(state="received")
    assert answer.sender == "aino@nordpay.com" and answer.attachments.count() == 1
    assert "Thursday works." in client.get(edit_url(aino)).text
    [waiting] = UnmatchedMail.objects.all()
    assert "Not a reply" in waiting.body, "mail naming no lead waits for a person"
    assert [b"\\Seen" in f for f in shared_mailbox.flags()] == [True, False], (
        "opened in a mail program or not, read; and the mailbox's flags are left as they were"
    )


@pytest.mark.django_db
def test_a_new_mailbox_is_read_from_two_days_back_and_then_message_by_message(shared_mailbox):
    shared_mailbox.deliver(lead_answer(body="Last month's mail."), days_ago=30)
    shared_mailbox.deliver(lead_answer(body="This morning's mail."), days_ago=0.2)
    assert mailbox.poll() == 1
    assert UnmatchedMail.objects.get().body == "This morning's mail."

    for n in range(3):
        shared_mailbox.deliver(lead_answer(body=f"Answer {n}."))
    mailbox.BATCH, batch = 2, mailbox.BATCH
    try:
        assert [mailbox.poll(), mailbox.poll(), mailbox.poll()] == [2, 1, 0]
    finally:
        mailbox.BATCH = batch
    assert UnmatchedMail.objects.count() == 4


@pytest.mark.django_db
def test_a_rebuilt_mailbox_is_read_again_and_keeps_nothing_twice(written, shared_mailbox):
    aino, sent_id = written
    shared_mailbox.deliver(lead_answer(in_reply_to=sent_id))
    shared_mailbox.deliver(lead_answer(body="No thread.").replace(b"Message-ID", b"X-Old-ID"))
    mailbox.poll()
    MailboxPosition.objects.update(uid_validity=1)  # the server renumbered the mailbox
    assert mailbox.poll() == 2, "everything of the last two days read again"
    assert aino.messages.filter(state="received").count() == 1
    assert UnmatchedMail.objects.count() == 1, "even a message without a Message-ID"


@pytest.mark.django_db
def test_a_mail_server_that_never_answers_costs_one_timeout_and_moves_nothing(settings):
    hung = SilentServer()
    settings.INBOUND_IMAP_URL = f"imap://sales:secret@127.0.0.1:{hung.port}/INBOX"
    settings.INBOUND_IMAP_TIMEOUT = 0.3
    try:
        with pytest.raises(TimeoutError):
            mailbox.poll()
    finally:
        hung.close()
    assert hung.accepted and not MailboxPosition.objects.exists()


def test_a_wrong_mailbox_address_stops_the_start_up_saying_what_it_should_be():
    env = {"INBOUND_IMAP_URL": "pop3://mail.example.com", "PATH": "/usr/bin:/bin",
           "DJANGO_SETTINGS_MODULE": "config.settings.dev"}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, capture_output=True,
        text=True, timeout=60, env=env,
    )  # fmt: skip
    assert result.returncode == 1
    assert "INBOUND_IMAP_URL must look like imaps://" in result.stderr


@pytest.mark.django_db(transaction=True)
def test_the_worker_process_reads_the_mailbox_every_minute(launch_state, shared_mailbox, tmp_path):
    """`manage.py worker` as deployed, with the mailbox's address from its environment."""
    from tests.support.builders import InquiryFactory

    aino = InquiryFactory(email="aino@nordpay.com", name="Aino Virtanen", company="Nordpay")
    sent = LeadMessage.objects.create(inquiry=aino, subject="Your inquiry", body="Thursday?",
                                      message_id="<lead.1@example.com>", state="sent")  # fmt: skip
    shared_mailbox.deliver(lead_answer(in_reply_to=sent.message_id))
    env = production_env(tmp_path, INBOUND_IMAP_URL=shared_mailbox.url)
    worker = start_worker(env)
    try:
        until(lambda: Inquiry.objects.get().messages.filter(state="received").exists(), 30,
              explain=lambda: worker.poll() is not None and worker.stdout.read())  # fmt: skip
    finally:
        worker.terminate()
        worker.wait(10)
