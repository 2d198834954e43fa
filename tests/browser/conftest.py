"""Browser tests: Debian's Chromium driven by Playwright against a live server on PostgreSQL.

Playwright's own browser download is not reachable here, so it launches the system Chromium.
"""

import os
import shutil

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "a-long-password-123"

# Playwright's sync API keeps an event loop running in the test thread (from the first browser
# test on, and before pytest-django sets up the database); ORM calls there are still synchronous.
# Test processes only: the production subprocesses in test_production.py drop it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: `make browser` (part of `make test`) installs it")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


IDLE_WAIT_STEPS = 100  # of 50 ms: how long a test's last requests may take to finish


@pytest.fixture
def context(context):
    """The browser tests' pages send no view beacons, and when a test ends nothing new is sent
    and what is on its way is let finish: a request (an autosave, a ping, a cover drawing)
    answered while the database is flushed for the next test deadlocks with the flush (the
    counting test opens contexts of its own)."""
    context.route("**/count/", lambda route: route.abort())
    pending: set = set()
    context.on("request", lambda request: pending.add(request))
    context.on("requestfinished", lambda request: pending.discard(request))
    context.on("requestfailed", lambda request: pending.discard(request))
    yield context
    context.route("**/*", lambda route: route.abort())
    for page in context.pages[:1]:
        for _ in range(IDLE_WAIT_STEPS):
            if not pending:
                break
            page.wait_for_timeout(50)


@pytest.fixture
def site(live_server, launch_state):
    """The launch site on a live server; each browser test starts from the shipped content."""
    cache.clear()  # rate limits belong to one test
    return live_server


@pytest.fixture
def login(page, site):
    def log_in(group_name: str, username: str) -> User:
        user = User.objects.create_user(username, f"{username}@example.com", PASSWORD)
        user.groups.add(Group.objects.get(name=group_name))
        page.goto(f"{site.url}/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{site.url}/admin/")
        return user

    return log_in
