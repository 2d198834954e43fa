"""What readers see besides the text: covers and share images, author avatars, one host in
every absolute link, and a privacy note that says where to write."""

import io
import re
from datetime import timedelta
from html import unescape

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from PIL import Image as Canvas
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from articles.covers import COLLECTION_NAME, GeneratedCover, draw_and_show, retire_after_seconds
from articles.models import ArticlePage, Author, BlogIndexPage
from articles.site_tree import ensure_site_tree
from tests.support.builders import ArticleFactory, CityFactory
from tests.support.html import json_ld
from tests.support.jobs import run_jobs


def meta(html: str, name: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="(.*?)"', html)
    return unescape(found.group(1)) if found else ""


@pytest.mark.django_db
def test_every_launch_article_has_a_drawn_cover_used_everywhere(client):
    for article in ArticlePage.objects.listed():
        cover = article.cover
        assert cover.collection.name == COLLECTION_NAME
        assert (cover.width, cover.height) == (1200, 630)
        with Canvas.open(cover.file) as drawn:
            assert drawn.size == (1200, 630)

        html = client.get(article.url).text
        header = re.search(r"</header>\s*<div class=\"wrap-narrow\"><picture>(.*?)</picture>", html)
        assert header, "the cover under the article's header"
        assert 'type="image/avif"' in header.group(1) and 'type="image/webp"' in header.group(1)
        assert re.search(
            r'<img alt="" class="article__cover" fetchpriority="high" height="370"', html
        )

        assert meta(html, "twitter:card") == "summary_large_image"
        share = meta(html, "og:image")
        assert share.startswith("http://testserver/media/images/share-") and share.endswith(".png")
        assert meta(html, "twitter:image") == share
        assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
        assert article.title in meta(html, "og:image:alt")
        assert json_ld(html)["image"]["url"] == share


@pytest.mark.django_db
def test_a_new_article_gets_its_cover_from_the_worker_not_the_publish(client, blog):
    article = blog.add_child(
        instance=ArticlePage(title="Hiring in Oulu", intro="Oulu.", live=False)
    )
    article.save_revision().publish()
    assert article.cover is None, "publishing does not wait for the drawing"
    run_jobs()
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.cover.collection.name == COLLECTION_NAME
    assert "share-" in meta(client.get(article.url).text, "og:image")


@pytest.mark.django_db
def test_cards_show_the_cover_lazily_with_its_size(client):
    html = client.get("/blog/").text
    cards = re.findall(r'<article class="card">.*?</article>', html, re.S)
    assert len(cards) == ArticlePage.objects.listed().count()
    for card in cards:
        assert re.search(r'<img alt="" class="card__cover" height="210" loading="lazy"', card)
        assert 'width="400"' in card and "format-avif.fill-800x420.avif 800w" in card


@pytest.mark.django_db
def test_the_cover_is_redrawn_when_title_city_or_author_change_only(article):
    first = GeneratedCover.objects.get(page=article)
    article.body = []
    article.save_revision().publish()
    assert GeneratedCover.objects.get(page=article).image == first.image, "body edits keep it"

    article.city = CityFactory(name="Oulu", country="Finland")
    article.save_revision().publish()
    assert GeneratedCover.objects.get(page=article).image == first.image, "the worker draws it"
    run_jobs()
    redrawn = GeneratedCover.objects.get(page=article)
    assert redrawn.image != first.image and "Oulu, Finland" in redrawn.share_image.description

    # Cached pages may still show the old drawings: they are deleted once those have expired.
    jobs = DBTaskResult.objects.filter(task_path="articles.covers.retire_cover")
    assert sorted(job.args_kwargs["args"][0] for job in jobs) == [
        first.image_id,
        first.share_image_id,
    ]
    assert all(j.run_after >= timezone.now() + timedelta(seconds=retire_after_seconds() - 60)
               for j in jobs)  # fmt: skip
    assert Image.objects.filter(pk=first.image_id).exists()
    DBTaskResult.objects.update(run_after=timezone.now())
    run_jobs()
    assert not Image.objects.filter(pk__in=[first.image_id, first.share_image_id]).exists()
    assert Image.objects.filter(pk__in=[redrawn.image_id, redrawn.share_image_id]).count() == 2


@pytest.mark.django_db
def test_covers_differ_by_city_and_topic_and_never_repeat_the_title(client, blog):
    """The site's cover has no words (the heading is beside it): a new title redraws only the
    share image, which keeps the title for social cards."""
    helsinki, tampere = CityFactory(name="Helsinki"), CityFactory(name="Tampere")
    one = ArticleFactory(title="Hiring in Helsinki", city=helsinki)
    other = ArticleFactory(title="Hiring in Tampere", city=tampere)
    for article in (one, other):
        article.topics.add("contracts")
        article.save_revision().publish()
    run_jobs()

    def pixels(image) -> bytes:
        with Canvas.open(image.file) as drawn:
            return drawn.convert("RGB").resize((60, 32)).tobytes()

    covers = {a.pk: GeneratedCover.objects.get(page=a) for a in (one, other)}
    assert pixels(covers[one.pk].image) != pixels(covers[other.pk].image), "by city"
    with Canvas.open(covers[one.pk].image.file) as a, Canvas.open(covers[other.pk].image.file) as b:
        assert a.getpixel((0, 0)) != b.getpixel((0, 0)), "each city its own palette"

    one.title = "Hiring backend engineers in Helsinki, 2027"
    one.save_revision().publish()
    run_jobs()
    again = GeneratedCover.objects.get(page=one)
    assert again.share_image != covers[one.pk].share_image, "the share image has the title"
    assert pixels(again.image) == pixels(covers[one.pk].image), "the cover does not"
    html = client.get(one.url).text
    assert meta(html, "og:image").endswith(again.share_url)
    shown = [rendition.url for rendition in again.image.renditions.all()]
    assert any(url in html for url in shown), "the new cover on the page"


@pytest.mark.django_db(transaction=True)
def test_a_deleted_article_leaves_no_drawing_behind(launch_state):
    # An article of its own: the files deleted here must not be the launch articles' covers,
    # which the next tests' restored database still names.
    blog = BlogIndexPage.objects.get()
    article = blog.add_child(instance=ArticlePage(title="Hiring in Turku", intro="Turku."))
    with transaction.atomic():
        draw_and_show(article)
    drawing = ArticlePage.objects.get(pk=article.pk).cover
    article.delete()
    DBTaskResult.objects.update(run_after=timezone.now())
    with transaction.atomic():
        run_jobs()
    assert not Image.objects.filter(pk=drawing.pk).exists()


@pytest.mark.django_db
def test_an_editors_own_image_always_wins(client, article):
    photo = Image.objects.create(
        title="Harbour", description="Helsinki harbour at dawn", file=get_test_image_file()
    )
    article.feed_image = photo
    article.save_revision().publish()
    html = client.get(article.url).text
    assert f"/media/images/{photo.file.name.split('/')[-1].rsplit('.', 1)[0]}" in meta(
        html, "og:image"
    )
    assert meta(html, "og:image:alt") == "Helsinki harbour at dawn"
    assert '<img alt="Helsinki harbour at dawn" class="article__cover"' in html


@pytest.mark.django_db
def test_draw_covers_makes_missing_ones_and_is_idempotent(article):
    GeneratedCover.objects.filter(page=article).delete()
    out = io.StringIO()
    call_command("draw_covers", stdout=out)
    assert out.getvalue().strip() == "1 cover(s) drawn"
    assert GeneratedCover.objects.filter(page=article).exists()
    call_command("draw_covers", stdout=(out := io.StringIO()))
    assert out.getvalue().strip() == "0 cover(s) drawn"


@pytest.mark.django_db
def test_authors_show_initials_without_an_image_request_or_their_photo(client):
    html = client.get("/authors/eric-hanson/").text
    assert '<span class="avatar avatar--' in html and ">EH</span>" in html
    author = Author.objects.get(name="Eric Hanson")
    count = ArticlePage.objects.listed().filter(author=author).count()
    assert f'<p class="author__count">{count} articles</p>' in html
    assert "Backend Developer at Clean Systems Consulting" in html

    article_html = client.get(ArticlePage.objects.listed().filter(author=author)[0].url).text
    assert re.search(r'<div class="byline">\s*<span class="avatar', article_html)

    author.photo = Image.objects.create(title="Eric", file=get_test_image_file())
    author.save()
    html = client.get("/authors/eric-hanson/").text
    assert re.search(r'<img alt="" class="avatar avatar--large" height="120"', html)


@pytest.mark.django_db
def test_every_absolute_link_uses_the_site_record_not_the_request_host(client, article):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "www.example.com", 443
    site.save()  # as the admin's Sites screen does
    other_host = Client(HTTP_HOST="127.0.0.1")
    html = other_host.get(article.url).text
    for link in (
        re.search(r'<link rel="canonical" href="(.*?)"', html).group(1),
        meta(html, "og:url"),
        meta(html, "og:image"),
        json_ld(html)["mainEntityOfPage"]["@id"],
        json_ld(html)["author"]["url"],
    ):
        assert link.startswith("https://www.example.com/"), link

    sitemap = other_host.get("/sitemap.xml").text
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert any("/authors/" in loc for loc in locations) and any(
        "/cities/" in loc for loc in locations
    )
    assert all(loc.startswith("https://www.example.com/") for loc in locations), locations

    feed = other_host.get("/blog/feed/").text
    links = re.findall(r"<link>(.*?)</link>", feed) + re.findall(r'href="(.*?)"', feed)
    assert links and all(link.startswith("https://www.example.com/") for link in links), links
    robots = other_host.get("/robots.txt").text
    assert "Sitemap: https://www.example.com/sitemap.xml" in robots


@pytest.mark.django_db
def test_setup_points_the_site_record_at_site_url(settings):
    settings.SITE_URL = "https://articles.example.org"
    ensure_site_tree()
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "https://articles.example.org"
    settings.SITE_URL = "http://127.0.0.1:8000"
    ensure_site_tree()
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"


@pytest.mark.django_db
def test_setup_without_an_address_leaves_the_sites_own_alone(settings):
    """`make setup` (or `make test`'s) beside a running `make run PORT=8001`."""
    settings.SITE_URL, settings.SITE_URL_GIVEN = "http://127.0.0.1:8001", True
    ensure_site_tree()
    settings.SITE_URL, settings.SITE_URL_GIVEN = "http://127.0.0.1:8000", False
    ensure_site_tree()
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8001"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["example.com", "ftp://example.com", "https://example.com:8443"])
def test_a_bad_site_url_stops_setup_with_one_line(settings, url, tmp_path):
    settings.SITE_URL = url
    with pytest.raises(CommandError, match="SITE_URL") as error:
        call_command("import_articles", str(tmp_path), stdout=io.StringIO())
    assert "\n" not in str(error.value)


@pytest.mark.django_db
def test_privacy_note_names_the_address_to_write_to(client, settings):
    settings.PRIVACY_EMAIL = "privacy@cleansystems.example"
    html = client.get("/contact/privacy/").text
    assert '<a href="mailto:privacy@cleansystems.example">privacy@cleansystems.example</a>' in html
