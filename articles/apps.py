from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """Readers' and editors' side of the articles: pages, snippets, importer."""

    name = "articles"
    default_auto_field = "django.db.models.BigAutoField"
