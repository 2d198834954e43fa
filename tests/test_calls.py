"""A next step after the form: the reader books a call in a sales person's hours, in the reader's
own time zone; both get an iCalendar invitation (sent by the worker to a real SMTP server) that
moving and cancelling update; the call is on the lead's timeline and in the owner's reminders."""

import re
import uuid
from datetime import UTC, date, datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from calls import booking
from calls.links import booking_url
from calls.models import Call, CallHours
from calls.slots import free_slots
from contact.reminders import reminder_message
from contact.views import thanks_redirect
from tests.support.jobs import run_jobs
from tests.support.leads import edit_url, lead
from tests.support.people import member_of

pytestmark = pytest.mark.django_db
WEEKDAYS = {str(day): [["09:00", "11:00"]] for day in range(5)}
EVERY_DAY = {str(day): [["00:00", "23:30"]] for day in range(7)}


@pytest.fixture
def sam():
    user = member_of("Sales", "sam", first_name="Sam", last_name="Seller")
    CallHours.objects.create(user=user, time_zone="Europe/Helsinki", weekly=EVERY_DAY)
    return user


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def invitation(message) -> Calendar:
    [part] = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    return Calendar.from_ical(part.get_payload(decode=True))


def test_free_times_follow_the_hours_the_notice_and_the_daily_limit(settings):
    settings.CALL_MAX_PER_DAY = 2
    host = member_of("Sales", "sam")
    CallHours.objects.create(user=host, time_zone="Europe/Helsinki", weekly=WEEKDAYS)
    aino = lead("Aino Virtanen", "Nordpay")
    monday = datetime(2027, 1, 4, 6, 0, tzinfo=UTC)  # 08:00 in Helsinki
    times = list(free_slots(aino, monday))
    assert times[0] == datetime(2027, 1, 5, 7, 0, tzinfo=UTC), "Tuesday 09:00: 12 hours' notice"
    assert {t.weekday() for t in times} == {0, 1, 2, 3, 4}, "no calls at the weekend"
    assert sum(t.date() == date(2027, 1, 6) for t in times) == 4, "09:00-11:00: four half hours"

    Call.objects.create(inquiry=aino, host=host, starts_at=datetime(2027, 1, 6, 7, 30, tzinfo=UTC))
    wednesday = [t for t in free_slots(aino, monday) if t.date() == date(2027, 1, 6)]
    assert datetime(2027, 1, 6, 7, 30, tzinfo=UTC) not in wednesday and len(wednesday) == 3
    Call.objects.create(inquiry=aino, host=host, starts_at=datetime(2027, 1, 6, 8, 30, tzinfo=UTC))
    assert not [t for t in free_slots(aino, monday) if t.date() == date(2027, 1, 6)], "the limit"

    after_the_clock_change = datetime(2027, 3, 29, 6, 0, tzinfo=UTC)
    assert next(iter(free_slots(aino, after_the_clock_change))).hour == 6, "09:00 summer time"


def test_the_reader_books_in_their_own_zone_and_both_get_the_invitation(client, sam, smtp):
    aino = lead("Aino Virtanen", "Nordpay")
    page = client.get(path_of(booking_url(aino)), {"tz": "America/New_York"}).text
    first = re.search(r'name="start" value="([^"]+)"', page)[1]
    start = datetime.fromisoformat(first)
    shown = timezone.localtime(start, timezone.get_default_timezone().__class__("America/New_York"))
    assert f"> {shown:%H:%M}</label>" in page, "listed in the reader's time"

    response = client.post(path_of(booking_url(aino)), {"start": first, "tz": "America/New_York"})
    call = Call.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{call.key}/")
    assert (call.host, call.starts_at, call.reader_time_zone) == (sam, start, "America/New_York")
    assert "Your call is booked" in client.get(response["Location"]).text

    run_jobs()
    [sent] = [m for m in smtp.messages if "Our call" in m["Subject"]]
    assert sent["To"] == "Aino Virtanen <aino@nordpay.com>" and sent["Cc"] == "sam@example.com"
    [event] = invitation(sent).walk("VEVENT")
    assert invitation(sent)["METHOD"] == "REQUEST" and str(call.key) in event["UID"]
    assert event.decoded("DTSTART") == start
    assert {str(a) for a in event.get("ATTENDEE")} == {
        "mailto:aino@nordpay.com", "mailto:sam@example.com"
    }  # fmt: skip

    aino.refresh_from_db()
    assert aino.owner == sam and aino.next_step_on == timezone.localtime(start).date()
    subject, lines = reminder_message([sam.pk, aino.next_step_on.isoformat()])
    assert any("Call booked by the lead" in line for line in lines), "in the owner's reminders"
    client.force_login(sam)
    assert "The lead booked a call" in client.get(edit_url(aino)).text


