"""Which of the articles' functions run on which signal, in one place (connected at start-up)."""

from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.signals import page_published, page_unpublished

from .admin.newsroom import written
from .covers import GeneratedCover, cover_deleted, draw_on_publish
from .images import uploaded
from .pages import ArticlePage
from .related import article_changed


def connect() -> None:
    page_published.connect(written, dispatch_uid="articles-placeholder-written")
    for name, signal in [("published", page_published), ("unpublished", page_unpublished),
                         ("deleted", post_delete)]:  # fmt: skip
        signal.connect(article_changed, dispatch_uid=f"articles-related-{name}")
    page_published.connect(draw_on_publish, sender=ArticlePage, dispatch_uid="articles-draw-cover")
    post_delete.connect(cover_deleted, sender=GeneratedCover, dispatch_uid="articles-cover-gone")
    post_save.connect(uploaded, sender=get_image_model(), dispatch_uid="articles-image-up")
