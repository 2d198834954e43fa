"""Saved views of the Inquiries list: *My open leads* and *New this week* for every sales person,
and each person's own, saved from the list's filters and seen by nobody else."""

import html
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from contact.models import SavedView
from tests.support.leads import LIST_URL, lead
from tests.support.people import member_of

pytestmark = pytest.mark.django_db
SAVE = reverse("contact_saved_view_save")


def views_on(page: str) -> dict[str, str]:
    """The saved views above the list: name → the address it opens."""
    nav = page.split('aria-label="Saved views"', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'<a [^>]*href="([^"]*)"[^>]*>([^<]+)</a>', nav)
    return {name.strip(): html.unescape(href) for href, name in links}


def companies(client, address: str) -> set[str]:
    """The companies of the leads the list shows (each row's menu names the lead)."""
    page = client.get(LIST_URL + address).text
    return {c for c in ("Nordpay", "Balticloud", "Fjordly", "Kimco") if f", {c}&#x27;" in page}


def test_my_open_leads_and_new_this_week_are_there_for_everyone(client, sam):
    kim = member_of("Sales", "kim")
    lead("Aino Virtanen", "Nordpay", owner=sam, status="contacted")
    lead("Mart Tamm", "Balticloud", owner=sam, status="won")
    lead("Kim Lee", "Kimco", owner=kim)
    old = lead("Ola Nord", "Fjordly")
    old.created_at = timezone.now() - timedelta(days=8)
    old.save()

    views = views_on(client.get(LIST_URL).text)
    assert companies(client, views["My open leads"]) == {"Nordpay"}
    assert companies(client, views["New this week"]) == {"Nordpay", "Balticloud", "Kimco"}


def test_a_sales_person_saves_the_lists_filters_and_comes_back_to_them(client, sam):
    lead("Aino Virtanen", "Nordpay", status="qualified")
    lead("Mart Tamm", "Balticloud")
    query = "?status=qualified&q=&page=2&export=csv&selected=4"
    response = client.post(SAVE, {"name": "Qualified", "query": query})
    assert response.status_code == 302
    assert SavedView.objects.get(user=sam).query == "status=qualified", "filters only"

    page = client.get(response["Location"]).text
    assert views_on(page)["Qualified"] == "?status=qualified"
    assert re.search(r'aria-current="page">Qualified<', page), "the view open now is marked"
    assert companies(client, "?status=qualified") == {"Nordpay"}

    client.post(SAVE, {"name": "Qualified", "query": "?status=new&created_at_from=2026-11-02"})
    assert list(SavedView.objects.values_list("query", flat=True)) == [
        "status=new&created_at_from=2026-11-02"
    ], "replaced, with its date range"
    assert client.post(SAVE, {"name": " ", "query": "?status=new"}).status_code == 302
    assert client.post(SAVE, {"name": "All", "query": "?page=3"}).status_code == 302
    assert SavedView.objects.count() == 1, "a view needs a name and a filter"


def test_a_saved_view_is_its_owners_alone(client, sam):
    client.post(SAVE, {"name": "Mine", "query": "?status=new"})
    view = SavedView.objects.get()
    kim = Client()
    kim.force_login(member_of("Sales", "kim"))
    assert "Mine" not in views_on(kim.get(LIST_URL).text)
    assert kim.post(reverse("contact_saved_view_delete", args=(view.pk,))).status_code == 404
    editor = Client()
    editor.force_login(member_of("Editors", "eve"))
    assert editor.post(SAVE, {"name": "Eve's", "query": "?status=new"}).status_code in (302, 403)
    assert SavedView.objects.count() == 1

    assert client.get(reverse("contact_saved_view_delete", args=(view.pk,))).status_code == 405
    client.post(reverse("contact_saved_view_delete", args=(view.pk,)))
    assert not SavedView.objects.exists()
