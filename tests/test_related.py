"""Which four articles an article recommends under "More articles"."""

import pytest

from articles.models import ArticlePage, ArticleRelatedLink, City
from articles.related import related_articles
from tests.factories import add_articles


@pytest.fixture
def berlin(db) -> City:
    return City.objects.create(name="Berlin", country="Germany")


@pytest.mark.django_db
def test_editor_picks_come_first_in_their_order(article, blog):
    first, second = add_articles(blog, 2)
    article.related_links = [ArticleRelatedLink(target=second), ArticleRelatedLink(target=first)]
    article.save_revision().publish()
    article = ArticlePage.objects.get(pk=article.pk)
    assert related_articles(article)[:2] == [second, first]


@pytest.mark.django_db
def test_fill_prefers_same_city_then_shared_topic_then_newest(blog, berlin):
    subject, same_city = add_articles(blog, 2, city=berlin)
    subject.topics.add("Payments")
    subject.save()
    shares_topic = add_articles(blog, 1)[0]
    shares_topic.topics.add("Payments")
    shares_topic.save()

    related = related_articles(subject)
    assert related[0] == same_city
    assert related[1].pk == shares_topic.pk
    newest_rest = ArticlePage.objects.listed().exclude(
        pk__in=[subject.pk, same_city.pk, shares_topic.pk]
    )
    assert related[2:] == list(newest_rest[:2])


@pytest.mark.django_db
def test_never_itself_never_a_draft_and_always_four_when_there_are_enough(article, blog):
    draft = ArticlePage.objects.filter(live=False).first()
    article.related_links = [ArticleRelatedLink(target=draft), ArticleRelatedLink(target=article)]
    related = related_articles(article)
    assert len(related) == 4
    assert article not in related and draft not in related
    assert all(page.live for page in related)


@pytest.mark.django_db
def test_unpublishing_an_article_removes_it_from_recommendations(client, article):
    shown = related_articles(article)[0]
    shown.unpublish()
    assert shown.title not in client.get(article.url).text
