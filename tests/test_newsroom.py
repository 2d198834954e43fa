"""The editors' newsroom: what to write next, drafts, scheduled and recent articles on the
dashboard, and the article listing filtered by state."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from articles.admin.newsroom import PANEL_ROWS, TO_WRITE_SHOWN
from articles.models import ArticlePage
from tests.support import corpus
from tests.support.builders import ArticleFactory, CityFactory
from tests.support.people import member_of

LISTING = reverse("articles_articlepage:index")


def to_write() -> ArticlePage:
    """One of the drafts the importer made from a "More articles" title."""
    return ArticlePage.objects.filter(to_write=True).order_by("title").first()


def listed(client, state: str) -> set[str]:
    html = client.get(LISTING, {"state": state}).text
    return {title for title in ArticlePage.objects.values_list("title", flat=True)
            if escape(title) in html}  # fmt: skip


@pytest.fixture
def newsroom(db, blog):
    """The launch site plus one draft in progress and one scheduled article."""
    draft = ArticlePage(title="A Draft About Tartu", slug="tartu", intro="Tartu.")
    blog.add_child(instance=draft)
    draft.save_revision()
    ArticlePage.objects.filter(pk=draft.pk).update(live=False)
    soon = ArticlePage(title="Scheduled: Hiring in Oulu", slug="oulu", intro="Oulu.")
    blog.add_child(instance=soon)
    soon.go_live_at = timezone.now() + timedelta(days=1)
    soon.save_revision().publish()
    return {"draft": draft, "scheduled": soon}


def test_placeholders_from_more_articles_are_marked_to_write(newsroom):
    placeholders = ArticlePage.objects.filter(to_write=True)
    referenced = {title for seed in corpus.LAUNCH for title, _ in seed.more}
    assert set(placeholders.values_list("title", flat=True)) == referenced
    assert not placeholders.filter(live=True).exists()
    assert all(page.linked_from.exists() for page in placeholders)
    assert not ArticlePage.objects.filter(pk=newsroom["draft"].pk, to_write=True).exists()


def test_the_listing_filters_articles_by_state(client, editor, newsroom):  # noqa: F811
    client.force_login(editor)
    placeholder = to_write().title
    assert placeholder in listed(client, "to_write")
    assert "A Draft About Tartu" in listed(client, "draft")
    assert placeholder not in listed(client, "draft"), "a placeholder is not a draft in progress"
    assert listed(client, "scheduled") == {"Scheduled: Hiring in Oulu"}
    live = listed(client, "live")
    assert any(title.startswith("Helsinki Has 600") for title in live)
    assert "A Draft About Tartu" not in live and placeholder not in live
    assert client.get(LISTING, {"state": "bogus"}).status_code == 200


def test_the_dashboard_shows_the_newsroom(client, editor, newsroom):  # noqa: F811
    client.force_login(editor)
    for n in range(3):  # more than are shown; listed after the importer's (by title)
        ArticleFactory(published=False, to_write=True, title=f"Zeta placeholder {n}")
    html = client.get(reverse("wagtailadmin_home")).text
    room = html[html.index("Newsroom") :]
    placeholder = to_write()
    drafts = room[room.index("Drafts in progress") : room.index(">Scheduled<")]
    assert "A Draft About Tartu" in drafts and escape(placeholder.title) not in drafts
    scheduled = room[room.index(">Scheduled<") : room.index("Recently published")]
    assert "Scheduled: Hiring in Oulu" in scheduled and re.search(
        r"goes live \d+ \w+ 20\d\d, \d\d:\d\d \w+", scheduled
    ), "with its time zone"
    recent = room[room.index("Recently published") : room.index("Articles to write")]
    assert "Helsinki Has 600" in recent
    write_part = room[room.index("Articles to write") :]  # last: drafts and the schedule first
    assert escape(placeholder.title) in write_part
    assert escape(placeholder.linked_from.first().page.title) in write_part, "who links to it"
    shown, _, folded = write_part.partition("<details")
    waiting, row = ArticlePage.objects.filter(to_write=True).count(), 'class="newsroom__to-write"'
    assert waiting > TO_WRITE_SHOWN and shown.count(row) == TO_WRITE_SHOWN
    assert folded.count(row) == min(waiting, PANEL_ROWS) - min(waiting, TO_WRITE_SHOWN)


def test_the_listing_shows_and_filters_by_author_city_and_go_live(client, editor, newsroom):
    client.force_login(editor)
    tartu = ArticleFactory(title="Hiring in Tartu", city=CityFactory(name="Tartu"))
    html = client.get(LISTING).text
    assert escape(tartu.author.name) in html and ">Tartu<" in html
    by_city = client.get(LISTING, {"city": tartu.city_id}).text
    assert "Hiring in Tartu" in by_city and "Helsinki Has 600" not in by_city
    by_author = client.get(LISTING, {"author": tartu.author_id}).text
    assert "Hiring in Tartu" in by_author and "Helsinki Has 600" not in by_author
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    soon = client.get(LISTING, {"live_from": tomorrow, "live_to": tomorrow}).text
    assert "Scheduled: Hiring in Oulu" in soon and "Hiring in Tartu" not in soon
    assert client.get(LISTING, {"city": "x", "live_from": "never"}).status_code == 200


def test_the_listing_costs_the_same_with_more_articles(client, editor, newsroom):
    client.force_login(editor)
    ArticleFactory.create_batch(2)
    client.get(LISTING)  # warm: content types, site
    with CaptureQueriesContext(connection) as few:
        client.get(LISTING)
    ArticleFactory.create_batch(8)
    with CaptureQueriesContext(connection) as more:
        client.get(LISTING)
    extra = [q["sql"][:150] for q in more.captured_queries[len(few) :]]
    assert len(more) == len(few), ("author and city come with the articles", extra)


def test_publishing_a_placeholder_takes_it_off_the_list(newsroom):
    page = to_write()
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live and not page.to_write


@pytest.mark.django_db
def test_sales_get_no_newsroom(client):
    client.force_login(member_of("Sales", "sam"))
    assert "Newsroom" not in client.get(reverse("wagtailadmin_home")).text
    assert client.get(LISTING).status_code in (302, 403)
