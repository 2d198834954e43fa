"""When content changes, clear the page cache and purge the CDN for the pages that show it."""

import logging

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import store
from .tasks import clear_page_cache

logger = logging.getLogger(__name__)
SNIPPETS = ("articles.Author", "articles.City", "articles.Office", "articles.CallToAction")


def listing_paths() -> list[str]:
    """Pages that list articles: a CDN does not know they changed when one article did."""
    return ["/", "/blog/", reverse("feed"), reverse("atom_feed"), reverse("sitemap")]


def purge_cdn(paths: list[str]) -> None:
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Site

    batch = PurgeBatch()
    for site in Site.objects.all():
        batch.add_urls(site.root_url + path for path in paths)
    batch.purge()


def content_changed(sender=None, instance=None, **kwargs) -> None:
    if not store.clear():  # Redis unreachable: the worker retries until it answers
        clear_page_cache.enqueue()
    paths = listing_paths()
    page = getattr(instance, "page", instance)  # a view restriction names its page
    if isinstance(page, Page):
        url = page.url
    else:
        url = page.get_absolute_url() if hasattr(page, "get_absolute_url") else None
    if url and url.startswith("/"):
        paths.append(url)
    purge_cdn(paths)


def connect() -> None:
    page_published.connect(content_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(content_changed, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(content_changed, dispatch_uid="pagecache-moved")
    post_delete.connect(content_changed, sender="wagtailcore.Page", dispatch_uid="pagecache-page")
    post_delete.connect(
        content_changed, sender="articles.ArticlePage", dispatch_uid="pagecache-article"
    )
    # A password, login or group restriction added, changed or lifted: gone from the cache now.
    for signal in (post_save, post_delete):
        signal.connect(
            content_changed, sender="wagtailcore.PageViewRestriction",
            dispatch_uid=f"pagecache-restriction-{signal is post_save}",
        )  # fmt: skip
    for model in SNIPPETS:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"pagecache-save-{model}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"pagecache-del-{model}")
