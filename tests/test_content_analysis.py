"""The Checks panel's article analysis: the focus keyphrase where search engines read, enough
words, links to other articles, sections, a short address; shown only in the editor's preview."""

from itertools import count

import pytest
from wagtail.rich_text import RichText

from articles.analysis import CHECKS, MIN_WORDS, findings
from articles.pages import ArticlePage
from tests.support.builders import ArticleFactory

pytestmark = pytest.mark.django_db
PHRASE = "backend contractors in Tartu"
SERIAL = count(1)


def words(count: int, *, opening: str = "") -> str:
    return " ".join([opening, *["word"] * count]).strip()


def paragraph(text: str, *links: ArticlePage) -> tuple[str, RichText]:
    anchors = "".join(f' <a linktype="page" id="{page.pk}">see {page.pk}</a>' for page in links)
    return ("paragraph", RichText(f"<p>{text}{anchors}</p>"))


def well_written(**fields) -> ArticlePage:
    """An article every check passes."""
    others = ArticleFactory.create_batch(2)
    defaults = dict(
        title=f"Hiring {PHRASE}",
        slug=f"hiring-backend-contractors-in-tartu-{next(SERIAL)}",
        intro=f"Why {PHRASE} are worth a look.",
        search_description=f"What to know before hiring {PHRASE}.",
        focus_keyphrase=PHRASE,
        body=[
            paragraph(words(200, opening=f"Hiring {PHRASE} starts here."), *others),
            ("heading", "What they cost"),
            paragraph(words(250)),
        ],
    )
    return ArticleFactory(**{**defaults, **fields})


def test_a_well_written_article_has_no_findings():
    assert findings(well_written()) == []


def test_a_short_article_without_a_keyphrase_or_links_is_told_so():
    found = findings(ArticleFactory(body=[paragraph(words(120))]))
    assert {"keyphrase-missing", "too-short", "no-internal-links"} <= set(found)
    assert all(finding in CHECKS for finding in found), "each finding explains itself"


@pytest.mark.parametrize(
    ("change", "finding"),
    [
        ({"title": "Hiring in Estonia"}, "keyphrase-title"),
        ({"intro": "Why Estonia."}, "keyphrase-intro"),
        ({"slug": "hiring-in-estonia"}, "keyphrase-slug"),
        ({"search_description": "Estonia, briefly."}, "keyphrase-description"),
        ({"slug": "hiring-" + "very-" * 12 + "backend-contractors-in-tartu"}, "long-slug"),
    ],
)
def test_each_place_the_keyphrase_is_missing_from_is_named(change, finding):
    assert findings(well_written(**change)) == [finding]


def test_the_keyphrase_is_looked_for_in_the_first_paragraph_whatever_its_case():
    article = well_written(focus_keyphrase="  Backend   CONTRACTORS in Tartu ")
    assert findings(article) == []
    article.body = [paragraph(words(MIN_WORDS)), ("heading", "Costs"), paragraph(words(250))]
    assert findings(article) == ["keyphrase-first-paragraph", "no-internal-links"]


def test_structure_long_articles_without_headings_and_empty_sections():
    other, another = ArticleFactory.create_batch(2)
    flat = well_written(body=[paragraph(words(450, opening=PHRASE), other, another)])
    assert findings(flat) == ["no-headings"]
    empty = well_written(
        body=[paragraph(words(450, opening=PHRASE), other, another), ("heading", "Later")]
    )
    assert findings(empty) == ["empty-section"]
    one_link = well_written(body=[paragraph(words(650, opening=PHRASE), other), ("heading", "A"),
                                  paragraph("More.")])  # fmt: skip
    assert findings(one_link) == ["few-internal-links"]


def test_findings_are_named_in_the_editors_preview_only(client):
    article = ArticleFactory(body=[paragraph(words(50))])
    preview = article.make_preview_request().content.decode()
    assert 'data-content-findings="keyphrase-missing too-short no-internal-links"' in preview
    reader = client.get(article.url)
    assert reader.status_code == 200 and "data-content-findings" not in reader.text
