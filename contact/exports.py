"""Spreadsheet exports that cannot run code (OWASP's rule against CSV injection) and show times
as people read them.

A cell that starts with = + - @, a tab or a carriage return is read as a formula by Excel,
LibreOffice and Google Sheets, so a lead named `=HYPERLINK(…)` would run in the sales person's
spreadsheet. Such cells get a leading single quote. XLSX exports already store them as text,
but an XLSX file cannot hold control characters at all (openpyxl refuses the whole sheet), so
a lead who typed a vertical tab would break every export that lists them: those characters are
dropped from XLSX cells.
"""

from datetime import datetime

from django.utils import timezone
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from config import patches

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def xlsx_safe(value: object) -> object:
    """Text an XLSX cell can hold: control characters other than tab and newlines removed."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def readable_time(value: datetime) -> str:
    """ISO 8601 to the second, in the site's time zone: what a spreadsheet and a person read."""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return local.isoformat(timespec="seconds")


def cell(view, value: object, export_format: str, original) -> object:
    """A spreadsheet cell as the rules above want it (`original()`: Wagtail's own value)."""
    if export_format != view.FORMAT_CSV:
        return xlsx_safe(original())
    if isinstance(value, datetime):
        return readable_time(value)
    return safe_cell(original())


def protect_all_exports() -> None:
    """Every CSV and XLSX the admin offers (Inquiries, reports, Site history) goes through Wagtail's
    mixin, so the rule is applied there once rather than in each view."""
    patches.wrap_spreadsheet_cells(SpreadsheetExportMixin, cell)
