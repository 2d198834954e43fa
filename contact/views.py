"""The contact form and the thank-you page with the reader's readiness assessment."""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db import DatabaseError, IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View

from access.ratelimit import client_over_limit
from performance.visits import current_visit

from .confirmation import send_confirmation
from .forms import InquiryForm, source_article, submission_token
from .models import Inquiry
from .next_steps import next_steps_for
from .notifications import queue
from .readiness import assess
from .signals import form_viewed_from_article

THANKS_SALT = "contact.thanks"
THANKS_MAX_AGE = 60 * 60 * 24
TOO_MANY = _(
    "You have sent the form several times in the last minute. "
    "Please wait a minute and send it again."
)


def landing_path(request: HttpRequest) -> str:
    """The page on this site the reader came from (from the Referer), or nothing."""
    referer = urlsplit(request.META.get("HTTP_REFERER", ""))
    if referer.netloc and referer.netloc != request.get_host():
        return ""
    return referer.path[:300] if referer.path.startswith("/") else ""


def thanks_redirect(inquiry: Inquiry) -> HttpResponse:
    token = signing.dumps(inquiry.pk, salt=THANKS_SALT)
    return redirect(f"{reverse('contact:thanks')}?ref={token}")


class ContactView(View):
    template_name = "contact/contact_page.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        initial = {
            "article": request.GET.get("article", "")[:20],
            "landing_page": landing_path(request),
            "submission": uuid.uuid4(),
        }
        form = InquiryForm(initial=initial)
        source = source_article(initial["article"])
        if source and not request.user.is_authenticated:  # the form, reached from an article
            form_viewed_from_article.send(ContactView, environ=request.META, article_pk=source.pk)
        return self.render(request, form, source=source)

    def post(self, request: HttpRequest) -> HttpResponse:
        form = InquiryForm(request.POST)
        if client_over_limit(request, "contact", settings.CONTACT_RATE_LIMIT):
            form.is_valid()
            form.add_error(None, TOO_MANY)
            return self.render(request, form, status=429)
        if form.is_spam:
            return redirect("contact:thanks")  # looks like success; nothing is stored
        try:
            already_sent = self.sent_before(form.data.get("submission", ""))
            if already_sent:  # a double click or a retry of a form that went through
                return thanks_redirect(already_sent)
            if not form.is_valid():
                return self.render(request, form)
            return thanks_redirect(self.save(form, current_visit(request.META)))
        except DatabaseError:
            return self.unavailable(request, InquiryForm(request.POST))

    @staticmethod
    def sent_before(raw_token: str) -> Inquiry | None:
        token = submission_token(raw_token)
        return Inquiry.objects.filter(submission_token=token).first() if token else None

    @classmethod
    def save(cls, form: InquiryForm, visit: dict | None = None) -> Inquiry:
        """Store the lead (with its visit's first touch) and queue its e-mail in one
        transaction: both are kept, or neither."""
        try:
            with transaction.atomic():
                inquiry = form.save(commit=False)
                inquiry.submission_token = form.cleaned_data["submission"]
                inquiry.source_article = form.cleaned_data["article"]
                inquiry.landing_page = (
                    "" if inquiry.source_article else form.cleaned_data["landing_page"]
                )
                assessment = assess(inquiry.work_definition, inquiry.documentation)
                inquiry.readiness, inquiry.readiness_score = assessment.readiness, assessment.score
                inquiry.take_first_touch(visit)
                inquiry.save()
                queue(inquiry)
                send_confirmation.enqueue(inquiry.pk)  # the reader's copy, in the same commit
        except IntegrityError:  # the same form, posted twice at once: the other post stored it
            stored = cls.sent_before(str(form.cleaned_data["submission"]))
            if stored is None:
                raise
            return stored
        return inquiry

    def unavailable(self, request: HttpRequest, form: InquiryForm) -> HttpResponse:
        """The database is down: nothing was stored, so give the reader back every word."""
        form.keep_as_typed()
        context = {
            "form": form,
            "database_down": True,
            "fallback_email": settings.CONTACT_FALLBACK_EMAIL,
        }
        response = render(request, self.template_name, context, status=503)
        response["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER_SECONDS)
        return response

    def render(self, request, form, status: int = 200, source=None) -> HttpResponse:
        cleaned = getattr(form, "cleaned_data", {})
        if source is None:
            source = (
                cleaned["article"]
                if "article" in cleaned
                else source_article(form.data.get("article", ""))
            )
        context = {"form": form, "source_article": source}
        return render(request, self.template_name, context, status=status)


def thanks(request: HttpRequest) -> HttpResponse:
    """Post/redirect/get target: shows the assessment of the lead the signed token names."""
    inquiry = None
    try:
        pk = signing.loads(request.GET.get("ref", ""), salt=THANKS_SALT, max_age=THANKS_MAX_AGE)
        inquiry = Inquiry.objects.filter(pk=pk).first()
    except (signing.BadSignature, TypeError, ValueError):
        pass
    steps = next_steps_for(inquiry) if inquiry else []
    return render(request, "contact/thanks.html", {"inquiry": inquiry, "next_steps": steps})


def privacy(request: HttpRequest) -> HttpResponse:
    context = {
        "privacy_email": settings.PRIVACY_EMAIL,
        "daily_days": settings.PERFORMANCE_DAILY_DAYS,
        "visit_minutes": settings.PERFORMANCE_VISIT_MINUTES,
        "confirm_days": settings.NEWSLETTER_CONFIRM_DAYS,
        "grace_days": settings.NEWSLETTER_GRACE_DAYS,
    }
    return render(request, "contact/privacy.html", context)
