"""The site run as production runs it, in processes of its own: environment, commands, worker."""

import os
import subprocess
import sys

from django.conf import settings
from django.db import connection

from tests.support import run_redis


def production_env(tmp_path, **extra) -> dict:
    """Production settings pointed at this run's test database and Redis database."""
    db = connection.settings_dict
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "prod-test-" + "k" * 60,
        "ALLOWED_HOSTS": "www.example.com",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CACHE_URL": run_redis.URL,
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "CONFIRM_TO_READER": "False",  # as in the test settings: these count the sales e-mails
        **extra,
    }


def run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=settings.BASE_DIR, env=env, capture_output=True,
        text=True, timeout=300,
    )  # fmt: skip


def collected_static(folder, django_db_blocker) -> dict:
    """Production's environment, its hashed static files collected (once for a module)."""
    with django_db_blocker.unblock():
        env = production_env(folder)
    collected = run(["manage.py", "collectstatic", "--noinput", "-v0"], env)
    assert collected.returncode == 0, collected.stderr
    return env


def start_worker(env: dict) -> subprocess.Popen:
    """`manage.py worker` as `make run` starts it, polling often."""
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip


def output(process: subprocess.Popen):
    """What a stopped process printed, for a failure message (None while it runs)."""
    return lambda: process.poll() is not None and process.stdout.read()
