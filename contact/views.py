"""The contact form and the thank-you page with the reader's readiness assessment."""

from functools import partial
from urllib.parse import urlsplit

from django.core import signing
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from .forms import InquiryForm, source_article
from .models import Inquiry
from .notifications import notify_sales
from .ratelimit import over_limit
from .readiness import assess

THANKS_SALT = "contact.thanks"
THANKS_MAX_AGE = 60 * 60 * 24
TOO_MANY = (
    "You have sent the form several times in the last minute. "
    "Please wait a minute and send it again."
)


def landing_path(request: HttpRequest) -> str:
    """The page on this site the reader came from (from the Referer), or nothing."""
    referer = urlsplit(request.META.get("HTTP_REFERER", ""))
    if referer.netloc and referer.netloc != request.get_host():
        return ""
    return referer.path[:300] if referer.path.startswith("/") else ""


class ContactView(View):
    template_name = "contact/contact_page.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        initial = {
            "article": request.GET.get("article", "")[:20],
            "landing_page": landing_path(request),
        }
        form = InquiryForm(initial=initial)
        return self.render(request, form, article_id=initial["article"])

    def post(self, request: HttpRequest) -> HttpResponse:
        form = InquiryForm(request.POST)
        if over_limit(request, "contact"):
            form.is_valid()
            form.add_error(None, TOO_MANY)
            return self.render(request, form, status=429)
        if form.is_spam:
            return redirect("contact:thanks")  # looks like success; nothing is stored
        if not form.is_valid():
            return self.render(request, form)
        inquiry = self.save(form)
        token = signing.dumps(inquiry.pk, salt=THANKS_SALT)
        return redirect(f"{reverse('contact:thanks')}?ref={token}")

    @staticmethod
    def save(form: InquiryForm) -> Inquiry:
        """Store the lead first; the e-mail goes out only once the lead is safely committed."""
        with transaction.atomic():
            inquiry = form.save(commit=False)
            inquiry.source_article = form.cleaned_data["article"]
            inquiry.landing_page = (
                "" if inquiry.source_article else form.cleaned_data["landing_page"]
            )
            assessment = assess(inquiry.work_definition, inquiry.documentation)
            inquiry.readiness, inquiry.readiness_score = assessment.readiness, assessment.score
            inquiry.save()
            transaction.on_commit(partial(notify_sales, inquiry.pk))
        return inquiry

    def render(self, request, form, article_id: str = "", status: int = 200) -> HttpResponse:
        cleaned = getattr(form, "cleaned_data", {})
        source = (
            cleaned["article"]
            if "article" in cleaned
            else source_article(article_id or form.data.get("article", ""))
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
    return render(request, "contact/thanks.html", {"inquiry": inquiry})


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "contact/privacy.html")
