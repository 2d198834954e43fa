"""Which four articles an article recommends under "More articles"."""

import pytest
from django.utils import timezone

from articles.models import ArticlePage, ArticleRelatedLink
from articles.related import related_articles
from tests.support.builders import ArticleFactory, CityFactory


@pytest.mark.django_db
def test_editor_picks_come_first_in_their_order(article):
    first, second = ArticleFactory.create_batch(2)
    article.related_links = [ArticleRelatedLink(target=second), ArticleRelatedLink(target=first)]
    article.save_revision().publish()
    article = ArticlePage.objects.get(pk=article.pk)
    assert related_articles(article)[:2] == [second, first]


@pytest.mark.django_db
def test_fill_prefers_same_city_then_shared_topic_then_newest():
    berlin = CityFactory(name="Berlin", country="Germany")
    subject, same_city = ArticleFactory.create_batch(2, city=berlin)
    subject.topics.add("Payments")
    subject.save()
    shares_topic = ArticleFactory()
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
def test_never_itself_never_a_draft_and_always_four_when_there_are_enough(article):
    draft = ArticleFactory(published=False)
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


def cards_on(client, article) -> list[str]:
    import re

    html = client.get(article.url).text
    related = html.split('id="related-heading"', 1)[1]
    return re.findall(r'class="card__title"><a href="([^"]+)"', related)


@pytest.mark.django_db
def test_the_worker_works_out_the_lists_when_an_article_is_published(
    client, article, django_capture_on_commit_callbacks
):
    """Stored once per change, read with the article: a render ranks nothing."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django_tasks_db.models import DBTaskResult

    from articles.models import StoredRelated
    from articles.related import REFRESH_AFTER_SECONDS, refresh_all, refresh_related

    refresh_all()  # what the worker did after the launch import
    assert StoredRelated.objects.filter(article=article).exists()
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        newcomer = ArticleFactory(city=article.city)  # same city: it moves up article's list
    assert newcomer.url not in cards_on(client, article), "until the worker has run"
    [job] = DBTaskResult.objects.filter(
        task_path=refresh_related.module_path, enqueued_at__gte=before
    )
    assert (job.run_after - job.enqueued_at).total_seconds() >= REFRESH_AFTER_SECONDS - 1
    refresh_all()  # the worker, once the window has closed
    assert newcomer.url in cards_on(client, article)
    with CaptureQueriesContext(connection) as render:
        client.get(article.url)
    ranking = [q["sql"][:300] for q in render if "articles_articlerelatedlink" in q["sql"]]
    assert not ranking, ranking


@pytest.mark.django_db
def test_a_stored_card_unpublished_meanwhile_is_never_shown(client, article):
    from articles.models import StoredRelated
    from articles.related import refresh_all

    refresh_all()
    shown = ArticlePage.objects.get(pk=StoredRelated.objects.get(article=article).ids[0])
    assert shown.url in cards_on(client, article)
    shown.unpublish()  # the worker has not run again: the stored list still names it
    assert shown.url not in cards_on(client, article)


@pytest.mark.django_db
def test_the_worker_refreshes_in_small_chunks_a_second_apart(article, monkeypatch):
    from django_tasks_db.models import DBTaskResult

    from articles import related
    from articles.models import StoredRelated

    monkeypatch.setattr(related, "REFRESH_CHUNK", 2)
    related.refresh_related.call()
    assert StoredRelated.objects.count() == 2
    [following] = DBTaskResult.objects.filter(
        task_path=related.refresh_related.module_path, run_after__gt=timezone.now()
    ).exclude(args_kwargs__args=[])
    first_two = ArticlePage.objects.visible().order_by("pk")[:2]
    assert following.args_kwargs["args"] == [first_two[1].pk], "the next chunk starts after it"
