"""A long article's way around: breadcrumbs above the title (and in its structured data), and a
table of contents whose links land on its sections."""

import json
import re

import pytest

from articles.contents import CONTENTS_MIN_SECTIONS
from tests.support.builders import ArticleFactory, CityFactory, long_article


def json_ld(html: str) -> list[dict]:
    return [json.loads(s) for s in re.findall(r'application/ld\+json">(.*?)</script>', html, re.S)]


@pytest.mark.django_db
def test_breadcrumbs_lead_home_to_the_city_and_say_so_to_search_engines(client):
    article = long_article(["One"], city=CityFactory(name="Oulu"))
    html = client.get(article.url).text
    nav = re.search(
        r'<nav class="breadcrumbs[^"]*" aria-label="Breadcrumb">(.*?)</nav>', html, re.S
    )
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav.group(1))
    assert links == [
        ("/", "Home"),
        ("/blog/", "Articles"),
        (article.city.get_absolute_url(), "Oulu"),
    ]
    [crumbs] = [d for d in json_ld(html) if d["@type"] == "BreadcrumbList"]
    items = crumbs["itemListElement"]
    assert [i["position"] for i in items] == [1, 2, 3, 4]
    assert items[-1]["name"] == article.title and items[-1]["item"].endswith(article.url)
    assert items[2]["item"].endswith(article.city.get_absolute_url())


@pytest.mark.django_db
def test_a_long_article_lists_its_sections_and_each_link_lands_on_its_heading(client):
    article = long_article(["Why now", "What it costs", "Why now", "Next steps"])
    html = client.get(article.url).text
    contents = re.search(r'<nav class="contents[^"]*"[^>]*>(.*?)</nav>', html, re.S).group(1)
    targets = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', contents)
    assert [title for _, title in targets] == ["Why now", "What it costs", "Why now", "Next steps"]
    anchors = [anchor for anchor, _ in targets]
    assert len(set(anchors)) == 4, "a repeated heading gets an anchor of its own"
    for anchor in anchors:
        assert len(re.findall(rf'<h2 id="{anchor}">', html)) == 1
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_a_short_article_or_one_with_few_sections_has_no_contents(client):
    few = long_article(["Only", "Two"][: CONTENTS_MIN_SECTIONS - 1])
    short = ArticleFactory(body=[("heading", h) for h in ("A", "B", "C", "D")])
    for article in (few, short):
        assert 'class="contents' not in client.get(article.url).text
