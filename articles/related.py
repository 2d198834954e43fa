"""Which four articles an article recommends under "More articles"."""

from collections.abc import Sequence

from django.db.models import Case, Exists, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from modelcluster.queryset import FakeQuerySet
from taggit.models import Tag

from .pages import (
    COVER_RELATED,
    COVER_RENDITIONS,
    NEWEST_FIRST,
    ArticlePage,
    ArticleRelatedLink,
    ArticleTopic,
)

RELATED_COUNT = 4

# Lower rank shows first: the editor's picks, then same city, then a shared topic, then the rest.
PICKED, SAME_CITY, SAME_TOPIC, OTHER = range(4)


def related_articles(
    article: ArticlePage, topics: Sequence[Tag] | None = None, count: int = RELATED_COUNT
) -> list[ArticlePage]:
    """Live articles only, never the article itself: one ranked query, whatever the site's size."""
    topic_ids = [tag.pk for tag in (topics if topics is not None else article.topics.all())]
    rank_rules = [When(pick_order__isnull=False, then=Value(PICKED))]
    if article.city_id:
        rank_rules.append(When(city_id=article.city_id, then=Value(SAME_CITY)))
    if topic_ids:
        shares_topic = Exists(
            ArticleTopic.objects.filter(content_object=OuterRef("pk"), tag_id__in=topic_ids)
        )
        rank_rules.append(When(shares_topic, then=Value(SAME_TOPIC)))

    candidates = (
        ArticlePage.objects.visible()
        .select_related("author", "city", *COVER_RELATED)
        .prefetch_related(*COVER_RENDITIONS)
    )
    if article.pk:
        candidates = candidates.exclude(pk=article.pk)
    ranked = candidates.annotate(pick_order=_pick_order(article)).annotate(
        rank=Case(*rank_rules, default=Value(OTHER), output_field=IntegerField())
    )
    return list(ranked.order_by("rank", "pick_order", *NEWEST_FIRST)[:count])


def _pick_order(article: ArticlePage):
    """Position among the editor's picks (NULL when not picked), read in the same query.

    A preview holds its picks in memory, unsaved: those are used as they stand.
    """
    links = article.related_links.all()
    if isinstance(links, FakeQuerySet) or not article.pk:
        whens = [When(pk=link.target_id, then=Value(i)) for i, link in enumerate(links)]
        return Case(*whens, default=None, output_field=IntegerField()) if whens else _NO_PICK
    saved = ArticleRelatedLink.objects.filter(page_id=article.pk, target_id=OuterRef("pk"))
    # Links saved from code may carry no sort_order; their insertion order stands in for it.
    position = saved.annotate(
        position=Coalesce("sort_order", "id", output_field=IntegerField())
    ).values("position")[:1]
    return Subquery(position, output_field=IntegerField())


_NO_PICK = Value(None, output_field=IntegerField())
