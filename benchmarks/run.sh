#!/usr/bin/env bash
# `make bench`: the production stack (`make serve`: Varnish in front of gunicorn, the worker)
# measured with wrk against nginx serving the same page from disk (the host's limit): cached
# and uncached pages, then 300 articles read at random while an editor publishes an article,
# the call to action, an unpublish, and while a bot searches. Exits 1 when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
PORT=${BENCH_PORT:-8077}
APP_PORT=$((PORT + 1))
NGINX_PORT=$((PORT + 2))
DURATION=${BENCH_SECONDS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
BASE="http://127.0.0.1:$PORT"
# Readers' browsers, which accept compressed responses.
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
export EDGE_PURGE_URLS=  # set-up purges nothing; the stack and the editor (publish.py) do
export WEB_WORKERS=${BENCH_WORKERS:-$(( 2 * $(nproc) ))}  # as Deploy advises: about 2 × cores

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
$PY manage.py generate_articles 295 > /dev/null
$PY manage.py shell -v0 -c "from articles.models import ArticlePage
from articles.related import refresh_all
from django_tasks_db.models import DBTaskResult
refresh_all()  # what the worker does after an import, before the stack starts (not during it)
DBTaskResult.objects.ready().delete()  # the set-up's jobs: the stack starts with a quiet worker
print('\n'.join(page.url for page in ArticlePage.objects.listed()))" > build/bench-paths.txt

for port in $PORT $APP_PORT $NGINX_PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "Something already answers on port $port: stop it (or set BENCH_PORT) and run again." >&2
    exit 1
  fi
done
echo "== Starting the stack: Varnish on $BASE, gunicorn ($WEB_WORKERS workers) on :$APP_PORT"
export EDGE_PURGE_URLS="$BASE"  # the editor's changes (publish.py) purge the bench's Varnish
PORT=$PORT APP_PORT=$APP_PORT deploy/serve.sh > build/serve.log 2>&1 &
STACK=$!
NGINX_DIR=$(mktemp -d /tmp/bench-nginx-XXXXXX)
chmod 755 "$NGINX_DIR"
cleanup() {
  kill $STACK 2>/dev/null || true
  [ -e "$NGINX_DIR/nginx.pid" ] && kill "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$NGINX_DIR"
}
trap cleanup EXIT
for _ in $(seq 100); do curl -sf -o /dev/null "$BASE/healthz/" && break; sleep 0.2; done

ARTICLE=$(head -1 build/bench-paths.txt)
curl -s "${BROWSER[@]}" "$BASE$ARTICLE" -o /dev/null
curl -s -H "Accept-Encoding: gzip" "$BASE$ARTICLE" -o "$NGINX_DIR/article.html.gz"
gunzip -kf "$NGINX_DIR/article.html.gz"
chmod 644 "$NGINX_DIR"/article.html*
sed -e "s|NGINX_PORT|$NGINX_PORT|" -e "s|NGINX_ROOT|$NGINX_DIR|" benchmarks/nginx.conf > "$NGINX_DIR/nginx.conf"
setsid nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -g "pid $NGINX_DIR/nginx.pid;" &
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/article.html" && break; sleep 0.1; done

measure() {  # name, url, [wrk options]: name, req/s, non-2xx, requests
  local out rps bad total
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "${BROWSER[@]}" "${@:3}" "$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  bad=$(awk '/Non-2xx or 3xx responses/ {print $5}' <<< "$out")
  total=$(awk '/requests in/ {print $1}' <<< "$out")
  printf '%s\t%s\t%s\t%s\n' "$1" "$rps" "${bad:-0}" "$total"
}
app_cpu_ticks() {  # CPU time (clock ticks) the gunicorn workers have used so far
  local master
  master=$(pgrep -f "gunicorn config.wsgi" | head -1)
  pgrep -P "$master" | sed 's|.*|/proc/&/stat|' | xargs awk '{t += $14 + $15} END {print t}'
}
echo "== Measuring: wrk, 2 threads, $CONNECTIONS connections, ${DURATION}s each"
for path in /blog/ /blog/feed/; do curl -s -o /dev/null "${BROWSER[@]}" "$BASE$path"; done
{
  measure "nginx, static file" "http://127.0.0.1:$NGINX_PORT/article.html"
  measure "cached article" "$BASE$ARTICLE"
  # Straight to gunicorn: every request is a full render (4 connections, as many as workers),
  # after a few seconds that load what each worker loads on its first requests.
  CONNECTIONS=$WEB_WORKERS DURATION=3 measure warm-up "http://127.0.0.1:$APP_PORT$ARTICLE" > /dev/null
  before=$(app_cpu_ticks)
  CONNECTIONS=$WEB_WORKERS measure "uncached article" "http://127.0.0.1:$APP_PORT$ARTICLE"
  echo "$(( $(app_cpu_ticks) - before ))" > build/uncached.ticks
  measure "/blog/ (cached)" "$BASE/blog/"
  measure "feed (cached)" "$BASE/blog/feed/"
} > build/rps.tsv

echo "== 300 articles read at random: steady, then while an editor changes something"
# Warm: every article in the edge (4 at a time), then read at random for a while.
xargs -P4 -I{} curl -s -o /dev/null "${BROWSER[@]}" "$BASE{}" < build/bench-paths.txt
wrk -t2 -c"$CONNECTIONS" -d5s "${BROWSER[@]}" -s benchmarks/random_articles.lua "$BASE/" > /dev/null
phase() {  # name [seconds]: requests/second, p50, p99 and non-2xx of random article reads
  wrk -t2 -c"$CONNECTIONS" -d"${2:-$DURATION}s" "${BROWSER[@]}" --latency -s benchmarks/random_articles.lua "$BASE/" |
    awk -v phase="$1" '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2}
      /Non-2xx/ {bad=$5} END {printf "%s\t%s\t%s\t%s\t%s\n", phase, rps, p50, p99, bad+0}'
}
# A change phase lasts twice as long: the change comes DURATION/3 in, and however long it takes
# on a saturated host, what it sets off (purges, renewals) happens inside the measured phase.
change() {  # kind: a load phase with the editor's change a sixth of the way in
  rm -f build/publisher.ready build/published.at
  setsid $PY benchmarks/publish.py "$1" "$DURATION" > build/published.txt &  # as serve.sh runs gunicorn
  local publisher=$!
  while [ ! -e build/publisher.ready ] && kill -0 $publisher 2>/dev/null; do sleep 0.05; done
  phase "$1" $((2 * DURATION))
  wait $publisher
  echo -e "took\t$1\t$(cat build/published.took)" >&3
}
{
  phase steady
  # The updated article is watched during its phase (one page: no load to speak of).
  (sleep 1; echo -e "visible\tarticle\t$($PY benchmarks/visible.py build/published.path "$BASE")" >&3) &
  watcher=$!
  change article
  wait $watcher
  change cta  # every article: read after the phase, when each copy was made from Age
  echo -e "visible\tcta\t$($PY benchmarks/visible.py build/bench-paths.txt "$BASE")" >&3
  change unpublish  # its reads after the change answer 404 (counted apart in the report)
  echo -e "gone\tunpublish\t$(curl -s -o /dev/null -w '%{http_code}' "${BROWSER[@]}" "$BASE$(cat build/published.txt)")" >&3
  grep -vxF "$(cat build/published.txt)" build/bench-paths.txt > build/bench-paths.next || true
  mv build/bench-paths.next build/bench-paths.txt
  $PY benchmarks/search_bot.py "$BASE" 50 "$DURATION" > build/bot.txt &
  BOT=$!
  sleep 1
  phase "search bot"
  wait $BOT
  echo -e "bot\tanswers\t$(cat build/bot.txt)" >&3
} > build/phases.tsv 3> build/visible.tsv
cleanup
trap - EXIT

echo "== Growing to 2,000 articles"
$PY manage.py generate_articles 1700 > /dev/null
$PY manage.py count_queries > build/queries-large.tsv

UNCACHED_CPU_TICKS=$(cat build/uncached.ticks) CLOCK_TICKS=$(getconf CLK_TCK) \
  $PY benchmarks/report.py build/rps.tsv build/queries-small.tsv build/queries-large.tsv \
  build/phases.tsv build/visible.tsv
