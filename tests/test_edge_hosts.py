"""More than one host: two gunicorn processes (production settings, one PostgreSQL, one Redis)
behind one Varnish, the worker beside the first. An editor publishing through either host is
seen through the edge at once, and a host that stops costs readers nothing: its requests go to
the other host at once, and the health probe leaves it out."""

import http.client
import re
import subprocess
import sys
import time
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth.models import User

from articles.models import ArticlePage
from tests.support.edge import BROWSER, Varnish
from tests.support.faults import free_port
from tests.support.processes import collected_static, production_env, start_worker
from tests.support.waiting import until

pytestmark = pytest.mark.slow  # real processes

PASSWORD = "a-long-password-123"


class Editor:
    """An editor's browser on one host: its cookies (sent over plain HTTP here), its forms."""

    def __init__(self, port: int):
        self.port, self.cookies = port, {}

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode({**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        text = response.read().decode()
        connection.close()
        return response.status, text

    def sign_in(self, username: str) -> None:
        self.request("GET", "/admin/login/")
        status, _ = self.request("POST", "/admin/login/", {"username": username,
                                                           "password": PASSWORD})  # fmt: skip
        assert status == 302 and "sessionid" in self.cookies, status

    def publish(self, page: ArticlePage) -> None:
        """Wagtail's own bulk action, as the page listing's *Publish* button sends it."""
        path = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/"
        status, text = self.request("POST", path, {})
        assert status == 302, re.sub(r"\s+", " ", text)[:500]


@pytest.fixture(scope="module")
def static_root(tmp_path_factory, django_db_blocker):
    """Collected once for the module: the hosts run production's hashed static files."""
    return collected_static(tmp_path_factory.mktemp("hosts"), django_db_blocker)["STATIC_ROOT"]


@pytest.fixture
def two_hosts(launch_state, tmp_path, static_root):
    env = production_env(
        tmp_path, ALLOWED_HOSTS="127.0.0.1,localhost", SECURE_SSL_REDIRECT="False",
        STATIC_ROOT=static_root,
    )  # fmt: skip
    ports = [free_port(), free_port()]
    edge = Varnish([f"127.0.0.1:{port}" for port in ports], probe=True)
    env["EDGE_PURGE_URLS"] = edge.url
    hosts = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        for port in ports
    ]
    worker = start_worker(env)
    try:
        for port in ports:
            until(lambda port=port: _answers(port), seconds=30)
        # Varnish started first and found them down: its probe now sees both up.
        until(lambda: all(edge.get("/healthz/").status == 200 for _ in range(4)), seconds=30)
        yield edge, ports, hosts
    finally:
        for process in [*hosts, worker]:
            process.terminate()
            process.wait(10)
        edge.stop()


def _answers(port: int) -> bool:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        connection.request("GET", "/healthz/")
        return connection.getresponse().status == 200
    except OSError:
        return False


def test_a_publish_through_either_host_is_seen_through_the_edge_at_once(two_hosts, settings):
    edge, ports, hosts = two_hosts
    # Hashed as production hashes it (the tests' own hasher is a fast one production refuses).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    User.objects.create_superuser("ed", "ed@example.com", PASSWORD)
    articles = list(ArticlePage.objects.live().order_by("pk")[:2])
    for article in articles:
        first = edge.get(article.url, **BROWSER)
        second = edge.get(article.url, **BROWSER)
        assert second.cache == "HIT" and "(edited)" not in first.text, (first.status, first.headers)
    for article, port in zip(articles, ports, strict=True):
        article.title += " (edited)"
        article.save_revision()  # the editor's draft, to be published through this host
        editor = Editor(port)
        editor.sign_in("ed")
        published = time.monotonic()
        editor.publish(article)
        until(lambda a=article: a.title in edge.get(a.url, **BROWSER).text, seconds=5)
        print(f"host {port}: visible {time.monotonic() - published:.2f}s after the publish")


def test_a_host_that_stops_is_left_out_and_the_other_serves(two_hosts):
    edge, ports, hosts = two_hosts
    hosts[1].terminate()
    hosts[1].wait(10)
    for _ in range(6):  # at once, before the probe has noticed: the other host is tried
        edge.purge_everything()  # a miss each time, fetched from a host
        assert edge.get("/blog/", **BROWSER).status == 200
