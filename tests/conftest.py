"""Shared fixtures: the launch content is imported once per session, as `make setup` does."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from articles.models import ArticlePage, BlogIndexPage

SHIPPED_FILES = sorted(Path(settings.ARTICLES_CONTENT_DIR).glob("*.txt"))


def pytest_report_header(config) -> str:
    db = settings.DATABASES["default"]
    where = f"{db.get('HOST') or 'local socket'}:{db.get('PORT') or 'default port'}"
    return (
        f"database: {db['ENGINE'].rsplit('.', 1)[-1]} at {where}, test database 'test_{db['NAME']}'"
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        assert connection.vendor == "postgresql", "the suite runs on PostgreSQL (see README)"
        call_command("import_articles", settings.ARTICLES_CONTENT_DIR, stdout=io.StringIO())


@pytest.fixture
def blog(db) -> BlogIndexPage:
    return BlogIndexPage.objects.get()


@pytest.fixture
def article(db) -> ArticlePage:
    """The first launch article (Helsinki, Eric Hanson)."""
    return ArticlePage.objects.live().get(title__startswith="Why Finnish Startups")


@pytest.fixture
def write_article(tmp_path):
    """Write an article file in the seed format and return its path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