def test_a_time_taken_meanwhile_is_refused_and_never_booked_twice(client, sam):
    aino, mart = lead("Aino Virtanen", "Nordpay"), lead("Mart Tamm", "Balticloud")
    start = next(iter(free_slots(aino)))
    assert client.post(path_of(booking_url(aino)), {"start": start.isoformat()}).status_code == 302
    refused = client.post(path_of(booking_url(mart)), {"start": start.isoformat()})
    assert refused.status_code == 409 and "just been taken" in refused.text
    assert Call.objects.count() == 1 and start not in free_slots(mart)
    with pytest.raises(IntegrityError), transaction.atomic():  # two workers at once: the database
        Call.objects.create(inquiry=mart, host=sam, starts_at=start)


def test_moving_and_cancelling_update_the_same_invitation(client, sam, smtp):
    aino = lead("Aino Virtanen", "Nordpay")
    first, later, last = list(free_slots(aino))[:3]
    call = booking.book(aino, first, "Europe/Helsinki")
    run_jobs()
    page = reverse("calls:call", args=(call.key,))
    assert client.post(page, {"start": later.isoformat()}).status_code == 302
    run_jobs()
    assert client.post(page, {"action": "cancel"}).status_code == 302
    run_jobs()
    sent = [invitation(m) for m in smtp.messages if m.get_content_maintype() == "multipart"]
    events = [c.walk("VEVENT")[0] for c in sent]
    assert [c["METHOD"] for c in sent] == ["REQUEST", "REQUEST", "CANCEL"]
    assert len({e["UID"] for e in events}) == 1 and [e["SEQUENCE"] for e in events] == [0, 1, 2]
    assert events[1].decoded("DTSTART") == later
    call.refresh_from_db()
    assert call.state == "cancelled" and first in free_slots(aino) and later in free_slots(aino)
    aino.refresh_from_db()
    assert aino.next_step == "", "the cancelled call is no longer the next step"
    assert "Your call is cancelled" in client.get(page).text
    assert client.post(page, {"start": last.isoformat()}).status_code == 200, "nothing to move"
    assert Call.objects.get().state == "cancelled"

    smtp.messages.clear()
    again = booking.book(aino, first, "UTC")
    booking.move(again, last)  # before the worker got to the first invitation
    run_jobs()
    [only] = [invitation(m) for m in smtp.messages if m.get_content_maintype() == "multipart"]
    assert only.walk("VEVENT")[0].decoded("DTSTART") == last, "the overtaken one is not sent"


def test_odd_links_and_times_are_refused_plainly(client, sam):
    aino = lead("Aino Virtanen", "Nordpay")
    assert client.get("/contact/call/book/not-a-token/").status_code == 404
    assert client.get(f"/contact/call/{uuid.uuid4()}/").status_code == 404
    assert client.get(path_of(booking_url(aino)), {"tz": "Mars/Olympus"}).status_code == 200
    for start in ("tomorrow", "2027-01-05T07:00:00", ""):
        refused = client.post(path_of(booking_url(aino)), {"start": start})
        assert refused.status_code == 400 and "Pick one of the times" in refused.text
    assert not Call.objects.exists()


def test_the_thanks_page_and_the_readers_copy_offer_the_call_when_someone_has_hours(
    client, settings, smtp
):
    settings.CONFIRM_TO_READER = True
    aino = lead("Aino Virtanen", "Nordpay")
    assert "Book a call" not in client.get(thanks_redirect(aino).url).text, "nobody has hours"
    host = member_of("Sales", "sam")
    CallHours.objects.create(user=host, weekly=EVERY_DAY)
    assert path_of(booking_url(aino)) in client.get(thanks_redirect(aino).url).text

    from contact.confirmation import confirmation_for

    assert booking_url(aino) in confirmation_for(aino).body


def test_sales_set_their_hours_and_a_mistake_is_named(client):
    sam = member_of("Sales", "sam")
    client.force_login(sam)
    url = reverse("calls_hours")
    form = {"time_zone": "Europe/Tallinn", "day_0": "9:00-12:00, 13:00-16:30", "day_4": "16-9"}
    refused = client.post(url, form)
    assert refused.status_code == 200 and "Write hours as" in refused.text
    assert not CallHours.objects.exists()
    assert client.post(url, form | {"day_4": "14:00-15:00"}).status_code == 302
    hours = CallHours.objects.get(user=sam)
    assert hours.time_zone == "Europe/Tallinn"
    assert hours.weekly == {
        "0": [["09:00", "12:00"], ["13:00", "16:30"]],
        "4": [["14:00", "15:00"]],
    }
    assert "13:00-16:30" in client.get(url).text

    client.force_login(member_of("Editors", "eve"))
    assert client.post(url, form | {"day_4": ""}).status_code in (302, 403)
    assert CallHours.objects.count() == 1


def test_deleting_the_lead_deletes_its_calls(sam):
    aino = lead("Aino Virtanen", "Nordpay")
    booking.book(aino, next(iter(free_slots(aino))), "UTC")
    aino.delete()
    assert not Call.objects.exists()
