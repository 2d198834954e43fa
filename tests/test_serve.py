"""`make serve` (deploy/serve.sh): the production stack in the foreground, Varnish in front of
gunicorn, searches in a gunicorn of their own and the worker, both at a low CPU weight so that
readers' pages come first; Ctrl-C stops every one of them."""

import os
import signal
import subprocess
from pathlib import Path

import pytest
import requests

from tests.support.faults import free_port
from tests.support.processes import production_env
from tests.support.waiting import until

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def descendants(pid: int) -> dict[int, str]:
    """Every process under `pid` (setsid keeps the parent), by pid, with its command line."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = {}, [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            try:
                found[child] = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue
            todo.append(child)
    return {pid: line.decode() for pid, line in found.items()}


def scheduling_nice(pid: int) -> int:
    """The nice level of the process's scheduling group ("/autogroup-12 nice 10")."""
    return int(Path(f"/proc/{pid}/autogroup").read_text().split()[-1])


def test_make_serve_runs_background_work_at_low_weight_and_ctrl_c_stops_all(launch_state, tmp_path):
    port, app_port, bounded_port = free_port(), free_port(), free_port()
    env = production_env(
        tmp_path, PORT=str(port), APP_PORT=str(app_port), BOUNDED_PORT=str(bounded_port),
        WEB_WORKERS="1", BOUNDED_WORKERS="1", ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="False", EDGE_MEMORY="16m",
    )  # fmt: skip
    env.pop("EDGE_PURGE_URLS", None)
    stack = subprocess.Popen(
        ["bash", "deploy/serve.sh"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True,  # as a terminal runs it: Ctrl-C goes to serve.sh
    )  # fmt: skip
    try:

        def answers() -> bool:
            try:
                return requests.get(f"http://127.0.0.1:{port}/healthz/", timeout=2).ok
            except requests.RequestException:
                return False

        until(answers, 90, every=0.5, explain=lambda: stack.poll())
        page = requests.get(f"http://127.0.0.1:{port}/blog/", timeout=10)
        assert page.status_code == 200 and "varnish" in page.headers["Via"].lower()
        processes = descendants(stack.pid)
        worker = next(p for p, line in processes.items() if "manage.py worker" in line)
        searches = next(p for p, line in processes.items() if f":{bounded_port}" in line)
        pages = next(p for p, line in processes.items() if f":{app_port}" in line)
        assert scheduling_nice(worker) == 10 and scheduling_nice(searches) == 19
        assert scheduling_nice(pages) == 0, "readers' renders keep the full weight"

        stack.send_signal(signal.SIGINT)  # Ctrl-C
        stack.wait(30)
        until(lambda: not any(os.path.exists(f"/proc/{p}") for p in processes), 30)
    finally:
        if stack.poll() is None:
            os.killpg(stack.pid, signal.SIGKILL)
