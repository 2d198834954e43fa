"""Which four articles an article recommends under "More articles": worked out by the worker
when articles change (stored per article), live only for previews and until the first list is
stored."""

from collections.abc import Sequence
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import Case, Exists, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_tasks import task
from modelcluster.queryset import FakeQuerySet
from taggit.models import Tag

from pagecache import memo, tags
from pagecache.invalidation import spread

from .pages import (
    COVER_RELATED,
    COVER_RENDITIONS,
    NEWEST_FIRST,
    ArticlePage,
    ArticleRelatedLink,
    ArticleTopic,
    StoredRelated,
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


REFRESH_PENDING = "articles:related-refresh"
REFRESH_AFTER_SECONDS = 10  # a burst of publishes (an import, a busy morning) is one run
REFRESH_CHUNK = 25  # articles a run: about 0.3 s of ranking queries


def stored_related(ids: list[int]) -> list[ArticlePage]:
    """The cards of a stored list, still only what readers may see: kept per process until
    content changes (pagecache.memo), the missing ones read in one query by primary key."""
    cards = memo.shared_each("articles:card", ids, _read_cards)
    return [cards[pk] for pk in ids if cards.get(pk) is not None]


def _read_cards(ids: list[int]) -> dict[int, ArticlePage | None]:
    found = (
        ArticlePage.objects.visible()
        .filter(pk__in=ids)
        .defer_streamfields()  # a card never shows the body
        .select_related("author", "city", *COVER_RELATED)
        .prefetch_related(*COVER_RENDITIONS)
        .in_bulk()
    )
    return {pk: found.get(pk) for pk in ids}  # None: not visible (kept too: no query again)


def refresh_chunk(after: int = 0) -> tuple[int, int | None]:
    """Work out the lists of the next REFRESH_CHUNK visible articles after pk `after` again;
    store and renew the pages whose list changed, a bucket at a time (an unpublished article was
    on most lists: renewing them all at once would queue a render for each). Returns how many
    changed and where the next chunk starts (None: that was the last)."""
    if not after:
        StoredRelated.objects.exclude(article__in=ArticlePage.objects.visible()).delete()
    chunk = list(
        ArticlePage.objects.visible()
        .filter(pk__gt=after)
        .order_by("pk")
        .prefetch_related("related_links")[:REFRESH_CHUNK]
    )
    stored = dict(StoredRelated.objects.filter(article__in=chunk).values_list("article_id", "ids"))
    lists = {article: [card.pk for card in related_articles(article)] for article in chunk}
    changed = [article for article, ids in lists.items() if stored.get(article.pk) != ids]
    StoredRelated.objects.bulk_create(
        [StoredRelated(article=article, ids=lists[article]) for article in changed],
        update_conflicts=True, unique_fields=["article"], update_fields=["ids"],
    )  # fmt: skip
    spread({tags.own_key(article.pk) for article in changed})  # their pages, not their cards
    return len(changed), (chunk[-1].pk if len(chunk) == REFRESH_CHUNK else None)


@task(backend="background")
def refresh_related(after: int = 0) -> str:
    """One chunk, then the next a second later: the database is never busy with it for long,
    and other jobs (lead e-mail) go between."""
    changed, next_after = refresh_chunk(after)
    if next_after is not None:
        later = timezone.now() + timedelta(seconds=1)
        refresh_related.using(run_after=later).enqueue(next_after)
    return f"{changed} list(s) changed"


def refresh_all() -> None:
    """Every chunk at once, in this process (the bench's set-up, tests)."""
    after: int | None = 0
    while after is not None:
        _, after = refresh_chunk(after)


def schedule_refresh() -> None:
    """One run for every change within the window (the run starts once the window closes)."""
    if cache.add(REFRESH_PENDING, 1, timeout=REFRESH_AFTER_SECONDS):
        later = timezone.now() + timedelta(seconds=REFRESH_AFTER_SECONDS)
        refresh_related.using(run_after=later).enqueue()


def article_changed(sender=None, instance=None, **kwargs) -> None:
    """An article published, unpublished or deleted may enter or leave any list."""
    if isinstance(instance, ArticlePage):
        transaction.on_commit(schedule_refresh, robust=True)
