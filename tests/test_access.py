"""Who gets in and what each role sees: login lockout that cannot be aimed at someone else,
rate-limited password reset, spreadsheet-safe exports, and roles kept apart by direct URL."""

import csv
import io

import openpyxl
import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from tests.support.leads import LIST_URL, lead
from tests.support.people import member_of

PASSWORD = "a-long-password-123"
PROXY = "10.0.0.1"  # the load balancer: every request arrives from it
FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"]


@pytest.fixture(autouse=True)
def behind_one_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    cache.clear()


def log_in(username: str, password: str, address: str, client: Client | None = None) -> Client:
    client = client or Client(REMOTE_ADDR=PROXY)
    client.defaults["HTTP_X_FORWARDED_FOR"] = address
    client.post("/admin/login/", {"username": username, "password": password})
    return client


def signed_in(client: Client) -> bool:
    return client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_strangers_guesses_never_lock_the_editor_out_of_their_own_address():
    member_of("Editors", "eddie")
    for attempt in range(8):  # rotating addresses, all through the same proxy
        assert not signed_in(log_in("eddie", "wrong", f"203.0.113.{attempt}"))
    assert signed_in(log_in("eddie", PASSWORD, "198.51.100.7"))


@pytest.mark.django_db
def test_a_distributed_guess_hits_a_ceiling_that_the_owners_own_browser_passes(settings):
    settings.LOGIN_UNKNOWN_DEVICE_LIMIT = 10
    member_of("Editors", "eddie")
    owners_browser = log_in("eddie", PASSWORD, "198.51.100.7")  # signed in before: known device
    assert signed_in(owners_browser)
    owners_browser.post(reverse("wagtailadmin_logout"))
    for attempt in range(30):  # 30 wrong passwords from 30 addresses
        assert not signed_in(log_in("eddie", "wrong", f"203.0.113.{attempt}"))
    assert not signed_in(log_in("eddie", PASSWORD, "203.0.113.99")), "the ceiling holds"
    assert not signed_in(log_in("EDDIE", PASSWORD, "192.0.2.1")), "whatever the case"
    assert signed_in(log_in("eddie", PASSWORD, "192.0.2.50", client=owners_browser))
    member_of("Editors", "other")
    assert signed_in(log_in("other", PASSWORD, "203.0.113.98")), "other users are not affected"


