from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """Readers' and editors' side of the articles: pages, snippets, importer."""

    name = "articles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from pagecache import registry

        from . import receivers
        from .snippets import Author, CallToAction, City, Office

        # Readers see these on pages: a change purges the pages that show them.
        registry.shown_to_readers(Author, City, Office, CallToAction)
        receivers.connect()
