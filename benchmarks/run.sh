#!/usr/bin/env bash
# `make bench`: gunicorn (production settings, 2 workers a core) on this host, measured with wrk.
# Prints requests/second per page and its ratio to a static file, then SQL queries per uncached
# page with the 5 launch articles and with 2,000 articles.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
PORT=${BENCH_PORT:-8077}
DURATION=${BENCH_SECONDS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
BASE="http://127.0.0.1:$PORT"
# Readers' browsers: every measured request is counted (content performance) as a real view is,
# and accepts compressed responses as every browser does.
BROWSER=(-H "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
         -H "Accept-Encoding: gzip, deflate, br")
export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY=${SECRET_KEY:-bench-only-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')}
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/hiring_articles_bench}
export CACHE_URL=${BENCH_CACHE_URL:-redis://127.0.0.1:6379/3}
export SECURE_SSL_REDIRECT=False   # no TLS proxy in front of this benchmark
export STATIC_ROOT=build/bench-static
export LOG_LEVEL=ERROR

echo "== Preparing a fresh benchmark database ($DATABASE_URL)"
$PY - <<'PYTHON'
import os, psycopg
from urllib.parse import urlsplit
url = urlsplit(os.environ["DATABASE_URL"])
name = url.path.lstrip("/")
with psycopg.connect(url._replace(path="/postgres").geturl(), autocommit=True) as conn:
    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    conn.execute(f'CREATE DATABASE "{name}"')
PYTHON
$PY manage.py migrate --noinput -v0
$PY manage.py import_articles content/articles > /dev/null
$PY manage.py draw_covers > /dev/null
$PY manage.py collectstatic --noinput -v0
$PY -c "import redis, os; redis.Redis.from_url(os.environ['CACHE_URL']).flushdb()"
$PY manage.py count_queries > build/queries-small.tsv

if curl -s -o /dev/null "$BASE/healthz/"; then
  echo "Something already answers on $BASE: stop it (or set BENCH_PORT) and run again." >&2
  exit 1
fi
WORKERS=${BENCH_WORKERS:-$(( 2 * $(nproc) ))}  # as Deploy advises: about 2 × cores
echo "== Starting gunicorn ($WORKERS workers) on $BASE"
.venv/bin/gunicorn config.wsgi --workers "$WORKERS" --bind "127.0.0.1:$PORT" --log-level warning &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "$BASE/healthz/" > /dev/null && break; sleep 0.2; done

ARTICLE=$($PY manage.py shell -v0 -c "from articles.models import ArticlePage; print(ArticlePage.objects.listed().first().url)" 2>/dev/null)
CSS=$(curl -s "$BASE/" | grep -o '/static/css/site\.[0-9a-f]*\.css' | head -1)
for path in "$ARTICLE" /blog/ /blog/feed/; do curl -s -o /dev/null "$BASE$path"; done

measure() {  # name, path, [wrk options]
  local out rps bad total
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "${BROWSER[@]}" "${@:3}" "$BASE$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  bad=$(awk '/Non-2xx or 3xx responses/ {print $5}' <<< "$out")
  total=$(awk '/requests in/ {print $1}' <<< "$out")
  printf '%s\t%s\t%s\t%s\n' "$1" "$rps" "${bad:-0}" "$total"
}
counted() {  # views of a path counted so far today (Redis, not yet folded: no worker runs here)
  $PY manage.py shell -v0 -c "from performance.counting import redis, day_key
print(int(redis().hget(day_key(), 'v $1') or 0))" 2>/dev/null
}
echo "== Measuring: wrk, 2 threads, $CONNECTIONS connections, ${DURATION}s each"
{
  measure "static CSS file" "$CSS"
  before=$(counted "$ARTICLE")
  measure "cached article" "$ARTICLE"
  echo -e "counted\t$(( $(counted "$ARTICLE") - before ))\t0\t0" >&3
  measure "uncached article" "$ARTICLE" -s benchmarks/uncached.lua
  measure "/blog/ (cached)" /blog/
  measure "feed (cached)" /blog/feed/
} > build/rps.tsv 3> build/counted.tsv

echo "== Publishing under load: 300 articles read at random, one updated and published mid-run"
$PY manage.py generate_articles 295 > /dev/null
$PY manage.py shell -v0 -c "from articles.models import ArticlePage
print('\n'.join(page.url for page in ArticlePage.objects.listed()))" > build/bench-paths.txt
# Warm: every article rendered and stored once (4 at a time), then read at random for a while
# so that each worker's own copy holds them: the phases measure a warm cache, not first renders.
xargs -P4 -I{} curl -s -o /dev/null "${BROWSER[@]}" "$BASE{}" < build/bench-paths.txt
wrk -t2 -c"$CONNECTIONS" -d5s "${BROWSER[@]}" -s benchmarks/random_articles.lua "$BASE/" > /dev/null
phase() {  # name: requests/second, p50, p99 and non-2xx of random article reads
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "${BROWSER[@]}" --latency -s benchmarks/random_articles.lua "$BASE/" |
    awk -v phase="$1" '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2}
      /Non-2xx/ {bad=$5} END {printf "%s\t%s\t%s\t%s\t%s\n", phase, rps, p50, p99, bad+0}'
}
{
  phase steady
  # The publishing process sets Django up (seconds of CPU) and loads what a running editor's
  # process has loaded (URL patterns, the Redis client) before the phase begins, then
  # publishes a third of the way into it: the phase measures the publish, not a Python start-up.
  # An editor updates an established article (a launch article, live since set-up).
  rm -f build/publisher.ready
  $PY manage.py shell -v0 -c "import pathlib, time; from articles.models import ArticlePage
from django.core.cache import caches
page = ArticlePage.objects.live().exclude(first_published_at=None).earliest('first_published_at')
page.url, caches['pages'].get('warm-up')  # as in an editor's running process: URLs, Redis loaded
pathlib.Path('build/publisher.ready').touch()
time.sleep($DURATION / 3)
page.title += ' (updated)'; page.save_revision().publish()" &
  PUBLISHER=$!
  while [ ! -e build/publisher.ready ] && kill -0 $PUBLISHER 2>/dev/null; do sleep 0.05; done
  phase publish
  wait $PUBLISHER
} > build/publish.tsv
kill $GUNICORN 2>/dev/null || true; wait $GUNICORN 2>/dev/null || true

echo "== Growing to 2,000 articles"
$PY manage.py generate_articles 1700 > /dev/null
$PY manage.py count_queries > build/queries-large.tsv

$PY benchmarks/report.py build/rps.tsv build/queries-small.tsv build/queries-large.tsv \
  build/publish.tsv build/counted.tsv
