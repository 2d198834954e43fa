from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """Readers' and editors' side of the articles: pages, snippets, importer."""

    name = "articles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.images import get_image_model
        from wagtail.signals import page_published, page_unpublished

        from pagecache import registry

        from .covers import GeneratedCover, cover_deleted, draw_on_publish
        from .editors.newsroom import written
        from .images import uploaded
        from .pages import ArticlePage
        from .related import article_changed
        from .snippets import Author, CallToAction, City, Office

        # Readers see these on pages: a change purges the pages that show them.
        registry.shown_to_readers(Author, City, Office, CallToAction)

        page_published.connect(written, dispatch_uid="articles-placeholder-written")
        for name, signal in [("published", page_published), ("unpublished", page_unpublished),
                             ("deleted", post_delete)]:  # fmt: skip
            signal.connect(article_changed, dispatch_uid=f"articles-related-{name}")
        page_published.connect(
            draw_on_publish, sender=ArticlePage, dispatch_uid="articles-draw-cover"
        )
        post_delete.connect(
            cover_deleted, sender=GeneratedCover, dispatch_uid="articles-cover-gone"
        )
        post_save.connect(uploaded, sender=get_image_model(), dispatch_uid="articles-image-up")
