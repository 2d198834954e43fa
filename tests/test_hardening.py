"""No single request hurts everyone: odd input, private articles, exports and small wrong numbers
(each test fails without its fix)."""

import csv
import io
from email.utils import getaddresses

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.models import PageViewRestriction

from contact.models import Inquiry, Status
from tests.support.counting import counted, reader
from tests.support.jobs import run_jobs
from tests.support.leads import lead, send
from tests.support.people import member_of

LIST_URL = reverse("contact_inquiry:index")
CONTROL_COMPANY = "Acme\x0bVertical\x85Next\x1fUnit"


@pytest.mark.django_db
@pytest.mark.parametrize("restriction", ["password", "login"])
def test_a_private_article_is_never_named_or_recorded_as_a_source(client, article, restriction):
    PageViewRestriction.objects.create(page=article, restriction_type=restriction, password="pw")
    html = client.get(f"/contact/?article={article.pk}").text
    assert "You came from" not in html and article.title not in html
    assert f'name="article" value="{article.pk}"' in html  # the hidden field is only echoed
    assert send(client, {"article": str(article.pk)}).status_code == 302
    stored = Inquiry.objects.get()
    assert stored.source_article is None and stored.source != article.title


@pytest.mark.django_db
def test_a_public_article_is_still_named(client, article):
    assert "You came from" in client.get(f"/contact/?article={article.pk}").text


def exported_rows(response, export_format: str) -> list[list[str]]:
    content = b"".join(response.streaming_content)
    if export_format == "csv":
        return list(csv.reader(io.StringIO(content.decode())))
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [[str(cell or "") for cell in row] for row in sheet.iter_rows(values_only=True)]


@pytest.mark.django_db
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_every_export_succeeds_for_control_characters_in_stored_text(
    client, article, export_format, caplog
):
    sales = member_of("Sales", "sam")
    inquiry = lead("Vera Tab\x0b", CONTROL_COMPANY, source_article=article, status=Status.WON)
    client.force_login(sales)
    # A timeline entry holds the company too (Site history exports it).
    changed = client.post(
        reverse("contact_inquiry:edit", args=(inquiry.pk,)),
        {"status": "won", "owner": "", "next_step": "Call\x0b back", "next_step_on": "",
         "deal_value": "1000", "note": "Odd\x0bnote"},
    )  # fmt: skip
    assert changed.status_code == 302, changed.text[:500]
    superuser = User.objects.create_superuser("root", "root@example.com", "a-long-password-123")
    exports = {
        sales: [LIST_URL, reverse("contact_leads_report"), reverse("content_performance")],
        superuser: [reverse("wagtailadmin_reports:site_history")],
    }
    for user, urls in exports.items():
        client.force_login(user)
        for url in urls:
            response = client.get(url, {"export": export_format})
            assert response.status_code == 200, url
            text = "\n".join(",".join(row) for row in exported_rows(response, export_format))
            if url == LIST_URL:
                assert "AcmeVertical" in text.replace("\x0b", "") and "Next" in text
    assert CONTROL_COMPANY not in caplog.text and "Acme" not in caplog.text


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["-50000", "100000000.01", "1e12"])
def test_a_deal_value_out_of_range_is_a_form_error_and_is_not_stored(client, value):
    inquiry = lead("Nora Neg", "Negative")
    client.force_login(member_of("Sales", "sam"))
    response = client.post(
        reverse("contact_inquiry:edit", args=(inquiry.pk,)),
        {"status": "won", "owner": "", "next_step": "", "next_step_on": "",
         "deal_value": value, "note": ""},
    )  # fmt: skip
    assert response.status_code == 200
    assert "deal_value" in response.context["form"].errors
    inquiry.refresh_from_db()
    assert inquiry.deal_value is None and inquiry.status == Status.NEW


@pytest.mark.django_db
def test_reply_to_is_exactly_the_leads_own_address_with_the_name_quoted(client):
    hostile = 'Mallory, "CEO" <ceo@victim.example>,'
    assert send(client, {"name": hostile, "email": "mallory@lead.example"}).status_code == 302
    from django.core import mail

    run_jobs()
    [message] = mail.outbox
    header = message.message()["Reply-To"]
    assert getaddresses([str(header)]) == [(hostile, "mallory@lead.example")]


@pytest.mark.django_db
def test_head_requests_and_missing_pages_are_not_counted_as_views(article, redis):  # noqa: F811
    for _ in range(2):
        assert reader().head(article.url).status_code == 200
    for path in [f"{article.url}x/", "/blog/no-such-article/", "/authors/nobody/"]:
        for _ in range(2):
            assert reader().get(path).status_code == 404
    assert counted(redis) == {}
    assert reader().get(article.url).status_code == 200
    assert counted(redis) == {f"v {article.url}": 1}


@pytest.mark.django_db
def test_an_out_of_range_page_is_a_cheap_404(client, blog, django_assert_max_num_queries):
    """Routing, one count, the redirect check and the 404 page: the listing is never rendered."""
    with django_assert_max_num_queries(9):
        assert client.get("/blog/?page=999999").status_code == 404
    for odd in ["0", "007", "9" * 40, "-1", "1.0", "２"]:
        with django_assert_max_num_queries(8):  # not even the count
            assert client.get("/blog/", {"page": odd}).status_code == 404, odd
    assert client.get("/blog/?page=1").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("how", ["purge", "admin delete"])
