"""Companies: leads from one company domain are one record with their e-mails and won value;
addresses at personal mail providers make none."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from contact.models import LeadMessage
from tests.support.leads import edit_url, lead
from tests.support.people import member_of

pytestmark = pytest.mark.django_db


def test_a_companys_leads_conversations_and_won_value_are_one_record(client, sam):
    first = lead("Aino Virtanen", "Nordpay", status="won", deal_value=24000)
    second = lead("Mikko Laine", "Nordpay Oy", email="mikko@nordpay.com", owner=sam)
    lead("Mart Tamm", "Balticloud")
    lead("Private Person", "Hobby", email="someone@gmail.com")
    LeadMessage.objects.create(inquiry=second, subject="Re: API", body="Thursday?",
                               message_id="<a.1@example.com>", state="sent")  # fmt: skip

    companies = client.get(reverse("contact_companies")).text
    assert "nordpay.com" in companies and "balticloud.com" in companies
    assert "gmail.com" not in companies, "a personal mail provider is no company"

    page = client.get(reverse("contact_company", args=("nordpay.com",))).text
    assert "2 leads, 1 open, €24,000 won." in page
    assert escape(first.name) in page and escape(second.name) in page
    assert "Mart Tamm" not in page
    assert reverse("contact_company", args=("nordpay.com",)) in client.get(edit_url(second)).text
    assert client.get(reverse("contact_company", args=("gmail.com",))).status_code == 404
    assert client.get(reverse("contact_company", args=("no-such.example",))).status_code == 404


def test_only_sales_see_companies():
    lead("Aino Virtanen", "Nordpay")
    editor = Client()
    editor.force_login(member_of("Editors", "eve"))
    assert editor.get(reverse("contact_companies")).status_code in (302, 403)
    assert editor.get(reverse("contact_company", args=("nordpay.com",))).status_code in (302, 403)
