"""Editors write, preview, schedule and publish articles in the Wagtail admin."""

import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import rich_text

from articles.models import ArticlePage, Author
from tests.support.builders import CityFactory
from tests.support.editing import add_url, article_form
from tests.support.people import member_of


@pytest.mark.django_db
def test_editor_publishes_an_article_readers_then_see(client, editor, blog):
    author, city = Author.objects.get(name="Eric Hanson"), CityFactory(name="Berlin")
    client.force_login(editor)
    assert client.get(add_url(blog)).status_code == 200

    response = client.post(add_url(blog), {**article_form(author, city), "action-publish": "1"})
    assert response.status_code == 302, response.content[:2000]

    page = ArticlePage.objects.get(slug="why-berlin-startups-contract-their-backend")
    assert page.live and page.owner == editor
    public = client.get("/blog/why-berlin-startups-contract-their-backend/")
    assert public.status_code == 200
    assert '<h2 id="the-market">The market</h2>' in public.text
    assert sorted(topic.name for topic in page.topics.all()) == ["Contracting", "Hiring"]


@pytest.mark.django_db
def test_editor_saves_a_draft_and_previews_it(client, editor, blog):
    author, city = Author.objects.get(name="Eric Hanson"), CityFactory(name="Berlin")
    client.force_login(editor)
    client.post(add_url(blog), article_form(author, city))
    page = ArticlePage.objects.get(slug="why-berlin-startups-contract-their-backend")
    assert not page.live
    assert client.get("/blog/why-berlin-startups-contract-their-backend/").status_code == 404

    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    edited = article_form(author, city, title="Berlin, previewed")
    assert client.post(preview_url, edited).json()["is_valid"]
    preview = client.get(preview_url)
    assert preview.status_code == 200
    assert re.search(r"<h1 id=\"page-title\"[^>]*>Berlin, previewed</h1>", preview.text)


@pytest.mark.django_db
def test_editor_schedules_an_article_for_later(client, editor, blog):
    author, city = Author.objects.get(name="Eric Hanson"), CityFactory(name="Berlin")
    client.force_login(editor)
    go_live = (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    form = article_form(author, city, go_live_at=go_live)
    client.post(add_url(blog), {**form, "action-publish": "1"})

    page = ArticlePage.objects.get(slug="why-berlin-startups-contract-their-backend")
    assert not page.live
    assert page.scheduled_revision is not None
    assert client.get("/blog/why-berlin-startups-contract-their-backend/").status_code == 404


@pytest.mark.django_db
def test_editor_keeps_authors_offices_and_call_to_action_up_to_date(client, editor):
    client.force_login(editor)
    for model in ("author", "city", "office", "calltoaction"):
        url = reverse(f"wagtailsnippets_articles_{model}:list")
        assert client.get(url).status_code == 200, model
    response = client.post(
        reverse("wagtailsnippets_articles_author:add"),
        {
            "name": "Maria Tamm",
            "slug": "",
            "role": "Staff Engineer",
            "company": "",
            "bio": rich_text(""),
        },
    )
    assert response.status_code == 302
    assert Author.objects.get(name="Maria Tamm").slug == "maria-tamm"


@pytest.mark.django_db
def test_groups_grant_what_their_role_needs(editor, article):
    moderator = member_of("Moderators", "mo")
    assert article.permissions_for_user(editor).can_publish()
    assert editor.has_perms(["articles.change_calltoaction", "articles.add_office"])
    assert not editor.has_perm("articles.delete_calltoaction")
    assert moderator.has_perm("articles.delete_calltoaction")
    assert article.permissions_for_user(moderator).can_lock()


@pytest.mark.django_db
def test_roles_come_back_to_what_is_declared_after_a_change_by_hand(editor, article):
    """An administrator clears the Editors' rights and hands Sales an image permission in the
    group editor; `sync_roles` (run after every migrate) puts both back."""
    editors, sales = Group.objects.get(name="Editors"), Group.objects.get(name="Sales")
    editors.permissions.clear()
    GroupPagePermission.objects.filter(group=editors).delete()
    sales.permissions.add(Permission.objects.get(codename="add_image"))
    assert not article.permissions_for_user(User.objects.get(pk=editor.pk)).can_publish()

    out = io.StringIO()
    call_command("sync_roles", stdout=out)
    assert "Editors: permissions" in out.getvalue() and "Sales: permissions" in out.getvalue()
    editor = User.objects.get(pk=editor.pk)  # permissions are cached per user object
    assert article.permissions_for_user(editor).can_publish()
    assert editor.has_perms(["articles.change_calltoaction", "articles.add_office"])
    assert not sales.permissions.filter(content_type__app_label="wagtailimages").exists()
    call_command("sync_roles", stdout=(again := io.StringIO()))
    assert again.getvalue().strip() == "Roles already as declared."


@pytest.mark.django_db
def test_anonymous_visitors_cannot_reach_the_admin(client):
    response = client.get(reverse("wagtailsnippets_articles_author:list"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_admin_login_locks_out_after_repeated_failures(client, settings):
    User.objects.create_superuser("boss", "boss@example.com", "the-right-password-1")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "boss", "password": "wrong"})
    locked = client.post("/admin/login/", {"username": "boss", "password": "the-right-password-1"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