def test_deleting_a_lead_leaves_none_of_its_personal_data_anywhere(client, article, how):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    personal = ["Quentin Purgeable", "purgeable-co.example", "Purgeable Holdings",
                "Call Quentin re scope", "Quentin prefers mornings"]  # fmt: skip
    data = {"name": personal[0], "email": f"q@{personal[1]}", "company": personal[2],
            "article": str(article.pk)}  # fmt: skip
    assert send(client, data).status_code == 302
    run_jobs()  # the lead e-mail: a finished task row naming the lead
    inquiry = Inquiry.objects.get()
    owner = member_of("Sales", "sam")
    other = member_of("Sales", "sue")
    client.force_login(other)
    response = client.post(
        reverse("contact_inquiry:edit", args=(inquiry.pk,)),
        {"status": "qualified", "owner": str(owner.pk), "next_step": personal[3],
         "next_step_on": "2026-12-24", "deal_value": "42000", "note": personal[4]},
    )  # fmt: skip
    assert response.status_code == 302
    lead_rows = DBTaskResult.objects.filter(
        task_path__startswith="contact.", args_kwargs__args__0=inquiry.pk
    )
    # The lead e-mail and the reader's copy, run; the assignment e-mail, queued.
    assert lead_rows.count() == 3
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    assert all(text in dump.getvalue() for text in personal), "every place is filled"

    if how == "purge":
        Inquiry.objects.update(created_at=timezone.now() - timedelta(days=400))
        call_command("purge_inquiries", "--older-than", "365", "--delete", stdout=io.StringIO())
    else:
        superuser = User.objects.create_superuser("root", "root@example.com", "a-long-pw-123")
        client.force_login(superuser)
        url = reverse("contact_inquiry:delete", args=(inquiry.pk,))
        assert client.post(url).status_code == 302
    assert not Inquiry.objects.exists() and not lead_rows.exists()
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    assert not [text for text in personal if text in dump.getvalue()]


@pytest.mark.parametrize(
    "title, place, author",
    [
        ("W" * 255, "Helsinki, Finland", "Eric Hanson"),
        ("Why Startups Contract " * 12, "Llanfairpwllgwyngyll" * 6, "Maximilian " * 20),
        ("Hiring 🚀 backend engineers in 東京 ✨", "Tallinn, Estonia", "Zoë 🧑‍💻 Ångström"),
    ],
    ids=["one-long-word", "long-everything", "emoji-and-cjk"],
)
def test_cover_text_always_fits_and_no_missing_glyph_is_drawn(title, place, author):
    from PIL import Image

    from articles.share_card import MARGIN, NIGHT, SIZE, TEXT_WIDTH, _font, draw_cover, layout

    lines = layout(title, place, author, "Clean Systems Consulting")
    assert all(_font(size).getlength(text) <= TEXT_WIDTH for text, size in lines)
    drawn = " ".join(text for text, _ in lines)
    assert not {"🚀", "東", "京", "✨", "🧑"} & set(drawn)
    cover = Image.open(io.BytesIO(draw_cover(title, place, author, "Clean Systems Consulting")))
    night = Image.new("RGB", (1, 1), NIGHT).getpixel((0, 0))
    right_margin = cover.crop((SIZE[0] - MARGIN + 2, 270, SIZE[0], SIZE[1]))  # below the circle
    assert [color for _, color in right_margin.getcolors()] == [night], "nothing runs off"


def png(width: int, height: int) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


@pytest.mark.django_db
def test_an_upload_over_the_pixel_limit_is_refused_with_a_form_error(client, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    client.force_login(User.objects.create_superuser("ed", "ed@example.com", "a-long-pw-123"))
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    side = int(limit**0.5) + 100  # just over the limit (11,000² in the report)
    before = get_image_model().objects.count()
    upload = SimpleUploadedFile("huge.png", png(side, side), content_type="image/png")
    response = client.post(reverse("wagtailimages:add"), {"title": "Huge", "file": upload})
    assert response.status_code == 200 and "file" in response.context["form"].errors
    assert get_image_model().objects.count() == before


@pytest.mark.django_db
def test_a_large_feed_image_never_makes_a_reader_wait_for_its_renditions(client, article, settings):
    """Picked as a feed image, a large original is rendered by the worker, never in a request;
    pages answer without it meanwhile (kept by the edge for seconds only), then show it."""
    from django.core.files.images import ImageFile
    from django_tasks_db.models import DBTaskResult
    from wagtail.images import get_image_model

    settings.PAGE_CACHE_SECONDS = 3600
    image = get_image_model()(title="Large photo")
    image.file = ImageFile(io.BytesIO(png(3000, 2000)), name="large.png")  # 6 MP, allowed
    image.save()
    article.feed_image = image
    article.save_revision().publish()
    jobs = DBTaskResult.objects.filter(task_path="articles.images.make_renditions")
    for url in [article.url, "/blog/", "/"]:
        response = client.get(url)
        assert response.status_code == 200 and "s-maxage=10" in response["Cache-Control"], url
        assert image.renditions.count() == 0, f"{url} made a rendition in the request"
        assert image.file.url.rsplit(".", 1)[0] not in response.text
    assert jobs.exclude(status="SUCCESSFUL").exists(), "the worker was asked"
    run_jobs()
    assert image.renditions.count() >= 8
    page = client.get(article.url).text
    assert any(rendition.url in page for rendition in image.renditions.all())
