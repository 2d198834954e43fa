"""The article editor guides the editor: SEO counters, previews and warnings that match the
page's own <head>, choosers that create, full titles, and a slug clash that says where."""

import html
import io
import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from PIL import Image as Canvas

from articles.covers import GeneratedCover
from articles.models import ArticlePage, Author, City
from tests.support.builders import ArticleFactory, AuthorFactory, CityFactory
from tests.support.editing import add_url, article_form
from tests.support.people import member_of


@pytest.fixture
def editor_client(client, db):
    client.force_login(member_of("Editors", "eddie"))
    return client


def edit_page(client, page: ArticlePage) -> str:
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return response.text


def head(html: str, pattern: str) -> str:
    return unescape(re.search(pattern, html, re.S).group(1)).strip()


def panel_out(html: str, name: str) -> str:
    return head(html, rf'data-out="{name}">(.*?)</p>')


@pytest.mark.django_db
def test_seo_previews_show_what_the_page_outputs(editor_client, article):
    article.seo_title = "Hiring async backend contractors in Helsinki"
    article.save_revision().publish()
    page = Client().get(article.url).text
    editor = edit_page(editor_client, article)

    assert panel_out(editor, "share-title") == head(page, r'property="og:title" content="(.*?)"')
    title_tag = head(page, r"<title>(.*?)</title>")
    assert len(title_tag) > 60 and panel_out(editor, "title") == title_tag[:59] + "…"
    description = head(page, r'name="description" content="(.*?)"')
    assert panel_out(editor, "description") == description[:154] + "…"
    assert panel_out(editor, "address") == article.full_url
    card_image = head(editor, r'data-out="image" src="(.*?)"')
    assert card_image and head(page, r'property="og:image" content="(.*?)"').endswith(card_image)
    typed = head(page, r'property="og:title" content="(.*?)"')  # the site name is counted apart
    assert f'data-count="title">{len(typed)}<' in editor


