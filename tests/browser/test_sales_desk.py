"""A Sales user's morning in Chromium: the desk on the dashboard, the pipeline, a lead moved on."""

import re
from decimal import Decimal
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.support.leads import LIST_URL, edit_url, lead

SHOTS = Path("build/screenshots")


def shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 768):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(500)  # the admin sidebar animates to its width
        page.screenshot(path=SHOTS / f"sales-{name}-{width}.png", full_page=True)


def test_sales_works_from_the_desk_and_the_pipeline(page: Page, site, login):
    sam = login("Sales", "sam")
    lead("Aino Virtanen", "Nordpay", deal_value=Decimal("18000"))
    lead("Mart Tamm", "Balticloud", status="contacted", owner=sam,
              next_step_on=timezone.localdate(), next_step="Send the proposal")  # fmt: skip
    page.goto(f"{site.url}/admin/")
    desk = page.get_by_role("region", name="Sales desk")
    expect(desk).to_contain_text("Aino Virtanen, Nordpay")
    expect(desk).to_contain_text("Send the proposal")
    expect(page.get_by_role("link", name="Inquiries (1 new)")).to_be_visible()
    shoot(page, "dashboard")

    page.get_by_role("link", name="Open the pipeline").click()
    page.get_by_label("Status of Nordpay").select_option(label="Qualified")
    page.get_by_role("button", name="Move").first.click()
    qualified = page.get_by_role("region", name="Qualified")
    expect(qualified).to_contain_text("Nordpay")
    expect(qualified).to_contain_text(re.compile(r"1 lead · €18,000"))
    shoot(page, "pipeline")

    qualified.get_by_role("link", name=re.compile("Nordpay")).click()
    expect(page.get_by_role("list", name="Timeline, newest first")).to_contain_text(
        "Status: New → Qualified"
    )
    shoot(page, "lead")


def test_sales_answers_a_lead_from_a_saved_reply_on_a_phone(page: Page, site, login, smtp):
    from contact.models import SavedReply

    login("Sales", "sam")
    SavedReply.objects.create(title="Book a call", body="Hi {first_name}, shall we talk?")
    aino = lead("Aino Virtanen", "Nordpay")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{site.url}{edit_url(aino)}")
    message = page.get_by_label("Write to the lead")
    page.get_by_label("Start from a saved reply").select_option(label="Book a call")
    expect(message).to_have_value("Hi Aino, shall we talk?")
    expect(message).to_be_focused()
    message.fill("Hello Aino.")
    page.get_by_label("Start from a saved reply").select_option(label="Book a call")
    expect(message).to_have_value("Hello Aino.\n\nHi Aino, shall we talk?"), "nothing typed lost"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.get_by_label("Start from a saved reply").scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "sales-lead-compose-375.png")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Inquiries")).to_be_visible()
    page.goto(f"{site.url}{edit_url(aino)}")
    expect(page.get_by_role("list", name="Timeline, newest first")).to_contain_text(
        re.compile(r"Hello Aino\.\s*Hi Aino, shall we talk\?")
    )


def test_sales_saves_the_filtered_list_as_a_view(page: Page, site, login):
    login("Sales", "sam")
    lead("Aino Virtanen", "Nordpay", status="qualified")
    lead("Mart Tamm", "Balticloud")
    page.goto(f"{site.url}{LIST_URL}?status=qualified")
    page.get_by_label("Save these filters as").fill("Qualified")
    page.get_by_role("button", name="Save view").click()
    views = page.get_by_role("navigation", name="Saved views")
    expect(views.get_by_role("link", name="Qualified")).to_have_attribute("aria-current", "page")
    page.get_by_role("link", name="My open leads").click()
    expect(page.get_by_text("Balticloud")).to_have_count(0)
    page.get_by_role("link", name="Qualified").click()
    expect(page.get_by_role("cell", name="Nordpay", exact=True)).to_be_visible()
    expect(page.get_by_role("cell", name="Balticloud", exact=True)).to_have_count(0)
    shoot(page, "saved-views")
    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path=SHOTS / "sales-saved-views-375.png", full_page=True)


def test_sales_drags_a_deal_between_stages_and_lost_asks_why(page: Page, site, login):
    from contact.models import LostReason

    login("Sales", "sam")
    LostReason.objects.create(name="Went with another vendor")
    aino = lead("Aino Virtanen", "Nordpay")
    page.goto(f"{site.url}/admin/pipeline/")
    card = page.get_by_role("listitem").filter(has_text="Nordpay")
    expect(card).to_have_attribute("draggable", "true")  # the script is there
    card.drag_to(page.get_by_role("region", name="Qualified"), source_position={"x": 4, "y": 4})
    expect(page.get_by_role("region", name="Qualified")).to_contain_text("Nordpay")
    aino.refresh_from_db()
    assert aino.status == "qualified"

    card = page.get_by_role("region", name="Qualified").get_by_role("listitem")
    card.drag_to(page.get_by_role("region", name="Lost"), source_position={"x": 4, "y": 4})
    reason = page.get_by_label("Why Nordpay was lost (when moved to Lost)")
    expect(reason).to_be_focused()
    aino.refresh_from_db()
    assert aino.status == "qualified", "not lost until a reason is given"
    reason.select_option(label="Went with another vendor")
    card.get_by_role("button", name="Move").click()
    expect(page.get_by_role("region", name="Lost")).to_contain_text("Nordpay")
    shoot(page, "pipeline-dragged")
    page.goto(f"{site.url}{edit_url(aino)}")
    expect(page.get_by_role("list", name="Timeline, newest first")).to_contain_text(
        "Status: Qualified → Lost"
    )
