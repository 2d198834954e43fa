"""The planning calendar: a month or a week of articles by day, scheduled and published, for
content staff only."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from tests.support.builders import ArticleFactory
from tests.support.people import member_of, menu_urls

pytestmark = pytest.mark.django_db
CALENDAR = reverse("article_calendar")
ZONE = "Europe/Helsinki"


def day_cell(html: str, day: int) -> str:
    """The calendar cell of this day of the shown month (not a neighbouring month's)."""
    cells = re.findall(r'<td class="planning__day(?! planning__day--outside)[^"]*">(.*?)</td>',
                       html, re.S)  # fmt: skip
    [cell] = [c for c in cells if re.search(rf'planning__weekday">\w+ </span>{day}\b', c)]
    return cell


@pytest.fixture
def planned(settings):
    settings.TIME_ZONE = ZONE
    scheduled = ArticleFactory(published=False, title="Hiring in Oulu")
    scheduled.go_live_at = datetime(2031, 1, 14, 9, 30, tzinfo=ZoneInfo(ZONE))
    scheduled.save_revision().publish()
    published = ArticleFactory(title="Hiring in Turku")
    published.first_published_at = datetime(2031, 1, 20, 23, 30, tzinfo=ZoneInfo(ZONE))
    published.save(update_fields=["first_published_at"])
    return scheduled, published


def test_the_month_shows_each_article_on_its_day(client, editor, planned):
    client.force_login(editor)
    html = client.get(CALENDAR, {"month": "2031-01"}).text
    assert "January 2031" in html and ZONE in html
    assert "Hiring in Oulu" in day_cell(html, 14) and "goes live 09:30" in day_cell(html, 14)
    turku = day_cell(html, 20)  # 21:30 UTC is still the 20th in Helsinki
    assert "Hiring in Turku" in turku and "published 23:30" in turku
    assert "Hiring in Oulu" not in day_cell(html, 15)
    assert 'href="?month=2030-12"' in html and 'href="?month=2031-02"' in html


def test_a_week_shows_seven_days(client, editor, planned):
    client.force_login(editor)
    html = client.get(CALENDAR, {"week": "2031-01-15"}).text  # a Wednesday
    assert html.count('class="planning__day') == 7
    assert "Hiring in Oulu" in html and "Hiring in Turku" not in html
    assert 'href="?week=2031-01-06"' in html and 'href="?week=2031-01-20"' in html


@pytest.mark.parametrize("query", [{"month": "2031-13"}, {"week": "someday"}, {"month": "x" * 500}])
def test_odd_dates_show_this_month(client, editor, query):
    client.force_login(editor)
    response = client.get(CALENDAR, query)
    assert response.status_code == 200
    assert timezone.localdate().strftime("%B %Y") in response.text


def test_only_content_staff_plan(client, editor):
    client.force_login(editor)
    assert CALENDAR in menu_urls(client)
    sales = member_of("Sales", "sally")
    client.force_login(sales)
    assert CALENDAR not in menu_urls(client)
    assert client.get(CALENDAR).status_code in (302, 403)
    assert escape("Hiring") not in client.get(CALENDAR).text
