"""Test databases of runs that were killed (their process is gone), dropped at the next start."""

import os
import re

import psycopg


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def drop_stale(db: dict) -> list[str]:
    """Drop `test_<NAME>_<pid>[_gw<n>]` databases whose process no longer exists on this host."""
    pattern = re.compile(rf"test_{re.escape(db['NAME'])}_(\d+)(?:_gw\d+)?")  # xdist adds _gw<n>
    with psycopg.connect(
        host=db.get("HOST") or None, port=db.get("PORT") or None, user=db.get("USER") or None,
        password=db.get("PASSWORD") or None, dbname="postgres", autocommit=True,
    ) as connection:  # fmt: skip
        names = [row[0] for row in connection.execute("SELECT datname FROM pg_database")]
        stale = [n for n in names if (m := pattern.fullmatch(n)) and not running(int(m[1]))]
        for name in stale:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return stale
