"""When content changes, purge the edge's copies of exactly what shows it (tags.py).

- A page published: soft purge of the page itself and of its type's key (every listing of that
  type) at once; its cards on other pages spread over EDGE_SPREAD_SECONDS a bucket at a time (an
  article can be on hundreds of related lists). Readers get the old copy while one fetch renews
  it.
- A page unpublished, deleted, moved, renamed or restricted: hard purge of it and its subtree,
  so anonymous readers cannot get it a moment longer; its type's listings soft at once and the
  pages that show it as a card soft, spread (renewed on their next request, nobody waiting).
- A registered snippet saved (readers see the change) or deleted: soft purge of it, and of its
  type spread (tags.py): a call to action shown on every article renews a few pages a second, so
  readers never notice the renders.

Purges are sent when the change commits: a reader who renders in between sees the committed, old
version, and would otherwise keep it as current.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import memo, purge, registry, tags
from .tasks import REPEAT_AFTER_SECONDS, RETRY_SECONDS, later, renew_spread

# Saving only these keeps a draft: readers still see the published version.
DRAFT_BOOKKEEPING = {"latest_revision", "has_unpublished_changes", "live_revision"}


def purge_soon(keys: Iterable[str], hard: bool = False) -> None:
    """Purge at commit (now, outside a transaction); the worker repeats it a moment later, and
    retries it while an edge does not answer."""
    keys = sorted(set(keys))
    if not keys or purge.backend() is None:
        return

    def at_commit() -> None:
        if purge.send(set(keys), hard) is not None:
            later(REPEAT_AFTER_SECONDS).enqueue(keys, hard)
        else:
            later(RETRY_SECONDS).enqueue(keys, hard, 2, True)

    transaction.on_commit(at_commit, robust=True)


def spread(keys: Iterable[str]) -> None:
    """Soft-purge these keys a bucket at a time (the worker paces them: tasks.renew_spread)."""
    keys = sorted(set(keys))
    if not keys or purge.backend() is None:
        return
    if settings.EDGE_SPREAD_SECONDS <= 0:
        purge_soon([f"{key}:{bucket}" for key in keys for bucket in range(tags.BUCKETS)])
        return
    transaction.on_commit(lambda: renew_spread.enqueue(keys), robust=True)


def page_type_key(page: Page) -> str:
    return tags.key(page.specific_class or type(page))


def published(sender=None, instance=None, **kwargs) -> None:
    memo.content_changed()
    purge_soon([tags.own_key(instance.pk), page_type_key(instance)])
    spread([tags.key(instance)])  # its cards on other pages: an article may be on hundreds


def page_gone(page: Page) -> None:
    """It (and what is under it) must not be served again as it was."""
    memo.content_changed()
    subtree = {
        page.pk,
        *Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True),
    }
    purge_soon({tags.own_key(pk) for pk in subtree}, hard=True)
    purge_soon([page_type_key(page)])
    spread({tags.page_key(pk) for pk in subtree})  # their cards elsewhere, a few pages a second


def unpublished(sender=None, instance=None, **kwargs) -> None:
    page_gone(instance)


def moved(sender=None, instance=None, **kwargs) -> None:
    page_gone(instance)


def restriction_changed(sender=None, instance=None, **kwargs) -> None:
    """A password, login or group restriction added, changed or lifted."""
    if instance.page_id and (page := Page.objects.filter(pk=instance.page_id).first()):
        page_gone(page)


def readers_see(instance, created: bool, update_fields) -> bool:
    """Whether a snippet save changes what readers see: not a new draft, not a draft saved
    over a published snippet (publishing and unpublishing save the whole row)."""
    if not hasattr(instance, "live"):
        return True
    if created and not instance.live:
        return False
    return not update_fields or not set(update_fields) <= DRAFT_BOOKKEEPING


def snippet_saved(sender=None, instance=None, created=False, update_fields=None, **kwargs) -> None:
    if sender in registry.shown_models() and readers_see(instance, created, update_fields):
        snippet_changed(instance)


def snippet_deleted(sender=None, instance=None, **kwargs) -> None:
    if sender in registry.shown_models():
        snippet_changed(instance)


def snippet_changed(instance) -> None:
    memo.content_changed()
    purge_soon([tags.key(instance)])  # the pages that show this one (an author's, a city's)
    spread([tags.key(type(instance))])  # the pages that show some of them: every article


def site_changed(sender=None, **kwargs) -> None:
    memo.content_changed()


def connect() -> None:
    page_published.connect(published, dispatch_uid="pagecache-published")
    page_unpublished.connect(unpublished, dispatch_uid="pagecache-unpublished")
    page_slug_changed.connect(moved, dispatch_uid="pagecache-slug")
    post_page_move.connect(moved, dispatch_uid="pagecache-moved")
    post_delete.connect(unpublished, sender=Page, dispatch_uid="pagecache-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed, sender="wagtailcore.PageViewRestriction",
            dispatch_uid=f"pagecache-restriction-{signal is post_save}",
        )  # fmt: skip
    for signal in (post_save, post_delete):
        signal.connect(
            site_changed, sender="wagtailcore.Site", dispatch_uid=f"memo-site-{signal is post_save}"
        )
    # Any model's save: the registry says which ones readers see (apps register in any order).
    post_save.connect(snippet_saved, dispatch_uid="pagecache-snippet-saved")
    post_delete.connect(snippet_deleted, dispatch_uid="pagecache-snippet-deleted")
