"""Saved replies: the team writes its common answers once; on the lead page one is chosen and
comes written for that lead (name, company, the article they came from, the sales person)."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from contact.models import SavedReply
from tests.support.builders import ArticleFactory
from tests.support.jobs import run_jobs
from tests.support.leads import edit_url, lead, triage
from tests.support.people import member_of

pytestmark = pytest.mark.django_db
ADD = reverse("contact_savedreply:add")
BODY = "Hi {first_name},\nabout {company} and {article}: shall we talk?\n{my_name}"


def text_of(message) -> str:
    return message.get_payload(decode=True).decode().replace("\r\n", "\n").strip()


@pytest.fixture
def sam(client):
    user = member_of("Sales", "sam", first_name="Sam", last_name="Seller")
    client.force_login(user)
    return user


def test_the_team_writes_a_saved_reply_and_a_mistyped_placeholder_is_named(client, sam):
    refused = client.post(ADD, {"title": "Call", "body": "Hi {firstname}", "sort_order": 0})
    assert refused.status_code == 200 and not SavedReply.objects.filter(title="Call").exists()
    assert "{firstname}" in html.unescape(refused.text), "the error names the mistyped one"

    assert client.post(ADD, {"title": "Call", "body": BODY, "sort_order": 0}).status_code == 302
    assert "Call" in client.get(reverse("contact_savedreply:index")).text


def test_a_saved_reply_comes_written_for_the_lead_and_is_sent_without_the_script(client, sam, smtp):
    SavedReply.objects.all().delete()  # only the team's own
    call = SavedReply.objects.create(title="Call", body=BODY)
    article = ArticleFactory(title="Hiring backend engineers in Tampere")
    aino = lead("Aino Virtanen", "Nordpay", source_article=article)
    run_jobs()
    smtp.messages.clear()

    page = html.unescape(client.get(edit_url(aino)).text)
    written = "Hi Aino,\nabout Nordpay and Hiring backend engineers in Tampere: shall we talk?\nSam"
    assert written in page, "the option carries the text as written for Aino"
    assert "js/saved-replies.js" in page

    triage(client, aino, saved_reply=call.pk, reply_subject="Re: your inquiry", reply="")
    run_jobs()
    [sent] = smtp.messages
    assert text_of(sent).startswith("Hi Aino,\nabout Nordpay")

    typed = "Thanks, see you then."
    triage(client, aino, saved_reply=call.pk, reply_subject="Re: your inquiry", reply=typed)
    run_jobs()
    assert text_of(smtp.messages[1]) == typed, "typed text wins"


def test_a_lead_from_no_article_and_a_saved_reply_deleted_meanwhile(client, sam):
    call = SavedReply.objects.create(title="Call", body="About {article}.")
    aino = lead("Aino Virtanen", "Nordpay")
    assert "About our website." in html.unescape(client.get(edit_url(aino)).text)

    gone = call.pk
    call.delete()
    response = client.post(edit_url(aino), {"status": "new", "saved_reply": gone, "note": ""})
    assert response.status_code == 200, "the page comes back saying what is wrong"
    assert "Select a valid choice" in response.text and not aino.messages.exists()


def test_only_sales_reach_the_saved_replies():
    SavedReply.objects.create(title="Call", body=BODY)
    editor = Client()
    editor.force_login(member_of("Editors", "eve"))
    assert editor.get(reverse("contact_savedreply:index")).status_code in (302, 403)
    assert editor.post(ADD, {"title": "Mine", "body": "x", "sort_order": 0}).status_code in (
        302, 403,
    )  # fmt: skip
    assert not SavedReply.objects.filter(title="Mine").exists()
