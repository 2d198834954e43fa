from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """Readers' and editors' side of the articles: pages, snippets, importer."""

    name = "articles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import page_published

        from .newsroom import written

        page_published.connect(written, dispatch_uid="articles-placeholder-written")
