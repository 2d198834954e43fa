"""Saved views of the Inquiries list: two every sales person has (*My open leads*, *New this
week*) and their own, saved from whatever filters the list shows and kept per user."""

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..models import SavedView
from .filters import InquiryFilterSet

SEARCH_AND_ORDER = ("q", "ordering")


def kept_parameters(filterset_class=InquiryFilterSet) -> set[str]:
    """The list's own filters, search and order: never a page number, a selection or an export."""
    names = set(SEARCH_AND_ORDER)
    for name, field in filterset_class(queryset=None).form.fields.items():
        suffixes = getattr(field.widget, "suffixes", None)  # a range: name_from, name_to
        names |= {f"{name}_{suffix}" for suffix in suffixes} if suffixes else {name}
    return names


def kept_query(query: str, filterset_class=InquiryFilterSet) -> str:
    kept = kept_parameters(filterset_class)
    given = QueryDict(query.lstrip("?"))
    return urlencode([(k, v) for k, v in given.lists() for v in v if k in kept and v])


def everyones_views() -> list[tuple[str, str]]:
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    return [
        (_("My open leads"), "follow_up=my_open"),
        (_("New this week"), urlencode({"created_at_from": monday.isoformat()})),
    ]


def saved_views(request: HttpRequest) -> dict:
    """What the Inquiries list shows above the leads: the views, and the current one's query."""
    current = kept_query(request.GET.urlencode())
    views = [{"name": name, "query": query} for name, query in everyones_views()]
    views += [
        {"name": view.name, "query": view.query, "pk": view.pk}
        for view in SavedView.objects.filter(user=request.user)
    ]
    for view in views:
        view["current"] = view["query"] == current
    return {"saved_views": views, "current_query": current}


def back_to_list(query: str = "") -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("contact_inquiry:index") + (f"?{query}" if query else ""))


def may_use(request: HttpRequest) -> None:
    if not request.user.has_perm("contact.view_inquiry"):
        raise PermissionDenied


@require_POST
def save_view(request: HttpRequest) -> HttpResponseRedirect:
    may_use(request)
    query = kept_query(request.POST.get("query", ""))
    name = request.POST.get("name", "").strip()[:80]
    if not name or not query:
        messages.error(request, _("Filter the list, then name the view to save it."))
        return back_to_list(query)
    SavedView.objects.update_or_create(user=request.user, name=name, defaults={"query": query})
    messages.success(request, _("Saved the view “%(name)s”.") % {"name": name})
    return back_to_list(query)


@require_POST
def delete_view(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    may_use(request)
    view = get_object_or_404(SavedView, pk=pk, user=request.user)  # only one's own
    view.delete()
    messages.success(request, _("Deleted the view “%(name)s”.") % {"name": view.name})
    return back_to_list()
