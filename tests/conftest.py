"""Shared fixtures: the launch content is imported once per session, as `make setup` does."""

import io
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from articles.models import ArticlePage, BlogIndexPage

SHIPPED_FILES = sorted(Path(settings.ARTICLES_CONTENT_DIR).glob("*.txt"))
# The database as the session set it up (migrations plus the launch articles), as JSON.
LAUNCH_STATE: dict[str, str] = {}


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
        LAUNCH_STATE["json"] = connection.creation.serialize_db_to_string()


def restore_launch_state() -> None:
    """Bring back the launch state after a transactional test flushed the database."""
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    # Content types go in first, from the raw data: building some models' instances looks
    # them up, and would otherwise create them under ids the snapshot uses for others.
    rows = json.loads(LAUNCH_STATE["json"])
    ContentType.objects.bulk_create(
        ContentType(pk=row["pk"], **row["fields"])
        for row in rows
        if row["model"] == "contenttypes.contenttype"
    )
    ContentType.objects.clear_cache()
    with transaction.atomic(), connection.constraint_checks_disabled():
        for item in serializers.deserialize("json", LAUNCH_STATE["json"]):
            item.save()
    models = [m for app in apps.get_app_configs() for m in app.get_models()]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


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
