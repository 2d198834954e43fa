"""Link suggestions in the article editor: live articles on the same city, topics or words,
best first, never the article itself, one it links to already, a draft or a private page."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from articles.admin.suggestions import suggestions_for
from articles.pages import ArticlePage
from tests.support.builders import ArticleFactory, CityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def only_this_tests_articles(db):
    ArticlePage.objects.all().delete()


def paragraph(html: str) -> list:
    return [("paragraph", RichText(f"<p>{html}</p>"))]


def titles(article: ArticlePage) -> list[str]:
    return [s.article.title for s in suggestions_for(article)]


def test_same_city_topics_and_words_rank_and_explain_the_suggestions():
    tampere = CityFactory(name="Tampere")
    writing = ArticleFactory(
        title="Payments platforms", city=tampere, body=paragraph("Our Kubernetes migration.")
    )
    writing.topics.add("fintech", "platforms")
    writing.save_revision().publish()
    both = ArticleFactory(title="Contracting in Tampere", city=tampere)
    both.topics.add("fintech")
    both.save_revision().publish()
    ArticleFactory(title="Kubernetes operators explained")  # shares a word of the body
    ArticleFactory(title="Unrelated gardening")  # nothing in common: not suggested
    found = suggestions_for(ArticlePage.objects.get(pk=writing.pk))
    assert [s.article.title for s in found] == [
        "Contracting in Tampere",
        "Kubernetes operators explained",
    ]
    assert "Tampere" in found[0].reasons[0] and "fintech" in found[0].reasons[1]
    assert "kubernetes" in found[1].reasons[0]
    assert found[0].parent_id == writing.get_parent().pk  # as Wagtail's chooser gives a link


def test_no_suggestion_of_itself_a_linked_article_a_draft_or_a_private_page():
    city = CityFactory(name="Oulu")
    linked = ArticleFactory(title="Linked already", city=city)
    ArticleFactory(title="Still a draft", city=city, published=False)
    private = ArticleFactory(title="Members only", city=city)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    ArticleFactory(title="Worth a link", city=city)
    writing = ArticleFactory(
        city=city, body=paragraph(f'See <a id="{linked.pk}" linktype="page">this</a>.')
    )
    assert titles(writing) == ["Worth a link"]


def test_the_editor_shows_suggestions_with_what_the_link_needs(client, editor):
    city = CityFactory(name="Turku")
    target = ArticleFactory(title="Hiring in Turku", city=city)
    writing = ArticleFactory(city=city)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[writing.pk])).text
    assert "data-link-suggestions" in html and "js/link-suggestions.js" in html
    assert f'data-page-id="{target.pk}"' in html and f'data-url="{target.url}"' in html


def test_suggestions_cost_the_same_queries_for_a_larger_site(django_assert_max_num_queries):
    city = CityFactory(name="Espoo")
    writing = ArticleFactory(city=city)
    for n in range(12):
        ArticleFactory(title=f"Espoo article {n}", city=city)
    writing = ArticlePage.objects.get(pk=writing.pk)
    with django_assert_max_num_queries(5):
        assert len(suggestions_for(writing)) == 6
