"""A reader sends the contact form; a lead is stored, assessed and sent to sales."""

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import CommandError, call_command

from contact.models import Inquiry
from contact.readiness import Readiness, assess
from tests.support.jobs import run_jobs
from tests.support.leads import VALID, send


@pytest.mark.django_db
def test_form_page_has_labelled_fields_offices_and_a_hidden_honeypot(client, article):
    html = client.get(f"/contact/?article={article.pk}").text
    for name in ("name", "email", "company", "role", "project", "desired_start", "consent"):
        assert f'for="id_{name}"' in html and f'id="id_{name}"' in html
    assert '<legend class="field__label">How work is defined today' in html
    assert f'name="article" value="{article.pk}"' in html
    assert "Our offices" in html and "1 Carlsberg Gate" in html
    assert 'href="/contact/privacy/"' in html
    assert "csrfmiddlewaretoken" in html
    honeypot = html[html.index("<div hidden>") : html.index("</div>", html.index("<div hidden>"))]
    assert 'name="website"' in honeypot


@pytest.mark.django_db
def test_valid_lead_is_stored_with_its_article_assessed_and_mailed(client, article):
    response = send(client, {"article": str(article.pk)})
    assert response.status_code == 302
    assert mail.outbox == [], "the e-mail waits for the worker"
    run_jobs()
    assert response["Location"].startswith("/contact/thanks/?ref=")

    lead = Inquiry.objects.get()
    assert (lead.name, lead.source_article, lead.readiness, lead.readiness_score) == (
        "Aino Virtanen", article, Readiness.READY, 4,
    )  # fmt: skip
    assert lead.status == "new" and lead.notified_at is not None

    [message] = mail.outbox
    assert message.to == ["sales@example.com"]
    assert "Startup Oy" in message.subject and article.title in message.body

    thanks = client.get(response["Location"])
    assert "Thank you, Aino Virtanen" in thanks.text
    assert '<h2 id="assessment-heading">Ready to hand work off now</h2>' in thanks.text
    assert thanks.text.count("<li>") >= 3


@pytest.mark.django_db
def test_lead_without_an_article_records_the_landing_page(client):
    page = client.get("/contact/", HTTP_REFERER="http://testserver/blog/?page=1")
    assert 'name="landing_page" value="/blog/"' in page.text
    send(
        client,
        {"landing_page": "/blog/", "work_definition": "conversations", "documentation": "partial"},
    )
    lead = Inquiry.objects.get()
    assert (lead.source_article, lead.landing_page, lead.readiness) == (
        None,
        "/blog/",
        "foundation",
    )


@pytest.mark.parametrize(
    ("work", "docs", "expected"),
    [
        ("written_specs", "current", Readiness.READY),
        ("written_specs", "partial", Readiness.CLOSER),
        ("shared_context", "partial", Readiness.CLOSER),
        ("conversations", "current", Readiness.CLOSER),
        ("shared_context", "none", Readiness.FOUNDATION),
        ("conversations", "none", Readiness.FOUNDATION),
    ],
)
def test_readiness_follows_how_work_is_defined_and_documented(work, docs, expected):
    assert assess(work, docs).readiness == expected
    assert 2 <= len(assess(work, docs).next_steps) <= 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bad", "field", "message"),
    [
        ({"email": "not-an-email"}, "email", "Enter an email address like name@company.com."),
        ({"name": ""}, "name", "Please tell us your name."),
        ({"consent": ""}, "consent", "Please agree to be contacted so we can reply."),
        ({"work_definition": ""}, "work_definition", "Choose how work is defined today."),
        ({"work_definition": "bribes"}, "work_definition", "Select a valid choice."),
        ({"project": "x" * 4001}, "project", "Ensure this value has at most 4000 characters"),
        ({"company": "y" * 121}, "company", "Ensure this value has at most 120 characters"),
    ],
)
def test_bad_input_keeps_nothing_and_says_what_is_wrong(client, bad, field, message):
    response = send(client, bad)
    assert response.status_code == 200
    html = response.text
    assert Inquiry.objects.count() == 0
    assert 'id="error-summary" role="alert"' in html
    assert f'id="id_{field}_error"' in html and message in html
    assert html.count(message) == 2, "next to the field and in the summary"
    assert 'aria-invalid="true"' in html
    assert "Aino Virtanen" in html or field == "name", "what the reader typed is kept"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "article",
    ["abc", "-1", "99999999999999999999999", "1 OR 1=1", "<script>", "²", "١٢", "１", "\x00"],
)
def test_odd_article_references_never_break_the_form(client, article):
    assert client.get("/contact/", {"article": article}).status_code == 200
    odd = {"article": article, "landing_page": f"/x{article}", "submission": article}
    assert send(client, odd).status_code == 302
    assert client.get("/contact/thanks/", {"ref": article}).status_code == 200
    assert Inquiry.objects.get().source_article is None


@pytest.mark.django_db
def test_filled_honeypot_looks_like_success_but_stores_nothing(client):
    response = send(client, {"website": "http://spam.example"})
    assert response.status_code == 302
    assert "Thank you" in client.get(response["Location"]).text
    assert Inquiry.objects.count() == 0 and mail.outbox == []


@pytest.mark.django_db
def test_too_many_posts_from_one_address_are_refused(client, settings):
    settings.CONTACT_RATE_LIMIT = 3
    for _ in range(3):
        assert send(client).status_code == 302
    refused = send(client)
    assert refused.status_code == 429
    assert "Please wait a minute" in refused.text
    assert Inquiry.objects.count() == 3
    other_address = send(client, REMOTE_ADDR="10.0.0.9")
    assert other_address.status_code == 302


@pytest.mark.django_db
def test_form_post_without_csrf_token_is_refused():
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/contact/", VALID).status_code == 403
    assert Inquiry.objects.count() == 0


@pytest.mark.django_db
def test_submitted_text_is_escaped_everywhere(client):
    response = send(client, {"name": "<script>alert(1)</script>"})
    html = client.get(response["Location"]).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.django_db
def test_purge_is_a_dry_run_unless_told_to_delete(client):
    from datetime import timedelta

    from django.utils import timezone

    send(client)
    send(client, {"name": "Old Lead"})
    Inquiry.objects.filter(name="Old Lead").update(created_at=timezone.now() - timedelta(days=400))

    call_command("purge_inquiries", "--older-than", "365")
    assert Inquiry.objects.count() == 2
    call_command("purge_inquiries", "--older-than", "365", "--delete")
    assert list(Inquiry.objects.values_list("name", flat=True)) == ["Aino Virtanen"]
    with pytest.raises(CommandError):
        call_command("purge_inquiries", "--older-than", "0", "--delete")
    assert User.objects.count() == 0
