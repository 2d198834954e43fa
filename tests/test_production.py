"""Production settings, run as production runs them: a separate process with its environment."""

import json

import pytest

from tests.support.processes import collected_static, production_env, run

pytestmark = pytest.mark.slow  # real processes

PROBE = r"""
import json, django
django.setup()
from django.conf import settings
from django.test import Client
client = Client(HTTP_HOST="www.example.com")
report = {"settings": {name: getattr(settings, name) for name in (
    "DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS")}, "cache": settings.CACHES["default"]}
for path, https in [("/", True), ("/contact/", True), ("/healthz/", False), ("/", False),
                    ("/static/css/site.css", True)]:
    extra = {"HTTP_X_FORWARDED_PROTO": "https"} if https else {}
    response = client.get(path, **extra)
    report[f"{path} {'https' if https else 'http'}"] = {
        "status": response.status_code, "headers": dict(response.items()),
        "cookies": {k: {"secure": bool(v["secure"]), "httponly": bool(v["httponly"])}
                    for k, v in response.cookies.items()},
    }
import re
home = client.get("/", HTTP_X_FORWARDED_PROTO="https").content.decode()
css = re.search(r'/static/css/site\.[0-9a-f]{12}\.css', home).group(0)
static = client.get(css, HTTP_X_FORWARDED_PROTO="https", HTTP_ACCEPT_ENCODING="br, gzip")
report["hashed css"] = {"url": css, "headers": dict(static.items())}
cover = re.search(r'/media/images/[^" ]+[.]avif', home).group(0)
served = client.get(cover, HTTP_X_FORWARDED_PROTO="https")
report["cover"] = {"status": served.status_code, "headers": dict(served.items())}
document = client.get("/media/documents/contract.pdf", HTTP_X_FORWARDED_PROTO="https")
report["document by media path"] = document.status_code
print(json.dumps(report, default=str))
"""

HEALTH_PROBE = """
import django
django.setup()
from django.test import Client
print(Client(HTTP_HOST="www.example.com").get("/healthz/").status_code)
"""


@pytest.fixture(scope="module")
def production(tmp_path_factory, django_db_blocker):
    """Collect static files once, then probe the running configuration."""
    env = collected_static(tmp_path_factory.mktemp("prod"), django_db_blocker)
    probe = run(["-c", PROBE], env)
    assert probe.returncode == 0, probe.stderr[-3000:]
    return json.loads(probe.stdout.strip().splitlines()[-1])


@pytest.mark.django_db
def test_missing_required_variable_stops_start_up_with_one_line(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"], env["DATABASE_URL"]
    result = run(["manage.py", "check"], env)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Missing required environment variable(s): SECRET_KEY, DATABASE_URL (see README)."
    ]


@pytest.mark.django_db
def test_deploy_check_passes_at_warning_level(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_every_html_response_carries_the_security_headers(production):
    for key in ("/ https", "/contact/ https"):
        headers = production[key]["headers"]
        assert production[key]["status"] == 200, key
        assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "frame-ancestors 'self'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert headers["X-Frame-Options"] == "DENY"
        assert "camera=()" in headers["Permissions-Policy"]


@pytest.mark.django_db
def test_cookies_are_secure_and_plain_http_is_redirected(production):
    csrf = production["/contact/ https"]["cookies"]["csrftoken"]
    assert csrf["secure"]
    assert production["settings"]["SESSION_COOKIE_SECURE"] is True
    assert production["/ http"]["status"] == 301
    assert production["/ http"]["headers"]["Location"] == "https://www.example.com/"
    assert production["/healthz/ http"]["status"] == 200, "load balancers probe over plain HTTP"


@pytest.mark.django_db
def test_static_files_are_hashed_compressed_and_cached_for_a_year(production):
    css = production["hashed css"]
    assert css["headers"]["Content-Encoding"] == "br"
    assert css["headers"]["Cache-Control"] == "max-age=315360000, public, immutable"


@pytest.mark.django_db
def test_covers_are_served_without_a_bucket_documents_never_bypass_their_view(production):
    cover = production["cover"]
    assert cover["status"] == 200 and cover["headers"]["Content-Type"] == "image/avif"
    assert cover["headers"]["Cache-Control"] == "public, max-age=86400"
    assert production["document by media path"] == 404


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_does_not(tmp_path):
    from tests.support.faults import free_port

    env = production_env(tmp_path, DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/x")
    result = run(["-c", HEALTH_PROBE], env)
    assert result.stdout.strip().splitlines()[-1] == "503", result.stderr[-2000:]


@pytest.mark.django_db
def test_redis_cache_is_used_when_cache_url_names_it(production):
    cache = production["cache"]
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True


@pytest.mark.django_db
def test_healthz_reports_the_database(client, settings):
    response = client.get("/healthz/")
    assert (response.status_code, response.content) == (200, b"ok\n")
    assert "no-cache" in response["Cache-Control"]
