"""Every change to Wagtail's behaviour that no extension point allows, in one module.

Each entry says what it changes and the shape of the target it relies on; tests/test_patches.py
checks those shapes, so an upgrade that moves a target fails a test instead of silently
dropping the change. Everything else the project adds goes through Wagtail's hooks, viewsets,
side panel components, content checks and template blocks, or django-redis's CLIENT_CLASS.
"""

from collections.abc import Callable
from datetime import datetime

from django.http import HttpRequest
from laces.components import MediaContainer

# 1. The dashboard (templates/wagtailadmin/home.html) is a copy of Wagtail's with the page
#    search shown only to content staff: no block or hook surrounds that form. The copy was made
#    from the file with this SHA-256; the test fails when Wagtail's changes, to copy it again.
HOME_TEMPLATE = "wagtailadmin/home.html"
HOME_TEMPLATE_FROM_SHA256 = "7eb3ee7b5a9d1355b79a97fdc4c6a9c8612821bb1cdccf24efdd7a36c827c17d"

# 2. The site a request is for: Wagtail's Site.find_for_request keeps it in this attribute of
#    the request; pagecache.memo sets it from its per-process copy before Wagtail looks.
REQUEST_SITE_ATTRIBUTE = "_wagtail_site"


def set_request_site(request: HttpRequest, site) -> None:
    setattr(request, REQUEST_SITE_ATTRIBUTE, site)


def add_page_edit_side_panel(edit_view_class, panel_for: Callable) -> None:
    """3. Wagtail has no hook for another side panel in the page editor: its EditView's
    `get_side_panels()` (a MediaContainer of panels) is wrapped once; `panel_for(view)`
    returns a panel for that view, or None."""
    original = edit_view_class.get_side_panels
    if getattr(original, "patched_panels", None) is not None:
        original.patched_panels.append(panel_for)
        return

    def get_side_panels(self):
        panels = original(self)
        extra = [p for p in (make(self) for make in get_side_panels.patched_panels) if p]
        return MediaContainer([*panels, *extra]) if extra else panels

    get_side_panels.patched_panels = [panel_for]
    get_side_panels.wrapped = original
    edit_view_class.get_side_panels = get_side_panels


def wrap_spreadsheet_cells(mixin_class, wrap: Callable) -> None:
    """4. Every CSV and XLSX export of the admin goes through Wagtail's SpreadsheetExportMixin
    and its `preprocess_field_value(self, field, value, export_format)`, which is wrapped once:
    `wrap(view, value, export_format, original)` returns the cell (`original()`: Wagtail's)."""
    if getattr(mixin_class, "cells_wrapped", False):
        return
    preprocess = mixin_class.preprocess_field_value

    def preprocess_field_value(self, field, value, export_format):
        return wrap(
            self, value, export_format, lambda: preprocess(self, field, value, export_format)
        )

    preprocess_field_value.wrapped = preprocess
    mixin_class.preprocess_field_value = preprocess_field_value
    mixin_class.cells_wrapped = True


# 5. Wagtail's editing-session ping (wagtail.admin.urls.editing_sessions, the pattern named
#    "ping") reports any revision newer than the `revision_created_at` the window posts. A
#    window's own autosave that lands while its ping is on the way is such a revision, so one
#    editor in one tab is told "You saved a new version in another window" and asked to confirm
#    their next save. The ping is told of those revisions first, when they are all the user's
#    own and the user has no other window open on the object; anyone else's still warns.
PING_URL_NAME = "ping"


def tell_ping_of_own_saves(urlpatterns: list) -> None:
    """Wrap the ping's view once, in the URL patterns Wagtail's admin includes."""
    pattern = next(p for p in urlpatterns if getattr(p, "name", None) == PING_URL_NAME)
    if getattr(pattern.callback, "knows_own_saves", False):
        return
    ping = pattern.callback

    def view(request, app_label, model_name, object_id, session_id):
        if request.method == "POST" and request.user.is_authenticated:
            own = _own_newer_revision(request, app_label, model_name, object_id, session_id)
            if own is not None:
                posted = request.POST.copy()
                posted["revision_id"] = str(own.pk)
                posted["revision_created_at"] = own.created_at.isoformat()
                request.POST = posted
        return ping(request, app_label, model_name, object_id, session_id)

    view.knows_own_saves = True
    view.wrapped = ping
    pattern.callback = view


def _own_newer_revision(request, app_label, model_name, object_id, session_id):
    """The newest revision, if every one since the window's is this user's and no other window
    of theirs is open on the object; else None (Wagtail's ping decides as it always does)."""
    from django.apps import apps
    from django.contrib.admin.utils import unquote
    from django.contrib.contenttypes.models import ContentType
    from wagtail.admin.models import EditingSession
    from wagtail.models import RevisionMixin

    try:
        seen = datetime.fromisoformat(request.POST.get("revision_created_at", ""))
        model = apps.get_model(app_label, model_name)
    except (ValueError, LookupError):
        return None
    if not request.POST.get("revision_id") or not issubclass(model, RevisionMixin):
        return None
    object_id = unquote(object_id)
    obj = model._default_manager.filter(pk=object_id).first()
    if obj is None:
        return None
    newer = obj.revisions.filter(created_at__gt=seen)
    if newer.exclude(user=request.user).exists():
        return None
    other_windows = (
        EditingSession.objects.available()
        .filter(content_type=ContentType.objects.get_for_model(model), object_id=object_id)
        .filter(user=request.user)
        .exclude(pk=session_id)
    )
    if other_windows.exists():
        return None
    return newer.order_by("-created_at", "-pk").first()
