"""The links report: live articles no other live article links to, and live articles that link
to a draft or to a deleted page (from Wagtail's reference index)."""

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText

from articles.pages import ArticlePage
from tests.support.builders import ArticleFactory
from tests.support.people import member_of, menu_urls

pytestmark = pytest.mark.django_db
REPORT = reverse("article_links")


def linking_to(*pages: ArticlePage, **fields) -> ArticlePage:
    anchors = " ".join(f'<a id="{page.pk}" linktype="page">{page.title}</a>' for page in pages)
    return ArticleFactory(body=[("paragraph", RichText(f"<p>See {anchors}.</p>"))], **fields)


def rows(html: str, marker: str) -> list[str]:
    return [row.split("</li>")[0].split("</tr>")[0] for row in html.split(marker)[1:]]


@pytest.fixture
def staff(client, editor):
    ArticlePage.objects.all().delete()  # only this test's articles
    client.force_login(editor)
    return client


def test_orphans_are_live_articles_no_other_links_to(staff):
    linked, alone = ArticleFactory(title="Linked"), ArticleFactory(title="Alone")
    linking_to(linked, title="Hub")
    linking_to(alone, title="Draft hub", published=False)  # a draft's links do not count
    orphans = " ".join(rows(staff.get(REPORT).text, "data-orphan"))
    assert "Alone" in orphans and "Hub" in orphans and ">Linked<" not in orphans


def test_links_to_drafts_and_deleted_pages_are_listed(staff):
    draft = ArticleFactory(title="Still a draft", published=False)
    gone = ArticleFactory(title="Deleted later")
    gone_id = gone.pk
    linking_to(draft, gone, ArticleFactory(title="Fine"), title="Linker")
    gone.delete()
    broken = rows(staff.get(REPORT).text, "data-broken-link")
    assert len(broken) == 2 and all("Linker" in row for row in broken)
    assert any("Still a draft" in row for row in broken)
    assert any(f"id {gone_id}" in row for row in broken)


def test_only_content_staff_see_the_report(client, editor):
    client.force_login(editor)
    assert REPORT in menu_urls(client)
    client.force_login(member_of("Sales", "sally"))
    assert REPORT not in menu_urls(client)
    assert client.get(REPORT).status_code in (302, 403)


def test_the_link_chooser_of_the_article_editor_opens_at_the_blog(staff, blog):
    target = ArticleFactory(title="Hiring in Tampere")
    editing = staff.get(reverse("wagtailadmin_pages:edit", args=[target.pk])).text
    chooser = reverse("article_link_chooser")
    assert f'"pageChooser": "{chooser}"' in editing.replace("&quot;", '"')
    opened = staff.get(chooser, {"page_type": "wagtailcore.page", "allow_external_link": "true"})
    assert opened.json()["parent_page_id"] == blog.pk  # Wagtail's own chooser opens at the root
    assert "Hiring in Tampere" in opened.json()["html"]  # the articles, one click from the text
    # A link being edited reopens at its page's parent, through the same address.
    at_blog = staff.get(f"{chooser}{blog.pk}/", {"page_type": "wagtailcore.page"})
    assert "Hiring in Tampere" in at_blog.json()["html"]


def test_the_link_chooser_is_for_signed_in_staff_only(client):
    assert client.get(reverse("article_link_chooser")).status_code == 302  # to the login
