"""Finding articles on and off the site: search, taxonomy pages, feeds, sitemap, metadata."""

import re
import xml.etree.ElementTree as ET

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage
from articles.sample import add_articles
from tests.support.builders import AuthorFactory, CityFactory
from tests.support.html import card_titles, json_ld

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Helsinki", {"Why Finnish Startups", "Helsinki Has 600,000"}),
        ("tallinn", {"Estonia Punches"}),
        ("Arif Ikhsanudin", {"Helsinki Has 600,000", "Estonia Punches"}),
    ],
)
def test_search_by_city_or_author_finds_those_articles(client, query, expected):
    html = client.get("/search/", {"q": query}).text
    found = {title for title in card_titles(html)}
    assert {next(t for t in found if t.startswith(start)) for start in expected} == found


@pytest.mark.django_db
def test_search_finds_a_city_named_only_in_the_taxonomy(client, blog):
    berlin = CityFactory(name="Berlin", country="Germany")
    [page] = add_articles(blog, 1, city=berlin)
    page.save_revision().publish()  # indexes it, as publishing from the admin does
    html = client.get("/search/", {"q": "Berlin"}).text
    assert card_titles(html) == [page.title]


@pytest.mark.django_db
def test_search_echoes_and_highlights_the_query_and_hides_drafts(client):
    html = client.get("/search/", {"q": "Estonia"}).text
    assert "Search results for “Estonia”" in html
    assert "<mark>Estonia</mark>" in html
    draft = ArticlePage.objects.filter(live=False).first()
    assert card_titles(client.get("/search/", {"q": draft.title}).text) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ['"', "'", '"unclosed', "a\x00b", "<script>alert(1)</script>", "x" * 2000, "AND OR NOT",
     "Helsinki & (Tallinn | !Riga)", "*", "%", "\\", "😀", "  "],
)  # fmt: skip
def test_hostile_queries_never_fail(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code in (200, 400)
    assert "<script>alert(1)</script>" not in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("page_number", ["abc", "-1", "0", "999", "1e3", "²", "١", "%00", "%FF"])
@pytest.mark.parametrize("url", ["/blog/", "/authors/eric-hanson/", "/cities/helsinki/",
                                 "/topics/hiring/", "/search/?q=backend&"])  # fmt: skip
def test_listing_pages_answer_bad_page_numbers_with_not_found(client, url, page_number):
    separator = "&" if "?" in url else "?"
    assert client.get(f"{url}{separator}page={page_number}").status_code in (200, 404)


@pytest.mark.django_db
def test_byline_leads_to_the_author_page_with_bio_and_articles(client, article):
    author = article.author
    author.bio = "<p>Builds payment systems.</p>"
    author.save()
    html = client.get(article.url).text
    author_url = re.search(r'<a class="byline__name" rel="author" href="([^"]+)">', html).group(1)
    assert author_url == "/authors/eric-hanson/"
    page = client.get(author_url).text
    assert "<h1>Eric Hanson</h1>" in page and "Builds payment systems." in page
    expected = ArticlePage.objects.listed().filter(author=author).values_list("title", flat=True)
    assert sorted(card_titles(page)) == sorted(t.replace("'", "&#x27;") for t in expected)


@pytest.mark.django_db
def test_article_links_to_its_city_and_topic_pages(client, article):
    html = client.get(article.url).text
    assert 'href="/cities/helsinki/"' in html
    city_page = client.get("/cities/helsinki/").text
    assert "<h1>Articles on Helsinki</h1>" in city_page
    assert len(card_titles(city_page)) == 2
    assert 'href="/cities/helsinki/feed/"' in city_page
    assert 'href="/topics/hiring/"' in html
    assert len(card_titles(client.get("/topics/hiring/").text)) == 5


@pytest.mark.django_db
def test_rss_and_atom_feeds_list_every_live_article(client):
    live = ArticlePage.objects.listed()
    rss = ET.fromstring(client.get("/blog/feed/").content)
    items = rss.findall("./channel/item")
    assert [item.findtext("title") for item in items] == [a.title for a in live]
    first, article = items[0], live[0]
    assert first.findtext("link") == f"http://testserver{article.url}"
    assert first.findtext("description") == article.intro
    assert article.author.name in first.findtext(
        "{http://purl.org/dc/elements/1.1/}creator", ""
    ) + (first.findtext("author") or "")
    assert first.findtext("pubDate")

    atom = ET.fromstring(client.get("/blog/feed/atom/").content)
    entries = atom.findall(f"{ATOM}entry")
    assert len(entries) == live.count()
    assert entries[0].find(f"{ATOM}author/{ATOM}name").text == article.author.name
    assert entries[0].findtext(f"{ATOM}summary") == article.intro
    assert entries[0].findtext(f"{ATOM}published")

    city = ET.fromstring(client.get("/cities/tallinn/feed/").content)
    assert [i.findtext("title") for i in city.findall("./channel/item")] == [
        a.title for a in live.filter(city__name="Tallinn")
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/", "/blog/", "/search/?q=x", "/authors/eric-hanson/", "/contact/"]
)
def test_every_page_advertises_the_feed(client, url):
    html = client.get(url).text
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/blog/feed/"' in html


@pytest.mark.django_db
def test_sitemap_lists_live_public_pages_with_lastmod_and_robots_points_to_it(client, blog):
    private = add_articles(blog, 1)[0]
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in root}
    # Page addresses come from the Wagtail Site's hostname (set it to the public domain).
    for article in ArticlePage.objects.filter(live=True).exclude(pk=private.pk):
        assert article.full_url in entries
    assert re.fullmatch(
        r"\d{4}-\d{2}-\d{2}", entries[ArticlePage.objects.listed().first().full_url]
    )
    assert blog.full_url in entries and blog.get_parent().full_url in entries
    assert "http://testserver/authors/eric-hanson/" in entries
    assert "http://testserver/cities/helsinki/" in entries
    draft = ArticlePage.objects.filter(live=False).first()
    assert not any(draft.slug in loc or private.slug in loc for loc in entries)
    assert private.title not in client.get("/blog/").text
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").text


