"""Which admin screens staff without content permissions (Sales) may open: deny by default.

Wagtail opens its choosers, tag autocomplete, bulk actions, reports and the admin API to every
admin user, and a new Wagtail release may add more; so for such staff only the screens named
here are open, decided by resolved URL name or namespace, never by path. Apps add the screens
they serve to every role (each checks its own permission) with `open_to_all_staff`.
"""

from django.urls import ResolverMatch

# Wagtail's own: signing in and out, the dashboard, one's account, and what every page needs.
_names = {
    "wagtailadmin_home", "wagtailadmin_login", "wagtailadmin_logout", "wagtailadmin_account",
    "wagtailadmin_password_reset", "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm", "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog", "wagtailadmin_sprite", "wagtailadmin_dismissibles",
    # Site history lists only what each user may see (Sales: their own changes to leads).
    "wagtailadmin_reports:site_history", "wagtailadmin_reports:site_history_results",
}  # fmt: skip
_namespaces: set[str] = set()
_bulk_apps: set[str] = set()
BULK_ACTION = "wagtail_bulk_action"  # /admin/bulk/<app_label>/<model_name>/<action>/


def open_to_all_staff(
    *, names: tuple[str, ...] = (), namespaces: tuple[str, ...] = (),
    bulk_actions_of: tuple[str, ...] = (),
) -> None:  # fmt: skip
    """Open these admin screens ("name" or "namespace:name"; every screen of a namespace; the
    bulk actions on these apps' models) to staff without content permissions: each view checks
    its own permission."""
    _names.update(names)
    _namespaces.update(namespaces)
    _bulk_apps.update(bulk_actions_of)


def is_open(match: ResolverMatch) -> bool:
    if match.view_name == BULK_ACTION:
        return match.kwargs.get("app_label") in _bulk_apps
    return match.view_name in _names or any(ns in _namespaces for ns in match.namespaces)
