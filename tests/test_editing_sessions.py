"""The editor's "new version" warning comes from another window or another editor, never from
the window's own autosave landing while its ping was on the way (config/patches.py, 5)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession

from tests.support.builders import ArticleFactory
from tests.support.people import member_of

pytestmark = pytest.mark.django_db
WINDOW = 1  # this window's editing session


@pytest.fixture
def draft():
    return ArticleFactory(published=False)


def ping(client, page, revision, session_id: int = WINDOW) -> list[dict]:
    """What Wagtail's editor pings with: the revision the window last heard of."""
    url = reverse(
        "wagtailadmin_editing_sessions:ping", args=("wagtailcore", "page", page.pk, session_id)
    )
    response = client.post(url, {
        "revision_id": revision.pk, "revision_created_at": revision.created_at.isoformat(),
        "is_editing": "1",
    })  # fmt: skip
    assert response.status_code == 200
    return response.json()["other_sessions"]


def newer_versions(sessions: list[dict]) -> list[dict]:
    return [session for session in sessions if session["revision_id"]]


def autosave(page, user, revision=None):
    """A revision the way Wagtail's autosave writes one: new, or the window's own overwritten."""
    page.refresh_from_db()
    page.title += "!"
    return page.save_revision(user=user, overwrite_revision=revision)


def test_the_windows_own_autosave_is_not_a_new_version(client, editor, draft):
    client.force_login(editor)
    heard_of = draft.get_latest_revision()
    first = autosave(draft, editor)  # landed while the ping was on its way
    assert newer_versions(ping(client, draft, heard_of)) == []

    autosave(draft, editor, revision=first)  # the same revision, written again
    assert newer_versions(ping(client, draft, first)) == []


def test_another_editors_save_is_still_a_new_version(client, editor, draft):
    client.force_login(editor)
    heard_of = draft.get_latest_revision()
    colleague = member_of("Editors", "colleague")
    autosave(draft, colleague)
    [newer] = newer_versions(ping(client, draft, heard_of))
    assert newer["user"] == "colleague"


def test_a_save_from_the_editors_other_window_is_still_a_new_version(client, editor, draft):
    client.force_login(editor)
    heard_of = draft.get_latest_revision()
    other_window = EditingSession.objects.create(
        user=editor, content_object=draft.page_ptr, last_seen_at=timezone.now(), is_editing=True
    )
    autosave(draft, editor)
    assert newer_versions(ping(client, draft, heard_of, session_id=other_window.pk + 1))


def test_a_window_closed_long_ago_does_not_count_as_another(client, editor, draft):
    client.force_login(editor)
    heard_of = draft.get_latest_revision()
    EditingSession.objects.create(
        user=editor, content_object=draft.page_ptr,
        last_seen_at=timezone.now() - timedelta(hours=2), is_editing=False,
    )  # fmt: skip
    autosave(draft, editor)
    assert newer_versions(ping(client, draft, heard_of, session_id=999)) == []
