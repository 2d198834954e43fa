"""A day's lead triage inside the admin: reply, timeline, follow-ups, desk, owners, repeats,
pipeline and what each article brings in won work."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from contact.models import Inquiry
from contact.notifications import message_for
from tests.support.jobs import run_jobs
from tests.support.leads import LIST_URL, edit_url, lead, triage
from tests.support.people import member_of, menu_urls

PIPELINE_URL = reverse("contact_pipeline")
REPORT_URL = reverse("contact_leads_report")


def salesperson(username: str, first_name: str, last_name: str) -> User:
    user = member_of("Sales", username)
    user.first_name, user.last_name = first_name, last_name
    user.save()
    return user


@pytest.fixture
def sam(db) -> User:
    return salesperson("sam", "Sam", "Saarinen")


@pytest.fixture
def sally(db) -> User:
    return salesperson("sally", "Sally", "Sepp")


def rows(client, **query) -> str:
    return client.get(LIST_URL, query).text


@pytest.mark.django_db
def test_the_new_lead_email_replies_to_the_lead_and_links_to_it(article):
    inquiry = lead("Aino Virtanen", "Nordpay", source_article=article)
    message = message_for(inquiry)
    assert message.reply_to == ["Aino Virtanen <aino@nordpay.com>"]
    assert message.subject == "New inquiry from Nordpay: Ready to hand work off now"
    assert f"http://testserver{edit_url(inquiry)}" in message.body


@pytest.mark.django_db
def test_the_lead_page_offers_a_reply_with_the_subject_filled_in(client, sam):
    inquiry = lead("Aino Virtanen", "Nordpay")
    client.force_login(sam)
    html = client.get(edit_url(inquiry)).text
    assert "aino@nordpay.com" in html
    assert (
        'href="mailto:aino@nordpay.com?subject=Re%3A%20your%20project%20inquiry%20%28Nordpay%29"'
        in html
    )
    assert "Reply by e-mail" in html


@pytest.mark.django_db
def test_notes_are_kept_as_entries_and_changes_recorded_from_to(client, sam, sally):
    inquiry = lead("Aino Virtanen", "Nordpay")
    client.force_login(sam)
    triage(client, inquiry, note="Left a voicemail.")
    triage(client, inquiry, status="contacted", owner=sally.pk, note="Spoke; wants a proposal.")
    client.force_login(sally)
    triage(client, inquiry, next_step="Send proposal", next_step_on="2026-12-01")

    timeline = client.get(edit_url(inquiry)).text
    timeline = timeline[timeline.index("Timeline, newest first") :]
    timeline = timeline[: timeline.index("</ol>")]
    expected_newest_first = [
        "Next step due: — → 2026-12-01",
        "Next step: — → Send proposal",
        "Spoke; wants a proposal.",
        "Status: New → Contacted",
        "Owner: — → Sally Sepp",
        "Left a voicemail.",
        "Sent the contact form",
    ]
    positions = [timeline.index(escape(text)) for text in expected_newest_first]
    assert positions == sorted(positions), "newest first"
    entries = timeline.split("<li>")[1:]
    [one_save] = [e for e in entries if escape("Status: New → Contacted") in e]
    assert escape("Owner: — → Sally Sepp") in one_save, "one save, one entry with its changes"
    assert timeline.count("Sam Saarinen") == 3 and "Sally Sepp" in timeline


@pytest.mark.django_db
def test_a_save_without_changes_adds_nothing_to_the_timeline(client, sam):
    inquiry = lead("Aino Virtanen", "Nordpay")
    client.force_login(sam)
    triage(client, inquiry)
    html = client.get(edit_url(inquiry)).text
    assert "→" not in html[html.index("Timeline, newest first") :]


@pytest.mark.django_db
def test_follow_up_filters_and_sorting_by_next_step(client, sam, sally):
    today = timezone.localdate()
    lead("Due Today", "Acme", owner=sam, next_step_on=today)
    lead("Late One", "Bolt", owner=sally, next_step_on=today - timedelta(days=3))
    lead("Nobody's", "Cargo", next_step_on=today + timedelta(days=5))
    lead("Closed Late", "Delta", owner=sam, status="won", next_step_on=today - timedelta(days=9))
    client.force_login(sam)

    due = rows(client, follow_up="due_today")
    assert "Due Today" in due and "Late One" not in due and "Cargo" not in due
    overdue = rows(client, follow_up="overdue")
    assert "Late One" in overdue and "Due Today" not in overdue
    assert "Closed Late" not in overdue, "a won or lost lead is never overdue"
    unassigned = rows(client, follow_up="unassigned")
    assert "Cargo" in unassigned and "Acme" not in unassigned
    mine = rows(client, follow_up="mine")
    assert "Due Today" in mine and "Closed Late" in mine and "Late One" not in mine

    by_next_step = rows(client, ordering="next_step_on")
    order = [by_next_step.index(name) for name in ("Delta", "Bolt", "Acme", "Cargo")]
    assert order == sorted(order)


@pytest.mark.django_db
def test_the_sales_dashboard_shows_new_due_and_this_month(client, sam):
    today = timezone.localdate()
    lead("Fresh Lead", "Nordpay")
    lead("Mine Late", "Balticloud", owner=sam, status="contacted",
         next_step_on=today - timedelta(days=1), next_step="Call back")  # fmt: skip
    lead("Won Deal", "Cargo", owner=sam, status="won", deal_value=Decimal("24000"))
    client.force_login(sam)
    html = client.get(reverse("wagtailadmin_home")).text
    desk = html[html.index("Sales desk") :]
    new_part = desk[: desk.index("My leads due today or overdue")]
    assert "Fresh Lead" in new_part and "Mine Late" not in new_part
    assert "Mine Late" in desk and "Overdue" in desk and "Call back" in desk
    assert (
        "This month&#x27;s leads by status (3)" in desk
        or "This month's leads by status (3)" in desk
    )
    assert "€24,000" in desk
    assert "Search all pages" not in html, "Sales cannot use the page search"


@pytest.mark.django_db
def test_the_menu_counts_new_leads(client, sam):
    lead("One", "Acme")
    lead("Two", "Bolt")
    lead("Three", "Cargo", status="contacted")
    client.force_login(sam)
    assert "Inquiries (2 new)" in client.get(reverse("wagtailadmin_home")).text


@pytest.mark.django_db
def test_owners_are_sales_people_by_name_and_hear_of_their_lead(client, sam, sally):
    editor = member_of("Editors", "eddie")
    editor.first_name = "Eddie"
    editor.save()
    inquiry = lead("Aino Virtanen", "Nordpay")
    client.force_login(sam)
    html = client.get(edit_url(inquiry)).text
    select = re.search(r'<select name="owner".*?</select>', html, re.S).group(0)
    options = re.findall(r"<option[^>]*>([^<]*)</option>", select)
    assert options == ["Nobody yet", "Sally Sepp", "Sam Saarinen"]
    assert client.post(edit_url(inquiry), {"status": "new", "owner": editor.pk}).status_code == 200
    inquiry.refresh_from_db()
    assert inquiry.owner is None, "an editor cannot be made owner"

    mail.outbox.clear()
    triage(client, inquiry, owner=sally.pk)
    assert mail.outbox == [], "the e-mail goes through the background queue, not the request"
    run_jobs()
    assert [message.to for message in mail.outbox] == [["sally@example.com"]]
    assert "Lead assigned to you: Nordpay" in mail.outbox[0].subject
    assert edit_url(inquiry) in mail.outbox[0].body

    mail.outbox.clear()
    triage(client, inquiry, owner=sam.pk)  # taking it yourself tells nobody
    run_jobs()
    assert mail.outbox == []


@pytest.mark.django_db
def test_repeat_leads_are_flagged_in_list_page_and_email(client, sam):
    first = lead("Aino Virtanen", "Nordpay")
    first.created_at -= timedelta(days=30)
    first.save()
    same_company = lead("Pekka Nieminen", "Nordpay")  # pekka@nordpay.com
    Inquiry.objects.create(
        **{f: getattr(first, f) for f in ("name", "company", "role", "project", "work_definition",
                                          "documentation", "desired_start", "readiness")},
        email="aino.v@gmail.com",
    )  # fmt: skip
    stranger = Inquiry.objects.create(
        **{f: getattr(first, f) for f in ("role", "project", "work_definition", "documentation",
                                          "desired_start", "readiness")},
        name="Other Person", company="Elsewhere", email="someone@gmail.com",
    )  # fmt: skip
    client.force_login(sam)

    listing = client.get(LIST_URL).text
    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*Pekka Nieminen.*?</tr>", listing, re.S).group(0)
    assert "Repeat (1 earlier)" in row
    for name in ("Aino Virtanen", "Other Person"):
        row = re.search(rf"<tr[^>]*>(?:(?!</tr>).)*{name}.*?</tr>", listing, re.S).group(0)
        assert "Repeat" not in row, "the first lead, and personal-mail domains, are not repeats"
    assert "Repeat" not in client.get(edit_url(stranger)).text

    page = client.get(edit_url(same_company)).text
    assert "Repeat lead" in page and edit_url(first) in page
    message = message_for(same_company)
    assert message.subject.endswith("(repeat lead)")
    assert "Repeat lead: 1 earlier" in message.body and edit_url(first) in message.body


@pytest.mark.django_db
def test_the_pipeline_groups_leads_with_counts_and_value_and_moves_them(client, sam):
    lead("New One", "Acme", deal_value=Decimal("5000"))
    qualified = lead("Hot One", "Bolt", status="qualified", deal_value=Decimal("30000"))
    lead("Hot Two", "Cargo", status="qualified", deal_value=Decimal("12000"))
    client.force_login(sam)
    html = client.get(PIPELINE_URL).text
    column = html[html.index('id="stage-qualified"') : html.index('id="stage-won"')]
    assert "2 leads · €42,000" in column and "Bolt" in column and "Acme" not in column

    response = client.post(PIPELINE_URL, {"inquiry": qualified.pk, "status": "won"})
    assert response.status_code == 302
    qualified.refresh_from_db()
    assert qualified.status == "won"
    assert "Status: Qualified → Won" in client.get(edit_url(qualified)).text
    html = client.get(PIPELINE_URL).text
    assert "1 lead · €30,000" in html[html.index('id="stage-won"') :]

    for bad in ({"inquiry": "x", "status": "won"}, {"inquiry": qualified.pk, "status": "paid"},
                {"inquiry": 10**9, "status": "won"}):  # fmt: skip
        assert client.post(PIPELINE_URL, bad).status_code in (302, 404)
    qualified.refresh_from_db()
    assert qualified.status == "won"


@pytest.mark.django_db
def test_editors_get_no_pipeline_desk_or_lead_names(client):
    lead("Aino Virtanen", "Nordpay", status="won", deal_value=Decimal("1000"))
    editor = member_of("Editors", "eddie")
    client.force_login(editor)
    assert client.get(PIPELINE_URL).status_code in (302, 403)
    assert client.post(PIPELINE_URL, {"inquiry": 1, "status": "lost"}).status_code in (302, 403)
    assert PIPELINE_URL not in menu_urls(client)
    home = client.get(reverse("wagtailadmin_home")).text
    assert "Sales desk" not in home and "Aino Virtanen" not in home


@pytest.mark.django_db
def test_leads_by_article_follows_leads_to_won_value_with_correct_totals(client, sam, article):
    lead("A", "Acme", source_article=article, status="won", deal_value=Decimal("20000"))
    lead("B", "Bolt", source_article=article, status="qualified", deal_value=Decimal("9000"))
    was_qualified = lead("C", "Cargo", source_article=article, status="qualified")
    was_qualified.status = "lost"
    was_qualified.save()
    lead("D", "Delta", source_article=article)
    lead("E", "Echo", status="won", deal_value=Decimal("5000"))  # came to the form directly
    for user in (sam, member_of("Editors", "eddie")):
        client.force_login(user)
        html = client.get(REPORT_URL).text

        def cells(label: str, html: str = html) -> list[str]:
            row = re.search(rf'<th scope="row">{re.escape(label)}</th>(.*?)</tr>', html, re.S)
            return re.findall(r"<td>([^<]*)</td>", row.group(1))

        assert cells(escape(article.title)) == ["4", "3", "1", "€20,000", "25%"]
        assert cells("No article (came to the form directly)") == ["1", "1", "1", "€5,000", "100%"]
        assert cells("All sources") == ["5", "4", "2", "€25,000", "40%"]
        assert "Acme" not in html, "counts only, no personal data"

    client.force_login(sam)
    exported = client.get(REPORT_URL, {"export": "csv"})
    table = list(csv.DictReader(io.StringIO(b"".join(exported.streaming_content).decode())))
    assert table[0] == {"Article": article.title, "Leads": "4", "Qualified": "3", "Won": "1",
                        "Won value (EUR)": "20000.00"}  # fmt: skip


@pytest.mark.django_db
def test_list_shows_a_clear_source_and_exports_the_email_and_readable_times(client, sam, settings):
    settings.TIME_ZONE = "Europe/Helsinki"
    direct = lead("Direct Reader", "Acme")
    from_home = lead("Home Reader", "Bolt", landing_page="/")
    direct.created_at = datetime(2026, 11, 23, 20, 13, 46, 159719, tzinfo=UTC)
    direct.save()
    client.force_login(sam)
    listing = client.get(LIST_URL).text
    assert "Contact page, direct" in listing and "Home page" in listing
    assert from_home.source == "Home page"

    exported = client.get(LIST_URL, {"export": "csv"})
    table = list(csv.DictReader(io.StringIO(b"".join(exported.streaming_content).decode())))
    received = {row["Name"]: row["Received"] for row in table}
    assert received["Direct Reader"] == "2026-11-23T22:13:46+02:00"
    assert {row["Source"] for row in table} == {"Contact page, direct", "Home page"}
    assert {row["Work email"] for row in table} == {"direct@acme.com", "home@bolt.com"}


@pytest.mark.django_db
def test_the_list_pipeline_and_desk_cost_the_same_few_queries_for_many_leads(
    client, sam, article, django_assert_max_num_queries
):
    for number in range(40):
        lead(f"Lead{number} Person", f"Company{number % 7}", owner=sam if number % 2 else None,
             source_article=article if number % 3 else None, next_step_on=timezone.localdate(),
             status=["new", "contacted", "qualified", "won", "lost"][number % 5])  # fmt: skip
    client.force_login(sam)
    for url in (LIST_URL, PIPELINE_URL, reverse("wagtailadmin_home"), REPORT_URL):
        with django_assert_max_num_queries(25):
            assert client.get(url).status_code == 200, url