@pytest.mark.django_db
def test_missing_description_and_a_duplicate_title_are_warned(editor_client, article, blog):
    editor = edit_page(editor_client, article)
    assert not re.search(r'data-warning="description" hidden', editor)
    assert re.search(r'data-warning="clash" hidden', editor)

    twin = blog.add_child(
        instance=ArticlePage(title=article.title, slug="twin", intro="Again.", live=False)
    )
    twin.search_description = "A description of the right length."
    twin.save_revision()
    editor = edit_page(editor_client, twin)
    assert re.search(r'data-warning="description" hidden', editor)
    assert not re.search(r'data-warning="clash" hidden', editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    assert f'data-clash-link href="{edit_url}"' in editor


@pytest.mark.django_db
def test_title_check_answers_editors_as_they_type_and_nobody_else(editor_client, client, article):
    check = reverse("article_title_check")
    answer = editor_client.get(check, {"title": f"  {article.title.upper()} ", "page": ""}).json()
    assert answer["clash"]["title"] == article.title
    assert editor_client.get(check, {"title": article.title, "page": article.pk}).json() == {
        "clash": None
    }
    for odd in ["x' OR 1=1", "99999999999999999999", "٣"]:
        assert editor_client.get(check, {"title": "t", "page": odd}).status_code == 200

    sales = Client()
    sales.force_login(member_of("Sales", "sally"))
    denied = sales.get(check, {"title": article.title})
    assert denied.status_code in (302, 403) and "clash" not in denied.text


@pytest.mark.django_db
def test_a_slug_clash_names_the_page_with_a_link_on_any_tab(editor_client, blog):
    abandoned = blog.add_child(
        instance=ArticlePage(title="Berlin", slug="berlin", intro=".", live=False)
    )
    author, city = Author.objects.first(), CityFactory(name="Berlin")
    data = article_form(author, city, slug="berlin", title="Berlin\r\nstartups  hire")

    response = editor_client.post(add_url(blog), data)
    assert response.status_code == 200
    edit_url = reverse("wagtailadmin_pages:edit", args=(abandoned.pk,))
    errors = re.findall(r'class="error-message">(.*?)</p>', response.text, re.S)
    assert len(errors) == 2, "under the title (Content tab) and the slug (Promote tab)"
    for error in errors:
        assert "already taken by “Berlin” (draft)" in unescape(error)
        assert f'<a href="{edit_url}">Open that page</a>' in error

    response = editor_client.post(add_url(blog), {**data, "slug": "berlin-startups"})
    assert response.status_code == 302
    assert ArticlePage.objects.get(slug="berlin-startups").title == "Berlin startups hire"


@pytest.mark.django_db
def test_city_and_author_choosers_create_without_leaving_the_article(editor_client):
    choose = editor_client.get(reverse("wagtailsnippetchoosers_articles_city:choose"))
    assert "Add a city" in choose.json()["html"]
    response = editor_client.post(
        reverse("wagtailsnippetchoosers_articles_city:create"),
        {"name": "Riga", "country": "Latvia"},
    )
    assert response.json()["step"] == "chosen"
    riga = City.objects.get(name="Riga")
    assert response.json()["result"]["id"] == str(riga.pk) and riga.slug == "riga"

    again = editor_client.post(
        reverse("wagtailsnippetchoosers_articles_city:create"), {"name": "Riga", "country": ""}
    )
    assert again.json()["step"] == "reshow_creation_form"
    assert "already exists" in again.json()["htmlFragment"]

    response = editor_client.post(
        reverse("wagtailsnippetchoosers_articles_author:create"),
        {"name": "Maria Tamm", "role": "Staff Engineer", "company": ""},
    )
    assert response.json()["step"] == "chosen"


def png_size(response) -> tuple[int, int]:
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    with Canvas.open(io.BytesIO(response.content)) as image:
        return image.size


@pytest.mark.django_db
def test_an_article_never_published_shows_the_cover_it_will_get(editor_client, blog):
    city, author = CityFactory(name="Tartu", country="Estonia"), AuthorFactory()
    draft = ArticleFactory(published=False, parent=blog, city=city, author=author)
    editor = edit_page(editor_client, draft)
    drawing = head(editor, r'data-out="image" src="(.*?)"')
    assert drawing.startswith(reverse("article_cover_preview"))
    assert f"city={city.pk}" in drawing and f"author={author.pk}" in drawing
    assert png_size(editor_client.get(drawing)) == (1200, 630)
    assert not re.search(r'data-out="drawing-note" hidden', editor)

    preview = draft.make_preview_request().content.decode()  # the editor's preview pane
    cover = html.unescape(re.search(r'<img src="([^"]*kind=cover[^"]*)"', preview)[1])
    assert f"city={city.pk}" in cover and f"slug={draft.slug}" in cover, "the site's cover"
    assert png_size(editor_client.get(cover)) == (1200, 630)


@pytest.mark.django_db
def test_readers_never_get_the_admins_drawing(client, blog):
    article = ArticleFactory(parent=blog)
    GeneratedCover.objects.filter(page=article).delete()  # as while the worker draws it
    response = client.get(article.url)
    assert response.status_code == 200
    assert reverse("article_cover_preview") not in response.text


@pytest.mark.django_db
def test_the_cover_drawing_follows_the_typed_facts_and_ignores_odd_ones(editor_client):
    url = reverse("article_cover_preview")
    one = editor_client.get(url, {"title": "Hiring in Tartu"}).content
    other = editor_client.get(url, {"title": "Hiring in Pärnu"}).content
    assert one != other
    odd = editor_client.get(url, {"title": "x" * 5000, "city": "abc", "author": "9" * 30})
    assert png_size(odd) == (1200, 630)
    covers = [editor_client.get(url, {"kind": "cover", "slug": "hiring-in-tartu", "title": t})
              for t in ("One title", "Another title")]  # fmt: skip
    assert covers[0].content == covers[1].content, "the site's cover has no words"
    assert png_size(editor_client.get(url, {"kind": "cover", "topic": "x" * 999})) == (1200, 630)


@pytest.mark.django_db
def test_only_content_staff_get_cover_drawings(client):
    url = reverse("article_cover_preview")
    assert client.get(url).status_code == 302  # to the sign-in
    client.force_login(member_of("Sales", "sally"))
    assert client.get(url).status_code in (302, 403)
    assert not client.get(url).get("Content-Type", "").startswith("image/")


@pytest.mark.django_db
def test_the_article_to_write_box_is_only_on_articles_that_exist(editor_client, blog, article):
    new = editor_client.get(add_url(blog)).text
    assert 'name="to_write"' not in new, "a new article is being written"
    assert 'name="to_write"' in edit_page(editor_client, article)