@pytest.mark.django_db
def test_forwarded_addresses_are_believed_only_from_a_trusted_proxy(client, settings):
    settings.CONTACT_RATE_LIMIT = 3
    from tests.support.leads import VALID

    direct = Client(REMOTE_ADDR="198.51.100.20")  # reached gunicorn without the proxy
    answers = [
        direct.post("/contact/", VALID, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(5)
    ]
    assert answers == [302, 302, 302, 429, 429], "one client, whatever it forwards"
    chain = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.7, 203.0.113.40, " + PROXY)
    assert [chain.post("/contact/", VALID).status_code for _ in range(4)][-1] == 429
    other = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.7, 203.0.113.41")
    assert other.post("/contact/", VALID).status_code == 302, "the right-most untrusted hop"


@pytest.mark.django_db
def test_repeated_failures_lock_that_username_from_that_address():
    member_of("Editors", "eddie")
    for _ in range(5):
        log_in("eddie", "wrong", "203.0.113.9")
    assert not signed_in(log_in("eddie", PASSWORD, "203.0.113.9")), "locked: right password too"
    assert signed_in(log_in("eddie", PASSWORD, "198.51.100.7"))


@pytest.mark.django_db
def test_password_reset_requests_are_rate_limited_per_address_and_per_email(settings):
    settings.PASSWORD_RESET_RATE_LIMIT = 3
    member_of("Editors", "eddie")
    url = reverse("wagtailadmin_password_reset")
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.5")
    for _ in range(3):
        assert client.post(url, {"email": "eddie@example.com"}).status_code == 302
    refused = client.post(url, {"email": "eddie@example.com"})
    assert refused.status_code == 429 and "Please wait an hour" in refused.text
    elsewhere = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert elsewhere.post(url, {"email": "EDDIE@example.com"}).status_code == 429, "per e-mail"
    assert elsewhere.post(url, {"email": "other@example.com"}).status_code == 302
    assert len(mail.outbox) == 3


def cells(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.mark.django_db
def test_csv_exports_neutralise_formulas_and_xlsx_keeps_them_as_text(client, article):
    for index, formula in enumerate(FORMULAS):
        lead(f"Lead{index} Person", formula)
    client.force_login(member_of("Sales", "sam"))
    rows = cells(client.get(LIST_URL, {"export": "csv"}))
    assert sorted(row["Company"] for row in rows) == sorted("'" + f for f in FORMULAS)

    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(client.get(LIST_URL, {"export": "xlsx"}).streaming_content))
    ).active
    companies = {row[3] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert companies == set(FORMULAS), "XLSX stores them as text, unchanged"

    Page.objects.filter(pk=article.pk).update(title="=1+1 Helsinki")
    lead("Aino Virtanen", "Nordpay", source_article=article)
    report = cells(client.get(reverse("contact_leads_report"), {"export": "csv"}))
    assert "'=1+1 Helsinki" in {row["Article"] for row in report}


CONTENT_URLS = [
    "/admin/choose-page/", "/admin/choose-page/search/?q=Helsinki", "/admin/choose-page/3/",
    "/admin/images/chooser/", "/admin/documents/chooser/", "/admin/embeds/chooser/",
    "/admin/snippets/choose/articles/author/", "/admin/snippets/choose/articles/city/",
    "/admin/api/main/pages/", "/admin/api/main/pages/?search=Helsinki",
    "/admin/bulk/wagtailcore/page/delete/?id=3", "/admin/tag-autocomplete/?term=h",
    "/admin/pages/search/?q=Helsinki", "/admin/images/", "/admin/documents/",
    # Closed by default, though no rule names them: Wagtail's reports, workflows, collections.
    reverse("wagtailadmin_reports:locked_pages"), reverse("wagtailadmin_reports:aging_pages"),
    reverse("wagtailadmin_reports:page_types_usage"), reverse("wagtailadmin_workflows:index"),
    reverse("wagtailadmin_collections:index"), reverse("wagtailsnippets:index"),
    reverse("wagtailadmin_explore_root"),
]  # fmt: skip


@pytest.mark.django_db
def test_sales_see_no_pages_drafts_images_documents_or_snippets_by_any_url(client):
    draft = Page.objects.filter(live=False).first()
    client.force_login(member_of("Sales", "sam"))
    for url in [*CONTENT_URLS, f"/admin/choose-page/{draft.pk}/"]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert draft.title not in response.text and "Helsinki" not in response.text, url
    assert client.get(LIST_URL).status_code == 200, "their own work stays open"


@pytest.mark.django_db
def test_editors_see_no_lead_data_in_site_history_or_its_export(client, leads_edited_by_sales):
    editor = member_of("Editors", "eddie")
    client.force_login(editor)
    history_url = reverse("wagtailadmin_reports:site_history")
    history = client.get(history_url)
    assert history.status_code == 200
    assert "Nordpay" not in history.text
    assert (
        "Nordpay"
        not in b"".join(client.get(history_url, {"export": "csv"}).streaming_content).decode()
    )
    inquiry_history = reverse("contact_inquiry:history", args=(leads_edited_by_sales.pk,))
    assert client.get(inquiry_history).status_code in (302, 403)
    assert client.get(LIST_URL, {"q": "Nordpay"}).status_code in (302, 403)
    report = client.get(reverse("contact_leads_report"))
    assert report.status_code == 200 and "Nordpay" not in report.text, "counts only"


@pytest.fixture
def leads_edited_by_sales(client):
    inquiry = lead("Aino Virtanen", "Nordpay")
    sales = member_of("Sales", "sam")
    client.force_login(sales)
    edit = reverse("contact_inquiry:edit", args=(inquiry.pk,))
    assert (
        client.post(edit, {"status": "contacted", "owner": "", "note": "Called."}).status_code
        == 302
    )
    assert "Nordpay" in client.get(reverse("wagtailadmin_reports:site_history")).text
    client.logout()
    return inquiry
