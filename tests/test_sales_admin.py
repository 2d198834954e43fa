"""Sales triage leads in the Wagtail admin; editors never see them."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from contact.models import Inquiry
from tests.support.leads import LIST_URL, lead
from tests.support.people import member_of, menu_urls


@pytest.fixture
def sales(db) -> User:
    return member_of("Sales", "sam")


@pytest.fixture
def leads(article) -> list[Inquiry]:
    return [
        lead("Aino Virtanen", "Nordpay", source_article=article),
        lead("Mart Tamm", "Balticloud", work="conversations", docs="none", status="contacted"),
    ]


@pytest.mark.django_db
def test_sales_sees_inquiries_menu_and_list(client, sales, leads):
    client.force_login(sales)
    assert LIST_URL in menu_urls(client)
    html = client.get(LIST_URL).text
    assert "Aino Virtanen" in html and "Balticloud" in html
    assert "Ready to hand work off now" in html
    assert escape(leads[0].source_article.title) in html


@pytest.mark.django_db
def test_sales_filters_and_searches(client, sales, leads):
    client.force_login(sales)
    contacted = client.get(LIST_URL, {"status": "contacted"}).text
    assert "Mart Tamm" in contacted and "Aino Virtanen" not in contacted
    ready = client.get(LIST_URL, {"readiness": "ready"}).text
    assert "Aino Virtanen" in ready and "Mart Tamm" not in ready
    by_article = client.get(LIST_URL, {"source_article": leads[0].source_article_id}).text
    assert "Aino Virtanen" in by_article and "Mart Tamm" not in by_article
    searched = client.get(LIST_URL, {"q": "balticloud"}).text
    assert "Mart Tamm" in searched and "Aino Virtanen" not in searched


@pytest.mark.django_db
def test_sales_exports_the_filtered_list_as_csv_and_xlsx(client, sales, leads):
    client.force_login(sales)
    response = client.get(LIST_URL, {"export": "csv", "status": "contacted"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Name"] for row in rows] == ["Mart Tamm"]
    assert rows[0]["Readiness"] == "Build the foundation first"
    assert rows[0]["Work email"] == "mart@balticloud.com" and rows[0]["Status"] == "Contacted"

    response = client.get(LIST_URL, {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    names = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {"Aino Virtanen", "Mart Tamm"}


@pytest.mark.django_db
def test_sales_triages_but_cannot_change_what_the_reader_sent(client, sales, leads):
    client.force_login(sales)
    url = reverse("contact_inquiry:edit", args=(leads[0].pk,))
    page = client.get(url)
    assert page.status_code == 200 and "aino@nordpay.com" in page.text
    response = client.post(
        url,
        {"status": "qualified", "owner": sales.pk, "note": "Call on Monday.", "name": "Hacked"},
    )
    assert response.status_code == 302
    leads[0].refresh_from_db()
    assert (leads[0].status, leads[0].owner) == ("qualified", sales)
    assert "Call on Monday." in client.get(url).text
    assert leads[0].name == "Aino Virtanen"


@pytest.mark.django_db
def test_sales_sees_nothing_of_pages(client, sales):
    client.force_login(sales)
    assert client.get(reverse("wagtailadmin_explore_root")).status_code in (302, 403)
    assert not any(url.startswith("/admin/pages/") for url in menu_urls(client))


@pytest.mark.django_db
def test_editors_get_no_menu_item_and_are_refused_the_list(client, leads):
    editor = member_of("Editors", "eddie")
    client.force_login(editor)
    assert LIST_URL not in menu_urls(client)
    assert reverse("contact_leads_report") in menu_urls(client)
    for url in (LIST_URL, reverse("contact_inquiry:edit", args=(leads[0].pk,))):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "Aino Virtanen" not in client.get(url, follow=True).text
    export = client.get(LIST_URL, {"export": "csv"})
    assert export.status_code in (302, 403)


@pytest.mark.django_db
def test_leads_by_article_report_for_editors_and_sales(client, sales, leads):
    url = reverse("contact_leads_report")
    for user in (sales, member_of("Editors", "eddie")):
        client.force_login(user)
        html = client.get(url).text
        assert escape(leads[0].source_article.title) in html
        assert "No article (came to the form directly)" in html
        assert "Aino Virtanen" not in html, "counts only, no personal data"
    client.logout()
    assert client.get(url).status_code == 302


@pytest.mark.django_db
def test_leads_by_article_has_the_period_filter_of_content_performance(client, sales, article):
    recent = lead("Aino Virtanen", "Nordpay", source_article=article, status="won",
                  deal_value=12000)  # fmt: skip
    old = lead("Ola Nord", "Fjordly", source_article=article)
    Inquiry.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))
    client.force_login(sales)
    url = reverse("contact_leads_report")

    def totals(**query) -> list[str]:
        rows = list(
            csv.DictReader(
                io.StringIO(
                    b"".join(client.get(url, {**query, "export": "csv"}).streaming_content).decode()
                )
            )
        )
        return [row["Leads"] for row in rows if row["Article"] == article.title]  # fmt: skip

    assert totals() == ["2"]
    assert totals(period="30") == ["1"]
    since = (timezone.localdate() - timedelta(days=45)).isoformat()
    until = (timezone.localdate() - timedelta(days=35)).isoformat()
    assert totals(created_at_from=since, created_at_to=until) == ["1"]
    page = client.get(url, {"period": "7"}).text
    assert "€12,000" in page and recent.name not in page
