#!/usr/bin/env bash
# `make serve`: the production stack on this machine, in the foreground: Varnish on $PORT with
# the project's VCL, gunicorn behind it on $APP_PORT (and one for searches), and the worker. Ctrl-C stops all.
# Uses the environment's DATABASE_URL and CACHE_URL (defaults: make run's SQLite file, this
# process's memory); other production settings get local defaults below (README, "Deploy").
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
APP_PORT=${APP_PORT:-$((PORT + 1))}
WEB_WORKERS=${WEB_WORKERS:-$((2 * $(nproc)))}
# Search and other client-varied misses run in a gunicorn of their own (BOUNDED_WORKERS, on
# BOUNDED_PORT) at the lowest CPU weight: a bot's searches get what readers leave of the CPU.
BOUNDED_PORT=${BOUNDED_PORT:-$((PORT + 3))}
BOUNDED_WORKERS=${BOUNDED_WORKERS:-2}
export DJANGO_SETTINGS_MODULE=config.settings.production
export DATABASE_URL=${DATABASE_URL:-sqlite:///$PWD/db.sqlite3}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-$HOST,localhost,127.0.0.1}
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-False}  # no TLS proxy in front on this machine
export EDGE_PURGE_URLS=${EDGE_PURGE_URLS:-http://127.0.0.1:$PORT}
export STATIC_ROOT=${STATIC_ROOT:-$PWD/build/static}
if [ -z "${SECRET_KEY:-}" ]; then  # one key for this checkout, kept across restarts
  mkdir -p build
  [ -s build/serve-secret-key ] || (umask 077; od -An -N32 -tx1 /dev/urandom | tr -d ' \n' > build/serve-secret-key)
  SECRET_KEY=$(cat build/serve-secret-key)
  export SECRET_KEY
fi

$PY manage.py collectstatic --noinput -v0
EDGE_DIR=$(mktemp -d /tmp/edge-XXXXXX)
bounded_host=()
[ "$BOUNDED_WORKERS" -gt 0 ] && bounded_host=(--bounded-host "127.0.0.1:$BOUNDED_PORT")
read -ra VARNISHD < <($PY manage.py edge_vcl "$EDGE_DIR" --host "127.0.0.1:$APP_PORT" \
  --listen "$HOST:$PORT" --memory "${EDGE_MEMORY:-256m}" \
  --bounded-connections "${EDGE_BOUNDED_CONNECTIONS:-2}" "${bounded_host[@]}" \
  --renew-connections "$(( WEB_WORKERS > 1 ? WEB_WORKERS - 1 : 1 ))")

pids=()
stop() {
  trap - EXIT INT TERM
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$EDGE_DIR"
}
trap stop EXIT INT TERM

# Each service in a session of its own: the kernel then shares the CPU between services, as
# systemd's cgroups do in production, rather than between threads (Varnish runs one per reader
# connection, and would otherwise starve an editor's publish and the worker's purges).
# Background work runs at a low weight: its session's scheduling group at a nice level
# (autogroup; where the kernel has none, plain nice), so readers' pages come first.
low_weight() {  # nice command…
  exec setsid sh -c 'echo "$0" > /proc/self/autogroup 2>/dev/null; exec nice -n "$0" "$@"' "$@"
}
setsid .venv/bin/gunicorn config.wsgi --workers "$WEB_WORKERS" --bind "127.0.0.1:$APP_PORT" \
  --log-level "${GUNICORN_LOG_LEVEL:-warning}" & pids+=($!)
if [ "$BOUNDED_WORKERS" -gt 0 ]; then  # searches: what readers leave of the CPU
  low_weight 19 .venv/bin/gunicorn config.wsgi --workers "$BOUNDED_WORKERS" \
    --bind "127.0.0.1:$BOUNDED_PORT" --log-level "${GUNICORN_LOG_LEVEL:-warning}" & pids+=($!)
fi
# The worker (covers, related lists, paced renewals, mail) at WORKER_NICE: an editor's publish
# never takes readers' CPU for the seconds its cover drawing takes.
low_weight "${WORKER_NICE:-10}" $PY manage.py worker --no-reload & pids+=($!)
setsid "${VARNISHD[@]}" > >(grep --line-buffered -v '^Debug:') 2>&1 & pids+=($!)
echo "Serving on http://$HOST:$PORT/ (Varnish) in front of gunicorn on 127.0.0.1:$APP_PORT; Ctrl-C stops"
wait -n "${pids[@]}" || true  # one of them stopped: stop the others
