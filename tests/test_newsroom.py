"""The editors' newsroom: what to write next, drafts, scheduled and recent articles on the
dashboard, and the article listing filtered by state."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from articles.models import ArticlePage
from tests.support import corpus
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
    html = client.get(reverse("wagtailadmin_home")).text
    room = html[html.index("Newsroom") :]
    placeholder = to_write()
    write_part = room[: room.index("Drafts in progress")]
    assert escape(placeholder.title) in write_part
    assert escape(placeholder.linked_from.first().page.title) in write_part, "who links to it"
    drafts = room[room.index("Drafts in progress") : room.index(">Scheduled<")]
    assert "A Draft About Tartu" in drafts and escape(placeholder.title) not in drafts
    scheduled = room[room.index(">Scheduled<") : room.index("Recently published")]
    assert "Scheduled: Hiring in Oulu" in scheduled and re.search(
        r"goes live \d+ \w+ 20\d\d", scheduled
    )
    recent = room[room.index("Recently published") :]
    assert "Helsinki Has 600" in recent


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
