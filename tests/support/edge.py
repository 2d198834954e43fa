"""A real Varnish with the project's VCL in front of application hosts, for the edge tests and
the bench's helpers: started, asked, purged and stopped by the test."""

import gzip
import http.client
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from pagecache import edge
from tests.support.faults import free_port
from tests.support.waiting import until

START_SECONDS = 30
BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36"}


class Answer(NamedTuple):
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        body = self.body
        if self.headers.get("content-encoding") == "gzip":
            body = gzip.decompress(body)
        return body.decode()

    @property
    def cache(self) -> str:
        return self.headers.get("x-cache", "")


class Varnish:
    """varnishd -F on a free port in front of `hosts` (HOST:PORT), until `stop()`."""

    def __init__(
        self,
        hosts: list[str],
        bounded: int = edge.BOUNDED_CONNECTIONS,
        probe: bool = False,
        renewals: int = edge.RENEW_CONNECTIONS,
    ):
        # varnishd reads its files as its own user: a folder it can read, not pytest's tmp_path.
        self.folder = Path(tempfile.mkdtemp(prefix="edge-", dir="/tmp"))
        self.folder.chmod(0o755)
        # No health probe by default: the live server shares the test process, whose database
        # is closed between tests.
        vcl = edge.write(self.folder / "vcl", hosts, bounded, probe, renewals=renewals)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = edge.varnishd_command(vcl, f"127.0.0.1:{self.port}", self.folder / "work")
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self.wait_until_listening()

    def wait_until_listening(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"varnishd did not start: {self.process.stdout.read()[-2000:]}")
            try:
                self.request("PURGE", "/")  # answered by the VCL itself: Varnish is up
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("varnishd did not listen in time")

    def request(
        self, method: str, path: str, body: bytes | None = None, timeout: float = 30, **headers
    ) -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return Answer(
                response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
            )
        finally:
            connection.close()

    def get(self, path: str, **headers) -> Answer:
        return self.request("GET", path, **headers)

    def backend_requests(self) -> dict[str, int]:
        """Requests sent to each backend so far ("app0", "app0_renew", …): varnishstat."""
        stats = subprocess.run(
            ["varnishstat", "-n", str(self.folder / "work"), "-1", "-f", "VBE.*.req"],
            capture_output=True, text=True, timeout=10,
        ).stdout  # fmt: skip
        return {
            line.split()[0].split(".")[-2]: int(line.split()[1])
            for line in stats.splitlines()
            if line.strip()
        }

    def wait_idle(self, seconds: float = 15.0) -> None:
        """Until no fetch of Varnish's is still talking to an application host (a background
        refresh a test started must not outlive the test's database)."""

        def idle() -> bool:
            stats = subprocess.run(
                ["varnishstat", "-n", str(self.folder / "work"), "-1", "-f", "VBE.*.conn"],
                capture_output=True, text=True, timeout=10,
            ).stdout  # fmt: skip
            return all(line.split()[1] == "0" for line in stats.splitlines() if line.strip())

        until(idle, seconds=seconds, every=0.1)

    def purge_everything(self) -> None:
        answer = self.request("PURGE", "/", **{"xkey-purge": "site"})
        assert answer.status == 200, answer

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


def warm(edge: "Varnish", path: str) -> str:
    """Ask for a page twice: the second answer must come from the edge's copy."""
    first = edge.get(path, **BROWSER)
    assert first.status == 200, (path, first.status)
    second = edge.get(path, **BROWSER)
    assert second.cache == "HIT", path
    return second.text


def helsinki_article():
    """A launch article every edge test can read (the tests' own corpus)."""
    from articles.models import ArticlePage

    return ArticlePage.objects.live().get(title__startswith="Why Finnish Startups")
