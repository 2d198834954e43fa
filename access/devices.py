"""A ceiling on password guessing spread over many addresses that never locks the owner out:
OWASP's device-cookie pattern.

A browser that signs in gets a signed cookie naming the user (a *known device*). Failed sign-ins
from browsers without one count against the username, whatever address they come from; past
LOGIN_UNKNOWN_DEVICE_LIMIT in an hour, only known devices may try that username until the hour
is over. The per-(username, address) lockout of django-axes still applies to everyone.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

COOKIE = "known_device"
SALT = "access.known-device"
MAX_AGE = 365 * 24 * 3600
WINDOW = 3600
ISSUE = "access.issue_device_cookie"  # request attribute: the user who just signed in


def normal(username: str) -> str:
    return username.strip().lower()


def known_device(request: HttpRequest | None, username: str) -> bool:
    """The browser signed in as this user before (its cookie is ours and names them)."""
    raw = request.COOKIES.get(COOKIE, "") if request is not None else ""
    try:
        return bool(raw) and signing.loads(raw, salt=SALT, max_age=MAX_AGE) == normal(username)
    except signing.BadSignature:
        return False


def failures_key(username: str) -> str:
    return f"login-unknown:{normal(username)}:{int(time.time() // WINDOW)}"


def ceiling_reached(username: str) -> bool:
    return (cache.get(failures_key(username)) or 0) >= settings.LOGIN_UNKNOWN_DEVICE_LIMIT


def login_failed(sender, credentials: dict, request: HttpRequest | None = None, **kwargs) -> None:
    """user_login_failed: a failure from an unknown device counts against the username."""
    username = credentials.get("username") or ""
    if username and not known_device(request, username):
        key = failures_key(username)
        cache.add(key, 0, timeout=WINDOW * 2)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=WINDOW * 2)


def logged_in(sender, request: HttpRequest, user, **kwargs) -> None:
    """user_logged_in: this browser becomes a known device for the user."""
    setattr(request, ISSUE, user.get_username())


class UnknownDeviceCeilingBackend:
    """Second in AUTHENTICATION_BACKENDS: refuses (PermissionDenied stops the other backends) a
    username past its ceiling unless the browser is a known device. It has no get_user(): it
    never signs anyone in, so sessions never name it."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and ceiling_reached(username) and not known_device(request, username):
            raise PermissionDenied(_("Too many failed sign-ins for this user from unknown devices"))
        return None


class DeviceCookieMiddleware:
    """Sets the known-device cookie on the response to a successful sign-in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if username := getattr(request, ISSUE, None):
            response.set_cookie(
                COOKIE, signing.dumps(normal(username), salt=SALT), max_age=MAX_AGE,
                path="/admin/", secure=settings.SESSION_COOKIE_SECURE, httponly=True,
                samesite="Lax",
            )  # fmt: skip
        return response
