"""Work in bulk on the Inquiries list: tick leads, then assign, change status or export them."""

import csv
import io

import pytest
from wagtail.models import ModelLogEntry

from contact.models import LostReason
from tests.support.leads import LIST_URL, lead
from tests.support.people import member_of

pytestmark = pytest.mark.django_db


def bulk(action: str, *leads) -> str:
    ids = "&".join(f"id={one.pk}" for one in leads)
    return f"/admin/bulk/contact/inquiry/{action}/?{ids}&next={LIST_URL}"


def test_the_list_offers_checkboxes_and_the_bulk_actions(client, sam):
    lead("Aino Virtanen", "Nordpay")
    html = client.get(LIST_URL).text
    assert "data-bulk-action-checkbox" in html
    for action in ("assign", "status", "export"):
        assert f"/admin/bulk/contact/inquiry/{action}/" in html


def test_ticked_leads_are_assigned_together_and_each_timeline_says_so(client, sam):
    kim = member_of("Sales", "kim")
    aino, mart, other = (
        lead("Aino Virtanen", "Nordpay"),
        lead("Mart Tamm", "Tamm"),
        lead("Liis Kask", "Kask"),
    )
    confirm = client.get(bulk("assign", aino, mart)).text
    assert "Nordpay" in confirm and "Tamm" in confirm and "Kask" not in confirm
    response = client.post(bulk("assign", aino, mart), {"owner": kim.pk})
    assert response.status_code == 302
    for one in (aino, mart, other):
        one.refresh_from_db()
    assert (aino.owner, mart.owner, other.owner) == (kim, kim, None)
    assert ModelLogEntry.objects.for_instance(mart).filter(action="contact.change").count() == 1


def test_a_bulk_move_to_lost_needs_a_reason(client, sam):
    aino, mart = lead("Aino Virtanen", "Nordpay"), lead("Mart Tamm", "Tamm")
    page = client.post(bulk("status", aino, mart), {"status": "lost"})
    assert page.status_code == 200 and "Say why the deals were lost." in page.text
    aino.refresh_from_db()
    assert aino.status == "new"
    timing = LostReason.objects.get(name="Timing")
    client.post(bulk("status", aino, mart), {"status": "lost", "lost_reason": timing.pk})
    mart.refresh_from_db()
    assert (mart.status, mart.lost_reason) == ("lost", timing)


def test_export_of_the_ticked_leads_holds_only_them(client, sam):
    aino, mart = lead("Aino Virtanen", "Nordpay"), lead("Mart Tamm", "Tamm")
    lead("Liis Kask", "Kask")
    response = client.get(bulk("export", aino, mart), follow=True)
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert sorted(row["Name"] for row in rows) == ["Aino Virtanen", "Mart Tamm"]


def test_editors_cannot_change_leads_in_bulk(client):
    client.force_login(member_of("Editors", "eve"))
    aino = lead("Aino Virtanen", "Nordpay")
    client.post(bulk("status", aino), {"status": "won"})
    aino.refresh_from_db()
    assert aino.status == "new"