@pytest.mark.django_db
def test_article_head_metadata_and_structured_data(client, article):
    image = Image.objects.create(title="Helsinki harbour", file=get_test_image_file())
    article.feed_image = image
    article.save_revision().publish()
    html = client.get(article.url).text

    assert f"<title>{article.title.replace(chr(39), '&#x27;')} · " in html
    assert '<meta name="description" content="Helsinki&#x27;s engineering community' in html
    assert f'<link rel="canonical" href="http://testserver{article.url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/media/images/', html)

    data = json_ld(html)
    assert data["@type"] == "BlogPosting" and data["headline"] == article.title
    assert data["author"] == {
        "@type": "Person",
        "name": "Eric Hanson",
        "url": "http://testserver/authors/eric-hanson/",
        "jobTitle": "Backend Developer",
    }
    assert data["datePublished"] == article.date.isoformat()
    assert data["dateModified"].startswith(str(article.date.year))
    assert data["publisher"]["@type"] == "Organization"
    assert data["mainEntityOfPage"]["@id"] == f"http://testserver{article.url}"
    assert data["image"]["url"].startswith("http://testserver/media/images/")
    # The test image is 640 px wide: cropped to the share shape, never enlarged.
    assert (data["image"]["width"], data["image"]["height"]) == (640, 336)
    assert '<meta property="og:image:width" content="640">' in html


@pytest.mark.django_db
def test_editors_override_title_and_description_in_the_promote_tab(client, article):
    article.seo_title = "Hiring in Helsinki, explained"
    article.search_description = "Why Helsinki startups contract their backend work."
    article.save_revision().publish()
    html = client.get(article.url).text
    assert "<title>Hiring in Helsinki, explained · " in html
    assert '<meta name="description" content="Why Helsinki startups contract' in html
    assert json_ld(html)["description"] == "Why Helsinki startups contract their backend work."


@pytest.mark.django_db
def test_structured_data_cannot_be_broken_out_of(client, article):
    article.title = "</script><script>alert(1)</script>"
    article.save_revision().publish()
    html = client.get(article.url).text
    assert "<script>alert(1)</script>" not in html
    assert json_ld(html)["headline"] == "</script><script>alert(1)</script>"


@pytest.mark.django_db
def test_changing_a_slug_redirects_the_old_address(
    client, article, django_capture_on_commit_callbacks
):
    old_url = article.url
    article.slug = "helsinki-async-contractors"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail creates it on commit
        article.save_revision().publish()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/blog/helsinki-async-contractors/")


@pytest.mark.django_db
def test_not_found_page_keeps_navigation_and_offers_search(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert 'aria-label="Main"' in response.text and 'role="search"' in response.text


def test_server_error_page_keeps_navigation_and_offers_search():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert 'aria-label="Main"' in html and 'action="/search/"' in html


@pytest.mark.django_db
def test_private_articles_stay_out_of_listings_feeds_and_related(client, blog, article):
    [secret] = add_articles(blog, 1, city=article.city)
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="pw")
    for url in (
        "/",
        "/blog/",
        "/blog/feed/",
        "/cities/helsinki/",
        article.url,
        "/search/?q=generated",
    ):
        assert secret.title not in client.get(url).text, url


@pytest.mark.django_db
def test_author_without_articles_and_unknown_slugs_are_not_found(client):
    AuthorFactory(name="Nobody Yet")
    assert client.get("/authors/nobody-yet/").status_code == 200
    for url in ("/authors/ghost/", "/cities/atlantis/", "/topics/nothing/", "/cities/x/feed/"):
        assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("query", "text", "marked"),
    [
        ("hire", "Hiring and hired, not shire", ["Hiring", "hired"]),
        ("backend engineers", "Backend engineering", ["Backend", "engineering"]),
        ("go", "Go, going", ["Go"]),
        ("<b>", "a <b> tag", []),
    ],
)
def test_search_marks_every_searched_word_in_the_forms_search_matches(query, text, marked):
    from articles.templatetags.article_tags import highlight

    html = highlight(text, query)
    assert re.findall(r"<mark>(.*?)</mark>", html) == marked
    assert "<b>" not in html


@pytest.mark.django_db
def test_the_search_page_has_one_search_form(client):
    html = client.get("/search/", {"q": "Estonia"}).text
    assert html.count('role="search"') == 1
    assert client.get("/blog/").text.count('role="search"') == 1
