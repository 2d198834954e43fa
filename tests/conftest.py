"""Shared fixtures: the tests' own launch content (tests/support/corpus.py) is imported once per
session, as `make setup` imports the shipped content."""

import io
from pathlib import Path

import pytest
import redis as redis_lib
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from articles.models import ArticlePage, BlogIndexPage
from tests.support import corpus, run_redis, stale_databases
from tests.support.faults import SmtpServer
from tests.support.imap import Dovecot
from tests.support.jobs import run_jobs
from tests.support.leads import lead, triage
from tests.support.people import member_of

# The database as the session set it up (migrations plus the launch articles), kept in SQL.
LAUNCH_SCHEMA = "launch_state"


def pytest_sessionstart(session) -> None:
    stale_databases.drop_stale(settings.DATABASES["default"])


SLOW_FIXTURES = {"edge", "varnish", "live_server", "page", "browser"}


def pytest_collection_modifyitems(items) -> None:
    """Tests that need Varnish, the live server or Chromium are slow; subprocess tests say so."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def pytest_report_header(config) -> str:
    db = settings.DATABASES["default"]
    where = f"{db.get('HOST') or 'local socket'}:{db.get('PORT') or 'default port'}"
    if getattr(config.option, "numprocesses", None):  # pytest-xdist: each worker its own
        return (
            f"database: {db['ENGINE'].rsplit('.', 1)[-1]} at {where}; each worker has its own"
            f" test database test_{db['NAME']}_<pid>_gw<n> and Redis database"
        )
    return (
        f"database: {db['ENGINE'].rsplit('.', 1)[-1]} at {where}, test database"
        f" '{db['TEST']['NAME']}', Redis database {run_redis.DATABASE}"
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        assert connection.vendor == "postgresql", "the suite runs on PostgreSQL (see README)"
        launch = corpus.write_launch(tmp_path_factory.mktemp("launch"))
        call_command("import_articles", launch, stdout=io.StringIO())
        call_command("draw_covers", stdout=io.StringIO())  # as `make setup` does
        snapshot_launch_state()


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    """Rate limits and whatever else the shared cache holds belong to one test."""
    from django.core.cache import cache

    cache.clear()


def copied_tables() -> dict[str, str]:
    """Every table of the test database, with the columns a copy can write (not generated)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name,"
            " string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)"
            " FROM information_schema.columns WHERE table_schema = 'public'"
            " AND is_generated = 'NEVER' GROUP BY table_name"
        )
        return dict(cursor.fetchall())


def snapshot_launch_state() -> None:
    """Keep the launch state in a schema of its own, copied table by table in SQL."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"DROP SCHEMA IF EXISTS {LAUNCH_SCHEMA} CASCADE; CREATE SCHEMA {LAUNCH_SCHEMA}"
        )
        for table in copied_tables():
            cursor.execute(f'CREATE TABLE {LAUNCH_SCHEMA}."{table}" AS TABLE public."{table}"')


def restore_launch_state() -> None:
    """Bring back the launch state after a transactional test flushed the database: the
    snapshot's rows copied back in SQL (no model code runs), then the sequences after them."""
    tables = copied_tables()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")  # no FK order needed
        names = ", ".join(f'public."{table}"' for table in tables)
        cursor.execute(f"TRUNCATE {names}")
        for table, columns in tables.items():
            copy = f'SELECT {columns} FROM {LAUNCH_SCHEMA}."{table}"'
            cursor.execute(f'INSERT INTO public."{table}" ({columns}) {copy}')
    models = [m for app in apps.get_app_configs() for m in app.get_models()]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    ContentType.objects.clear_cache()


@pytest.fixture
def launch_state(transactional_db) -> None:
    """The shipped content, committed: for tests whose other processes read the database.

    Django flushes the database after each such test; the next one restores the launch state
    the session started with.
    """
    from wagtail.models import Page

    if not Page.objects.filter(depth=1).exists():
        restore_launch_state()


@pytest.fixture
def smtp(settings):
    """A real SMTP server on a local port, and the site's mail pointed at it."""
    server = SmtpServer(refuse=("nobody@example.com",))
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield server
    server.close()


@pytest.fixture
def sam(client):
    """Sam of Sales, signed in on the test client."""
    user = member_of("Sales", "sam")
    client.force_login(user)
    return user


@pytest.fixture
def shared_mailbox(settings):
    """A real IMAP server (dovecot) holding the sales mailbox the worker reads."""
    server = Dovecot()
    settings.INBOUND_IMAP_URL = server.url
    yield server
    server.stop()


@pytest.fixture
def written(client, smtp):
    """A lead Sam has written to: the Message-ID the lead's answer will name."""
    client.force_login(member_of("Sales", "sam"))
    aino = lead("Aino Virtanen", "Nordpay")
    triage(client, aino, reply_subject=aino.reply_subject, reply="Could we talk on Thursday?")
    run_jobs()
    return aino, smtp.messages[-1]["Message-ID"]


@pytest.fixture
def blog(db) -> BlogIndexPage:
    return BlogIndexPage.objects.get()


@pytest.fixture
def article(db) -> ArticlePage:
    """The first launch article (Helsinki, Eric Hanson)."""
    return ArticlePage.objects.live().get(title=corpus.LAUNCH[0].title)


@pytest.fixture
def write_article(tmp_path):
    """Write an article file in the seed format and return its path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def varnish(live_server):
    """Varnish with the project's VCL in front of the live server, for the whole session."""
    from tests.support.edge import Varnish

    edge = Varnish([f"127.0.0.1:{live_server.thread.port}"])
    yield edge
    edge.stop()


@pytest.fixture
def edge(varnish, launch_state, settings):
    """The edge in front of the site as production runs it: pages kept and tagged, purges sent
    to it; nothing kept from an earlier test."""
    settings.PAGE_CACHE_SECONDS = 3600
    settings.EDGE_PURGE_URLS = [varnish.url]
    varnish.purge_everything()
    yield varnish
    varnish.purge_everything()  # no background refresh starts after this test
    varnish.wait_idle()


@pytest.fixture
def shared_redis(settings):
    """The shared cache on this machine's Redis (a database of the tests' own, emptied)."""
    from django.core.cache import cache

    from pagecache.redis_client import reset_outage

    reset_outage()
    settings.CACHES = run_redis.redis_caches()
    cache.clear()
    yield
    cache.clear()
    reset_outage()


@pytest.fixture
def redis(shared_redis) -> redis_lib.Redis:
    """This run's Redis database, as the shared cache and counting use it."""
    return redis_lib.Redis.from_url(run_redis.URL)


@pytest.fixture
def editor(db) -> User:
    return member_of("Editors", "eddie")
