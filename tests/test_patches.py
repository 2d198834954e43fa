"""Each change to Wagtail's behaviour in config/patches.py still finds its target as it was:
an upgrade that moves one fails here, rather than dropping the change without a word."""

import hashlib
import inspect
from pathlib import Path

import wagtail
from django.template import engines
from django.test import RequestFactory
from laces.components import MediaContainer
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Site

from config import patches


def test_the_dashboard_copy_was_made_from_the_installed_wagtail_template():
    installed = Path(wagtail.__file__).parent / "admin" / "templates" / patches.HOME_TEMPLATE
    digest = hashlib.sha256(installed.read_bytes()).hexdigest()
    assert digest == patches.HOME_TEMPLATE_FROM_SHA256, "Wagtail's dashboard changed: copy again"
    ours = engines["django"].get_template(patches.HOME_TEMPLATE).origin.name
    assert Path(ours).is_relative_to(Path(__file__).parents[1] / "templates"), "ours is used"


def test_wagtail_reads_the_requests_site_where_it_is_set():
    request = RequestFactory().get("/")
    marker = object()
    patches.set_request_site(request, marker)
    assert Site.find_for_request(request) is marker


def test_the_page_editors_side_panels_are_still_a_method_returning_a_container():
    patched = EditView.get_side_panels
    original = patched.wrapped
    assert list(inspect.signature(original).parameters) == ["self"]
    assert "MediaContainer" in inspect.getsource(original), "Wagtail builds a MediaContainer"
    assert issubclass(MediaContainer, list), "panels are appended to it as a list"


def test_spreadsheet_cells_still_pass_through_one_method():
    original = SpreadsheetExportMixin.preprocess_field_value.wrapped
    assert list(inspect.signature(original).parameters) == [
        "self", "field", "value", "export_format",
    ]  # fmt: skip
    assert SpreadsheetExportMixin.FORMAT_CSV == "csv"


def test_the_editing_session_ping_still_reads_the_revision_the_window_names():
    from wagtail.admin.urls import editing_sessions

    import config.urls  # noqa: F401  (wraps it on import)

    [pattern] = [p for p in editing_sessions.urlpatterns if p.name == patches.PING_URL_NAME]
    assert pattern.callback.knows_own_saves, "config/urls.py wraps it"
    source = inspect.getsource(inspect.unwrap(pattern.callback.wrapped))
    assert 'request.POST.get("revision_created_at"' in source
    assert 'request.POST.get("revision_id"' in source
    assert list(inspect.signature(pattern.callback.wrapped).parameters) == [
        "request", "app_label", "model_name", "object_id", "session_id",
    ]  # fmt: skip
