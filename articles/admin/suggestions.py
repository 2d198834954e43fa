"""Link suggestions in the article editor: other live articles worth linking from this one
(same city, a shared topic, words of their title that this article uses), each insertable as an
internal link where the editor's cursor is. Internal links keep readers on the site; the links
report finds the articles nobody links to, this helps before they become orphans."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from articles.admin.links import linked_ids
from articles.blocks import block_text
from articles.pages import ArticlePage, ArticleTopic

SUGGESTIONS = 6
WORD = re.compile(r"[^\W\d_]{4,}")
# Title words too common in this site's titles to say two articles are about the same thing.
COMMON_WORDS = frozenset({
    "hire", "hiring", "hires", "backend", "engineer", "engineers", "developer", "developers",
    "with", "from", "your", "what", "when", "where", "which", "that", "this", "their", "they",
    "them", "about", "into", "than", "then", "more", "most", "best", "guide", "team", "teams",
    "city", "cities", "here", "there", "have", "will", "does", "just", "like", "also", "some",
    "need", "still", "over", "only", "less", "much", "many", "were", "been", "being", "other",
})  # fmt: skip
SAME_CITY, SHARED_TOPIC, SHARED_WORD = 3, 2, 1  # how much each reason weighs


@dataclass
class Suggestion:
    article: ArticlePage
    reasons: list[str]
    score: int
    parent_id: int | None = None


def words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower()) if w not in COMMON_WORDS}


def article_text(article: ArticlePage) -> str:
    return " ".join([article.title, article.intro or "", *map(block_text, article.body)])


def suggestions_for(article: ArticlePage, count: int = SUGGESTIONS) -> list[Suggestion]:
    """Ranked by city, topics and shared title words; none it links to already, nor itself.
    A few queries whatever the site's size: candidates, shared topics, their parents."""
    topic_ids = {tag.pk for tag in article.topics.all()}  # a revision's topics are in memory
    used = words(article_text(article))
    skip = linked_ids(article) | ({article.pk} if article.pk else set())
    candidates = ArticlePage.objects.visible().exclude(pk__in=skip).select_related("city")
    candidates = candidates.only("title", "url_path", "path", "depth", "city__name")
    shared_topics: dict[int, list[str]] = {}
    for page_id, name in ArticleTopic.objects.filter(tag_id__in=topic_ids).values_list(
        "content_object_id", "tag__name"
    ):
        shared_topics.setdefault(page_id, []).append(name)
    found = []
    for candidate in candidates:
        reasons, score = [], 0
        if article.city_id and candidate.city_id == article.city_id:
            reasons.append(_("same city, %(city)s") % {"city": candidate.city.name})
            score += SAME_CITY
        if topics := shared_topics.get(candidate.pk):
            reasons.append(_("topic %(topics)s") % {"topics": ", ".join(sorted(topics))})
            score += SHARED_TOPIC * len(topics)
        if shared := sorted(words(candidate.title) & used):
            reasons.append(_("mentions “%(words)s”") % {"words": "”, “".join(shared[:3])})
            score += SHARED_WORD * len(shared)
        if score:
            found.append(Suggestion(candidate, reasons, score))
    found.sort(key=lambda s: (-s.score, s.article.title))
    return with_parents(found[:count])


def with_parents(found: list[Suggestion]) -> list[Suggestion]:
    """Each article's parent page id, as Wagtail's chooser gives it with a link (one query)."""
    parents = dict(
        Page.objects.filter(path__in={s.article.path[: -Page.steplen] for s in found}).values_list(
            "path", "pk"
        )
    )
    for suggestion in found:
        suggestion.parent_id = parents.get(suggestion.article.path[: -Page.steplen])
    return found
