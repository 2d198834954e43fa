"""When content changes, clear the page cache and purge the CDN for the pages that show it."""

import logging
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import store
from .tasks import clear_page_cache

logger = logging.getLogger(__name__)
# An article first published this recently is new to every related list (not just an update).
NEW_ARTICLE_WINDOW = timedelta(minutes=1)
SNIPPETS = ("articles.Author", "articles.City", "articles.Office", "articles.CallToAction")
# Saving only these keeps a draft: readers still see the published version.
DRAFT_BOOKKEEPING = {"latest_revision", "has_unpublished_changes", "live_revision"}


def listing_paths() -> list[str]:
    """Pages that list articles: a CDN does not know they changed when one article did."""
    return ["/", "/blog/", reverse("feed"), reverse("atom_feed"), reverse("sitemap")]


def purge_cdn(instance, article: bool = False) -> None:
    """Purge what shows the changed object; paths are worked out only when a CDN is set up."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Site

    paths = changed_paths(instance) + (article_listing_paths(instance) if article else [])
    batch = PurgeBatch()
    for site in Site.objects.all():
        batch.add_urls(site.root_url + path for path in paths)
    batch.purge()


def article_listing_paths(page) -> list[str]:
    """The listings only this article's publish changes: its author, city and topic pages."""
    paths = []
    if page.author_id:
        paths.append(page.author.get_absolute_url())
    if page.city_id:
        paths += [page.city.get_absolute_url(), reverse("city_feed", args=(page.city.slug,))]
    return paths + [reverse("topic", args=(topic.slug,)) for topic in page.topics.all()]


def changed_paths(instance) -> list[str]:
    """The listings, and the changed object's own page, for the CDN."""
    paths = listing_paths()
    page = getattr(instance, "page", instance)  # a view restriction names its page
    if isinstance(page, Page):
        url = urlsplit(page.url or "").path
    else:
        url = page.get_absolute_url() if hasattr(page, "get_absolute_url") else None
    if url and url.startswith("/"):
        paths.append(url)
    return paths


def now_and_at_commit(handler: Callable) -> Callable:
    """Invalidate at once, and again when the change commits: a reader who rendered the old
    version in between (it is still the committed one) cannot keep it stored as current."""

    @wraps(handler)
    def run(sender=None, instance=None, **kwargs) -> None:
        handler(sender, instance, **kwargs)
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(lambda: handler(sender, instance, **kwargs), robust=True)

    return run


def clear_everything(instance) -> None:
    if not store.clear():  # Redis unreachable: the worker retries until it answers
        clear_page_cache.enqueue()
    purge_cdn(instance)


@now_and_at_commit
def content_changed(sender=None, instance=None, **kwargs) -> None:
    """Something may vanish or change on every page: all of it is stale at once."""
    clear_everything(instance)


@now_and_at_commit
def published(sender=None, instance=None, **kwargs) -> None:
    """An article went live or changed: it and every listing at once, related cards soon after.
    Any other page, or Redis not answering, clears everything."""
    if instance._meta.label_lower == "articles.articlepage":
        path = urlsplit(instance.url or "").path
        first, last = instance.first_published_at, instance.last_published_at
        new = not first or not last or last - first < NEW_ARTICLE_WINDOW
        if path.startswith("/") and store.article_published(path, instance.pk, new):
            purge_cdn(instance, article=True)
            return
    clear_everything(instance)


def readers_see(instance, created: bool, update_fields) -> bool:
    """Whether a snippet save changes what readers see: not a new draft, not a draft saved
    over a published snippet (publishing and unpublishing save the whole row)."""
    if not hasattr(instance, "live"):
        return True
    if created and not instance.live:
        return False
    return not update_fields or not set(update_fields) <= DRAFT_BOOKKEEPING


@now_and_at_commit
def snippet_saved(sender=None, instance=None, created=False, update_fields=None, **kwargs) -> None:
    if readers_see(instance, created, update_fields):
        clear_everything(instance)


def connect() -> None:
    page_published.connect(published, dispatch_uid="pagecache-published")
    page_slug_changed.connect(content_changed, dispatch_uid="pagecache-slug")
    page_unpublished.connect(content_changed, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(content_changed, dispatch_uid="pagecache-moved")
    # Deleting any page, an article included, deletes its wagtailcore.Page row.
    post_delete.connect(content_changed, sender="wagtailcore.Page", dispatch_uid="pagecache-page")
    # A password, login or group restriction added, changed or lifted: gone from the cache now.
    for signal in (post_save, post_delete):
        signal.connect(
            content_changed, sender="wagtailcore.PageViewRestriction",
            dispatch_uid=f"pagecache-restriction-{signal is post_save}",
        )  # fmt: skip
    for model in SNIPPETS:
        post_save.connect(snippet_saved, sender=model, dispatch_uid=f"pagecache-save-{model}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"pagecache-del-{model}")
