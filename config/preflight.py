"""`python -m config.preflight`: is the test database reachable? One line saying what to do if
not, before pytest's own pages of connection errors."""

import sys

import environ
import psycopg

DEFAULT = "postgres://postgres@127.0.0.1:5432/hiring_articles"


def main() -> int:
    url = environ.Env().str("TEST_DATABASE_URL", default=DEFAULT)
    db = environ.Env.db_url_config(url)
    where = f"{db.get('HOST') or 'local socket'}:{db.get('PORT') or 5432}"
    try:
        psycopg.connect(
            host=db.get("HOST") or None, port=db.get("PORT") or None, user=db.get("USER") or None,
            password=db.get("PASSWORD") or None, dbname="postgres", connect_timeout=3,
        ).close()  # fmt: skip
    except psycopg.Error as error:
        lines = str(error).strip().splitlines()
        reason = lines[-1].strip() if lines else type(error).__name__
        print(
            f"make test needs PostgreSQL, but {where} did not answer ({reason}): start it, or "
            "set TEST_DATABASE_URL=postgres://USER@HOST:PORT/NAME (see README, Prerequisites).",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
