"""A pipeline that forecasts: stage probabilities, weighted value by expected close month, a
stale flag, time in stage, and a lost reason required for every lost deal."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from contact.models import LostReason
from tests.support.leads import edit_url, lead, triage

pytestmark = pytest.mark.django_db
PIPELINE = reverse("contact_pipeline")


def forecast_rows(html: str) -> dict[str, list[str]]:
    table = html.split('id="forecast-heading"')[1].split("</table>")[0]
    rows = re.findall(r'<th scope="row">([^<]+)</th>((?:<td>[^<]*</td>)+)', table)
    return {month: re.findall(r"<td>([^<]*)</td>", cells) for month, cells in rows}


def test_open_deals_are_weighted_by_stage_in_their_expected_close_month(client, sam):
    today = timezone.localdate()
    next_month = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    lead("Aino Virtanen", "Nordpay", status="qualified", deal_value=Decimal("10000"),
         expected_close_on=today)  # fmt: skip
    lead("Mart Tamm", "Balticloud", status="contacted", deal_value=Decimal("8000"),
         expected_close_on=next_month)  # fmt: skip
    lead("Late Deal", "Overdue", status="qualified", deal_value=Decimal("2000"),
         expected_close_on=today - timedelta(days=60))  # late: counted this month  # fmt: skip
    lead("Won Already", "Done", status="won", deal_value=Decimal("5000"), expected_close_on=today)
    rows = forecast_rows(client.get(PIPELINE).text)
    this = rows[today.strftime("%B %Y")]
    assert this == ["2", "€12,000", "€6,000"]  # 50 % of 10,000 and of 2,000
    assert rows[next_month.strftime("%B %Y")] == ["1", "€8,000", "€2,000"]  # 25 %


def test_a_deal_sitting_too_long_in_its_stage_is_flagged_and_a_move_restarts_its_clock(client, sam):
    waiting = lead("Aino Virtanen", "Nordpay")
    waiting.stage_since = timezone.now() - timedelta(days=3)  # New may wait 2 days
    waiting.save()
    fresh = lead("Mart Tamm", "Balticloud")
    html = client.get(PIPELINE).text
    card = lambda company: html.split(company)[1].split("</li>")[0]  # noqa: E731
    assert "Stale" in card("Nordpay") and "Stale" not in card("Balticloud")
    assert "In this stage for 3\xa0days" in card("Nordpay")

    client.post(PIPELINE, {"inquiry": waiting.pk, "status": "contacted"})
    waiting.refresh_from_db()
    assert timezone.now() - waiting.stage_since < timedelta(minutes=1)
    assert fresh.stage_since <= timezone.now()


def test_a_deal_is_lost_only_with_a_reason_and_the_reasons_are_summed(client, sam):
    aino, mart = lead("Aino Virtanen", "Nordpay"), lead("Mart Tamm", "Balticloud")
    response = client.post(PIPELINE, {"inquiry": aino.pk, "status": "lost"}, follow=True)
    assert "Say why the deal was lost" in response.text
    aino.refresh_from_db()
    assert aino.status == "new"

    price = LostReason.objects.get(name="Price")
    client.post(PIPELINE, {"inquiry": aino.pk, "status": "lost", "lost_reason": price.pk})
    page = client.post(edit_url(mart), {"status": "lost", "owner": "", "note": ""})
    assert "Say why the deal was lost." in page.text, "the lead page asks too"
    triage(client, mart, status="lost", lost_reason=price.pk)
    aino.refresh_from_db()
    assert (aino.status, aino.lost_reason) == ("lost", price)
    summary = client.get(PIPELINE).text.split("Won and lost")[1]
    assert re.search(r"<th scope=\"row\">Price</th><td>2</td>", summary)


def test_the_team_edits_its_list_of_lost_reasons(client, sam):
    client.post(reverse("contact_lostreason:add"), {"name": "Budget frozen", "sort_order": 9})
    assert LostReason.objects.filter(name="Budget frozen").exists()
    assert "Budget frozen" in client.get(PIPELINE).text
