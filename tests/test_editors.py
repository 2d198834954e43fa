"""Editors write, preview, schedule and publish articles in the Wagtail admin."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticlePage, Author, City


def member_of(group_name: str, username: str) -> User:
    user = User.objects.create_user(username, f"{username}@example.com", "a-long-password-123")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db) -> User:
    return member_of("Editors", "eddie")


def article_form(author: Author, city: City, **overrides) -> dict:
    data = {
        "title": "Why Berlin Startups Contract Their Backend",
        "slug": "why-berlin-startups-contract-their-backend",
        "intro": "Berlin is big, and still short of senior backend engineers.",
        "date": "2026-11-20",
        "author": author.pk,
        "city": city.pk,
        "topics": "Hiring, Contracting",
        "body": streamfield(
            [
                ("heading", "The market"),
                ("paragraph", rich_text("<p>Senior engineers are taken.</p>")),
            ]
        ),
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(blog) -> str:
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", blog.pk))


@pytest.mark.django_db
def test_editor_publishes_an_article_readers_then_see(client, editor, blog):
    author, city = Author.objects.get(name="Eric Hanson"), City.objects.create(name="Berlin")
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
    author, city = Author.objects.get(name="Eric Hanson"), City.objects.create(name="Berlin")
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
    assert '<h1 id="page-title">Berlin, previewed</h1>' in preview.text


@pytest.mark.django_db
def test_editor_schedules_an_article_for_later(client, editor, blog):
    author, city = Author.objects.get(name="Eric Hanson"), City.objects.create(name="Berlin")
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
