"""PostgreSQL goes away under the running site (gunicorn, production settings): the reader keeps
every word, pages answer a styled 503 to retry, and the lead is stored once when it returns."""

import http.client
import re
import subprocess
import sys
import time
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection

from contact.models import Inquiry
from tests.support.faults import TcpProxy, free_port
from tests.support.leads import VALID, same_lead
from tests.support.processes import production_env, run

pytestmark = pytest.mark.slow  # real processes

HOST = "www.example.com"
PROJECT = "A ledger service, with words the reader must not lose: Ünïcödé & <angle> brackets."


class Site:
    """HTTP to the gunicorn under test, as a browser behind the TLS proxy would send it."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {
            "Host": HOST, "X-Forwarded-Proto": "https", "Referer": f"https://{HOST}/contact/",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }  # fmt: skip
        data = urlencode(body) if body else None
        if data:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        text = response.read().decode()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";")[0]
        conn.close()
        return response, text


@pytest.fixture
def site_behind_proxy(launch_state, tmp_path):
    db = connection.settings_dict
    proxy = TcpProxy(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))
    env = production_env(
        tmp_path,
        DATABASE_URL=f"postgres://{db['USER']}@127.0.0.1:{proxy.port}/{db['NAME']}",
        SECURE_SSL_REDIRECT="False", PAGE_CACHE_SECONDS="0",
        CONTACT_FALLBACK_EMAIL="projects@example.com", CONTACT_RATE_LIMIT="50",
    )  # fmt: skip
    collected = run(["manage.py", "collectstatic", "--noinput", "-v0"], env)
    assert collected.returncode == 0, collected.stderr
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--timeout", "60"],
        cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    site = Site(port)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            site.request("GET", "/healthz/")
            break
        except OSError:
            time.sleep(0.2)
    yield site, proxy
    server.terminate()
    server.wait(10)
    proxy.close()


def hidden(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def test_database_down_the_reader_keeps_their_words_then_sends_once(site_behind_proxy):
    site, proxy = site_behind_proxy
    response, form_page = site.request("GET", "/contact/")
    assert response.status == 200
    answers = {
        **VALID, "project": PROJECT, "company": "Outage Oy",
        "csrfmiddlewaretoken": hidden(form_page, "csrfmiddlewaretoken"),
        "submission": hidden(form_page, "submission"),
    }  # fmt: skip

    proxy.cut()
    response, html = site.request("POST", "/contact/", answers)
    assert response.status == 503 and response.getheader("Retry-After") == "60"
    assert "Your inquiry was not sent" in html and "projects@example.com" in html
    assert "Ünïcödé &amp; &lt;angle&gt; brackets." in html, "the project text is kept"
    assert 'value="Outage Oy"' in html and 'value="aino@startup.fi"' in html
    assert f'value="{answers["submission"]}"' in html, "the same form, to send again"
    assert re.search(r'value="written_specs"[^>]*checked', html), "choices are kept too"

    response, page = site.request("GET", "/blog/")
    assert response.status == 503 and response.getheader("Retry-After") == "60"
    assert "<h1>Back in a minute</h1>" in page and "Traceback" not in page

    proxy.restore()
    first, _ = site.request("POST", "/contact/", answers)
    again, _ = site.request("POST", "/contact/", answers)
    assert first.status == again.status == 302
    assert same_lead(first.getheader("Location"), again.getheader("Location"))
    assert list(Inquiry.objects.values_list("company", "project")) == [("Outage Oy", PROJECT)]
    assert site.request("GET", "/blog/")[0].status == 200


def test_the_first_request_after_the_database_drops_its_connections_is_served(
    site_behind_proxy,
):
    """A failover or a pooler restart closes every kept connection (CONN_MAX_AGE=60): the next
    request reconnects before it uses one (CONN_HEALTH_CHECKS) instead of answering 503."""
    site, proxy = site_behind_proxy
    assert site.request("GET", "/blog/")[0].status == 200  # a kept connection now exists
    proxy.cut()
    proxy.restore()
    for path in ("/blog/", "/contact/"):
        response, _ = site.request("GET", path)
        assert response.status == 200, path
