"""An editor schedules an article in one step, in the site's time zone, and is never told of a
"new version in another window" that only their own autosave made."""

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from tests.support.builders import ArticleFactory
from tests.support.editing import open_editor

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path("build/screenshots")
ZONE = "Europe/Helsinki"
CONFLICT = re.compile("new version in another window")


def is_autosave(request) -> bool:
    return request.method == "POST" and "application/json" in request.headers.get("accept", "")


def is_full_save(request) -> bool:
    return request.method == "POST" and "/edit/" in request.url and not is_autosave(request)


def open_schedule_dialog(page: Page):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Schedule…").click()
    return page.get_by_role("dialog", name="Schedule publication")


def test_editor_schedules_in_one_step_in_the_sites_time_zone(page: Page, site, login, settings):
    settings.TIME_ZONE = ZONE
    article = ArticleFactory(published=False)
    login("Editors", "eddie")
    page.set_viewport_size({"width": 1280, "height": 900})
    open_editor(page, f"{site.url}/admin/pages/{article.pk}/edit/")
    with page.expect_response(lambda r: is_autosave(r.request)):
        page.locator("#id_title").fill("Hiring backend engineers in Oulu")  # autosaved

    dialog = open_schedule_dialog(page)
    expect(dialog.get_by_text(re.compile(rf"{ZONE} \(EET, UTC\+02:00\)"))).to_be_visible()
    when = dialog.get_by_label("Goes live at")
    when.fill("2020-01-05T09:30")
    dialog.get_by_role("button", name="Schedule", exact=True).click()
    expect(dialog.locator("[role=alert]")).to_contain_text("passed")  # kept open, nothing sent
    when.fill("2031-01-05T09:30")
    expect(dialog.get_by_text(f"Goes live on 5 Jan 2031, 09:30 ({ZONE})")).to_be_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / "editor-schedule-1280.png")
    page.set_viewport_size({"width": 375, "height": 812})
    expect(dialog.get_by_role("button", name="Schedule", exact=True)).to_be_in_viewport()
    page.screenshot(path=SHOTS / "editor-schedule-375.png")
    dialog.get_by_role("button", name="Schedule", exact=True).click()

    expect(page.get_by_text(re.compile("has been scheduled for publishing"))).to_be_visible()
    article.refresh_from_db()
    assert not article.live
    assert article.title == "Hiring backend engineers in Oulu", "the typed title went with it"
    assert article.get_latest_revision().approved_go_live_at == datetime(
        2031, 1, 5, 9, 30, tzinfo=ZoneInfo(ZONE)
    )

    with page.expect_response(lambda r: "/editing-sessions/ping/" in r.url):
        page.goto(f"{site.url}/admin/pages/{article.pk}/edit/")
    page.locator("[data-side-panel-toggle=status]").click()
    expect(page.get_by_text("5 Jan 2031, 09:30 EET").first).to_be_visible()
    expect(page.get_by_text(CONFLICT)).to_have_count(0)
    page.wait_for_timeout(400)  # the side panel slides in
    page.screenshot(path=SHOTS / "editor-scheduled-status-1280.png")


def test_a_save_sent_while_an_autosave_is_on_its_way_waits_for_it(page: Page, site, login):
    article = ArticleFactory(published=False)
    revisions = article.revisions.count()
    login("Editors", "eddie")
    open_editor(page, f"{site.url}/admin/pages/{article.pk}/edit/")
    held, full_saves = [], []
    page.on("request", lambda request: full_saves.append(request) if is_full_save(request) else 0)
    page.route("**/edit/", lambda route: held.append(route) if is_autosave(route.request)
               else route.continue_())  # fmt: skip

    page.locator("#id_title").fill("Hiring backend engineers in Tampere")
    for _ in range(100):  # an autosave is on its way
        if held:
            break
        page.wait_for_timeout(100)
    dialog = open_schedule_dialog(page)
    dialog.get_by_label("Goes live at").fill("2031-02-01T08:00")
    dialog.get_by_role("button", name="Schedule", exact=True).click()
    page.wait_for_timeout(500)  # time enough for the browser to have sent it
    assert full_saves == [], "the schedule waits for the autosave"

    held[0].continue_()
    expect(page.get_by_text(re.compile("has been scheduled for publishing"))).to_be_visible()
    assert len(full_saves) == 1
    assert len(held) == 1, "no autosave after the full save"
    article.refresh_from_db()
    assert article.title == "Hiring backend engineers in Tampere"
    assert article.revisions.count() == revisions + 2  # the autosave's, the schedule's
