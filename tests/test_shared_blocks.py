"""The call to action and the offices show on every article: edits are drafts, previewed on a
real article, and reach readers only when an editor publishes them (the edge's part:
test_edge.py)."""

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from articles.models import ArticlePage, CallToAction, Office
from tests.support.people import member_of


@pytest.fixture
def editor_client(client, db):
    client.force_login(member_of("Editors", "eddie"))
    return client


def cta_form(cta: CallToAction, **changes) -> dict:
    data = {
        "heading": cta.heading,
        "subheading": cta.subheading,
        "text": rich_text(cta.text),
        "features": streamfield([("feature", block.value) for block in cta.features]),
        "button_text": cta.button_text,
        "button_url": cta.button_url,
        "is_default": "on" if cta.is_default else "",
        "go_live_at": "",
        "expire_at": "",
    }
    return nested_form_data({**data, **changes})


def office_form(**fields) -> dict:
    return {"postcode": "", "postal_city": "", "go_live_at": "", "expire_at": "", **fields}


def url(model: str, view: str, *args) -> str:
    return reverse(f"wagtailsnippets_articles_{model}:{view}", args=args)


def preview(client, model: str, view: str, data: dict, *args) -> str:
    """What the editor's preview panel shows: the form posted, then the page it renders."""
    preview_url = url(model, view, *args)
    assert client.post(preview_url, data).json()["is_valid"]
    return client.get(preview_url).text


def assert_on_an_article(html: str) -> None:
    """The preview is a published article's page, whose call to action names that article."""
    title = re.search(r'<h1 id="page-title"[^>]*>(.*?)</h1>', html).group(1)
    shown = ArticlePage.objects.live().get(title=unescape(title))
    assert f'href="/go/cta/{shown.pk}/"' in html


@pytest.mark.django_db
def test_call_to_action_edit_is_a_draft_previewed_on_an_article_until_published(
    editor_client, article
):
    cta = CallToAction.objects.get(is_default=True)
    old_heading = cta.heading
    data = cta_form(cta, heading="Grow Your Backend Team")

    response = editor_client.post(url("calltoaction", "edit", cta.pk), data)  # save draft
    assert response.status_code == 302

    reader = Client()
    page = reader.get(article.url)
    assert old_heading in page.text and "Grow Your Backend Team" not in page.text

    shown = preview(editor_client, "calltoaction", "preview_on_edit", data, cta.pk)
    assert_on_an_article(shown)
    assert "Grow Your Backend Team" in shown
    assert 'js/preview-focus.js" data-focus="cta-heading"' in shown, "opens at the block"
    assert 'id="cta-heading"' in shown
    assert "preview-focus" not in reader.get(article.url).text, "readers never get it"

    response = editor_client.post(
        url("calltoaction", "edit", cta.pk), {**data, "action-publish": "1"}
    )
    assert response.status_code == 302
    assert "Grow Your Backend Team" in reader.get(article.url).text


@pytest.mark.django_db
def test_a_new_office_stays_off_the_site_until_published(editor_client, article):
    reader = Client()
    data = office_form(city="Tallinn", street="5 Narva mnt", country="Estonia")

    assert editor_client.post(url("office", "add"), data).status_code == 302
    draft = Office.objects.get(street="5 Narva mnt")
    assert not draft.live
    listing = editor_client.get(url("office", "list")).text
    statuses = re.findall(r'class="w-status[^"]*"[^>]*>\s*(\w+)', listing)
    assert sorted(set(statuses)) == ["draft", "live"], "the list says which offices are drafts"
    assert "5 Narva mnt" not in reader.get(article.url).text
    assert "5 Narva mnt" not in reader.get("/contact/").text

    shown = preview(editor_client, "office", "preview_on_edit", data, draft.pk)
    assert_on_an_article(shown)
    assert "5 Narva mnt" in shown and "1 Carlsberg Gate" in shown

    editor_client.post(url("office", "edit", draft.pk), {**data, "action-publish": "1"})
    assert "5 Narva mnt" in reader.get(article.url).text
    assert "5 Narva mnt" in reader.get("/contact/").text


@pytest.mark.django_db
def test_an_unpublished_call_to_action_is_never_shown(article):
    cta = CallToAction.objects.get(is_default=True)
    draft = CallToAction.objects.create(
        heading="Draft pitch", text="<p>Not yet.</p>", is_default=True, live=False
    )
    article.call_to_action = draft
    article.save_revision().publish()

    assert CallToAction.default() == cta, "a draft default does not replace the live one"
    html = Client().get(article.url).text
    assert cta.heading in html and "Draft pitch" not in html


@pytest.mark.django_db
def test_editors_may_publish_shared_blocks_sales_may_not_see_them(client, db):
    editor = member_of("Editors", "edna")
    assert editor.has_perms(["articles.publish_calltoaction", "articles.publish_office"])
    client.force_login(member_of("Sales", "sally"))
    assert client.get(url("calltoaction", "list")).status_code in (302, 403)
