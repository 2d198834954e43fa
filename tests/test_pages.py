"""What a reader sees: the home page, the /blog/ listing and an article."""

import re
from html.parser import HTMLParser

import pytest

from articles.models import ArticlePage, CallToAction, Office
from articles.sample import add_articles


class Outline(HTMLParser):
    """Collects headings, links and landmarks of a page, the way assistive technology reads it."""

    def __init__(self):
        super().__init__()
        self.headings: list[tuple[str, str]] = []
        self.links: list[str] = []
        self.landmarks: list[str] = []
        self.list_items = 0
        self._heading = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [tag, ""]
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag in ("main", "nav", "header", "footer", "aside"):
            self.landmarks.append(tag)
        if tag == "li":
            self.list_items += 1

    def handle_data(self, data):
        if self._heading:
            self._heading[1] += data

    def handle_endtag(self, tag):
        if self._heading and tag == self._heading[0]:
            self.headings.append((tag, " ".join(self._heading[1].split())))
            self._heading = None


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


@pytest.mark.django_db
def test_home_introduces_the_site_and_lists_latest_articles(client):
    response = client.get("/")
    page = outline(response.text)
    assert response.status_code == 200
    assert [h for h in page.headings if h[0] == "h1"] == [
        ("h1", "Hiring backend engineers, city by city")
    ]
    titles = [text for tag, text in page.headings if tag == "h3"]
    assert len(titles) == 5
    assert titles[0] == ArticlePage.objects.listed().first().title
    assert {"main", "nav", "header", "footer"} <= set(page.landmarks)
    assert 'href="#main"' in response.text, "skip link"


@pytest.mark.django_db
def test_blog_lists_every_live_article_newest_first(client, blog):
    response = client.get("/blog/")
    page = outline(response.text)
    assert response.status_code == 200
    assert [h for h in page.headings if h[0] == "h1"] == [("h1", "Articles")]
    listed = [text for tag, text in page.headings if tag == "h2"]
    assert listed == list(ArticlePage.objects.listed().values_list("title", flat=True))
    assert "A Title Nobody" not in response.text
    assert "Why Most Software Problems Are Communication Problems" not in response.text, "a draft"


@pytest.mark.django_db
def test_blog_paginates_and_bad_page_numbers_are_not_found(client, blog):
    add_articles(blog, 12)
    first, second = client.get("/blog/"), client.get("/blog/?page=2")
    assert len(re.findall(r'<article class="card">', first.text)) == 10
    assert len(re.findall(r'<article class="card">', second.text)) == 7
    assert 'rel="next" href="?page=2"' in first.text
    assert 'aria-current="page">2<' in second.text
    for bad in ("abc", "-1", "0", "999", "1.5", "%00", "1' OR '1'='1"):
        assert client.get("/blog/", {"page": bad}).status_code == 404


@pytest.mark.django_db
def test_article_page_shows_everything_a_reader_needs(client, article):
    response = client.get(article.url)
    html = response.text
    page = outline(html)

    assert response.status_code == 200
    assert [h for h in page.headings if h[0] == "h1"] == [("h1", article.title)]
    h2s = [text for tag, text in page.headings if tag == "h2"]
    written = [block.value for block in article.body if block.block_type == "heading"]
    assert len(written) == 3 and h2s[: len(written)] == written, "its sections, in order"
    assert (
        'By <a class="byline__name" rel="author" href="/authors/eric-hanson/">Eric Hanson</a>, '
        "Backend Developer at Clean Systems Consulting" in html
    )
    assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">', html)
    assert re.search(r"\d+ min read", html)

    # The call to action appears exactly once and leads to the contact form.
    assert html.count("Scale Your Backend") == 1
    assert html.count("Need an Experienced Backend Developer?") == 1
    assert f"/go/cta/{article.pk}/" in page.links  # counted, then on to the contact form
    click = client.get(f"/go/cta/{article.pk}/")
    assert click.status_code == 302 and click["Location"] == f"/contact/?article={article.pk}"
    assert "Production Backend Experience." in html

    assert "Our offices" in h2s
    for office in Office.objects.all():
        assert office.street in html and office.locality in html

    related = re.search(r'<section class="wrap section related".*?</section>', html, re.S).group(0)
    related_links = outline(related).links
    assert len(related_links) == 4
    assert article.url not in related_links


@pytest.mark.django_db
def test_article_lists_render_as_lists_and_text_is_escaped(client, blog):
    [page] = add_articles(blog, 1)
    page.body = [
        ("heading", "Steps <script>"),
        ("bullet_list", ["One <b>", "Two"]),
    ]
    page.save_revision().publish()
    html = client.get(page.url).text
    assert '<ul class="prose-list"><li>One &lt;b&gt;</li><li>Two</li></ul>' in html
    assert '<h2 id="steps-script">Steps &lt;script&gt;</h2>' in html


@pytest.mark.django_db
def test_article_can_pick_another_call_to_action(client, article):
    other = CallToAction.objects.create(
        heading="Audit Your API", text="<p>Two weeks, one report.</p>", button_text="Book an audit"
    )
    article.call_to_action = other
    article.save_revision().publish()
    html = client.get(article.url).text
    assert html.count("Audit Your API") == 1
    assert "Scale Your Backend" not in html
    assert "Book an audit" in html


@pytest.mark.django_db
def test_draft_and_unknown_articles_are_not_found(client):
    draft = ArticlePage.objects.filter(live=False).first()
    assert client.get(f"/blog/{draft.slug}/").status_code == 404
    assert client.get("/blog/no-such-article/").status_code == 404
    assert "Page not found" in client.get("/blog/no-such-article/").text
