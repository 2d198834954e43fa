#!/usr/bin/env bash
# `make audit`: Lighthouse on an article page, served by gunicorn with production settings,
# in Debian's Chromium. Prints the four category scores; exits 1 below the targets.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
PORT=${AUDIT_PORT:-8078}
export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY=${SECRET_KEY:-audit-only-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')}
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL=sqlite:///$PWD/build/audit.sqlite3
export CACHE_URL=locmemcache://
export SECURE_SSL_REDIRECT=False
export STATIC_ROOT=build/audit-static
export MEDIA_ROOT=$PWD/build/audit-media
export SITE_URL=http://127.0.0.1:$PORT
export LOG_LEVEL=ERROR

rm -rf build/audit.sqlite3 build/audit-media
$PY manage.py migrate --noinput -v0
$PY manage.py import_articles content/articles > /dev/null
$PY manage.py draw_covers > /dev/null
$PY manage.py collectstatic --noinput -v0
ARTICLE=$($PY manage.py shell -v0 -c "from articles.models import ArticlePage; print(ArticlePage.objects.listed().first().url)")

.venv/bin/gunicorn config.wsgi --workers 2 --bind "127.0.0.1:$PORT" --log-level warning &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz/" > /dev/null && break; sleep 0.2; done

# Lighthouse's mobile profile (its default: a slow phone on 4G) and its desktop preset.
for FORM in mobile desktop; do
  PRESET=$([ "$FORM" = desktop ] && echo "--preset=desktop" || true)
  CHROME_PATH=$(command -v chromium) audit/node_modules/.bin/lighthouse "http://127.0.0.1:$PORT$ARTICLE" \
    --quiet --output=json --output-path="build/lighthouse-$FORM.json" $PRESET \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
done

$PY - <<'PYTHON'
import json, sys
targets = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
missed = []
for form in ("mobile", "desktop"):
    report = json.load(open(f"build/lighthouse-{form}.json"))
    print(f"Lighthouse {report['lighthouseVersion']} ({form}) on {report['finalDisplayedUrl']}")
    for key, target in targets.items():
        score = round(report["categories"][key]["score"] * 100)
        print(f"  {report['categories'][key]['title']:<16}{score:>4}  (target {target})")
        if score < target:
            missed.append((form, key))
            for audit in report["categories"][key]["auditRefs"]:
                result = report["audits"][audit["id"]]
                if result["score"] is not None and result["score"] < 1 and audit["weight"]:
                    print(f"      - {result['title']}")
    shift = report["audits"]["cumulative-layout-shift"]["numericValue"]
    lcp = report["audits"]["largest-contentful-paint"]["displayValue"]
    print(f"  Layout shift {shift:.3f} (target 0), largest paint {lcp}")
    if shift > 0:
        missed.append((form, "layout shift"))
sys.exit(1 if missed else 0)
PYTHON
