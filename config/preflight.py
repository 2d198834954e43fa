"""`python -m config.preflight [--app]`: is the database reachable? One line saying what to do
if not, before pytest's (or migrate's) own pages of connection errors.

Without `--app`: the test server of `make test` (TEST_DATABASE_URL); with it: the site's own
database of `make run` / `make setup` (DATABASE_URL; the embedded SQLite file needs no check).
"""

import sys

import environ
import psycopg

DEFAULT = "postgres://postgres@127.0.0.1:5432/hiring_articles"


def reachable(db: dict, dbname: str) -> str | None:
    """None when PostgreSQL answers, else the reason it did not, in a line."""
    try:
        psycopg.connect(
            host=db.get("HOST") or None, port=db.get("PORT") or None, user=db.get("USER") or None,
            password=db.get("PASSWORD") or None, dbname=dbname, connect_timeout=3,
        ).close()  # fmt: skip
    except psycopg.Error as error:
        lines = str(error).strip().splitlines()
        return lines[-1].strip() if lines else type(error).__name__
    return None


def main(args: list[str]) -> int:
    env = environ.Env()
    app = "--app" in args
    url = env.str("DATABASE_URL", default="") if app else env.str("TEST_DATABASE_URL", DEFAULT)
    try:
        db = environ.Env.db_url_config(url) if url else {}
    except Exception as error:  # a URL environ cannot read, whatever the reason
        print(f"DATABASE_URL {url!r} is not a database URL ({error}).", file=sys.stderr)
        return 1
    if not db.get("ENGINE", "").endswith("postgresql"):
        return 0  # SQLite: a file next to the code
    where = f"{db.get('HOST') or 'local socket'}:{db.get('PORT') or 5432}"
    if app:
        reason = reachable(db, db.get("NAME") or "postgres")
        message = (
            f"The site's database {where}/{db.get('NAME')} did not answer ({reason}): start "
            "it, fix DATABASE_URL, or unset it for the embedded SQLite file (see README)."
        )
    else:
        reason = reachable(db, "postgres")  # the test database itself is made by the run
        message = (
            f"make test needs PostgreSQL, but {where} did not answer ({reason}): start it, or "
            "set TEST_DATABASE_URL=postgres://USER@HOST:PORT/NAME (see README, Prerequisites)."
        )
    if reason is None:
        return 0
    print(message, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
