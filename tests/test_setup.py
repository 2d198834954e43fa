"""Set-up mistakes stop with one line saying what to do."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from tests.support.faults import free_port

pytestmark = pytest.mark.slow  # real processes

ROOT = Path(settings.BASE_DIR)


def fake_python(path: Path, version: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho {version}\n")
    path.chmod(0o755)
    return path


def make(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return subprocess.run(
        ["make", "--no-print-directory", *args], cwd=tmp_path, capture_output=True, text=True,
        timeout=60, env={k: v for k, v in os.environ.items() if not k.startswith("MAKE")},
    )  # fmt: skip


def test_an_unreachable_test_database_is_one_line_naming_the_fix():
    env = {**os.environ, "TEST_DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/x"}
    result = subprocess.run(
        [sys.executable, "-m", "config.preflight"], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=30,
    )  # fmt: skip
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "make test needs PostgreSQL" in line and "TEST_DATABASE_URL" in line


def preflight_app(database_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "config.preflight", "--app"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip


def test_make_run_with_an_unreachable_database_is_one_line_naming_the_fix():
    result = preflight_app(f"postgres://postgres@127.0.0.1:{free_port()}/site")
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "did not answer" in line and "DATABASE_URL" in line and "SQLite" in line


@pytest.mark.parametrize("url", ["postgres://postgres@127.0.0.1:5432/postgres", "sqlite:///x.db"])
def test_a_reachable_or_embedded_site_database_passes_the_check(url):
    assert preflight_app(url).returncode == 0


def test_the_reachable_test_database_passes_the_check():
    result = subprocess.run([sys.executable, "-m", "config.preflight"], cwd=ROOT, timeout=30)
    assert result.returncode == 0


def test_a_wrong_python_stops_with_one_line(tmp_path):
    python = fake_python(tmp_path / "bin" / "python3", "3.12")
    result = make(tmp_path, "install", f"PYTHON={python}")
    assert result.returncode != 0
    [line] = [line for line in result.stderr.splitlines() if not line.startswith("make")]
    assert line.startswith("This project needs Python 3.11, but") and "is 3.12" in line
    assert not (tmp_path / ".venv").exists()


def test_a_venv_built_by_another_python_is_not_reused(tmp_path):
    fake_python(tmp_path / ".venv" / "bin" / "python", "3.9")
    wrong = fake_python(tmp_path / "bin" / "python3", "3.13")
    result = make(tmp_path, "install", f"PYTHON={wrong}")
    assert "Rebuilding .venv: it was built with Python 3.9" in result.stderr
    assert not (tmp_path / ".venv").exists(), "the old .venv is gone, not reused"


@pytest.mark.parametrize("suffix", ["", "_gw1"])
def test_a_killed_runs_test_database_is_dropped_at_the_next_start(suffix):
    """A run (or one of its xdist workers) killed before its teardown leaves its database."""
    from tests.support import stale_databases

    db = settings.DATABASES["default"]
    gone = subprocess.Popen(["true"])
    gone.wait()
    name = f"test_{db['NAME']}_{gone.pid}{suffix}"
    with psycopg.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], dbname="postgres",
                         autocommit=True) as connection:  # fmt: skip
        connection.execute(f'CREATE DATABASE "{name}"')
        assert name in stale_databases.drop_stale(db)
        listed = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        assert listed.fetchone() is None
