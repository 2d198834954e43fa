"""The admin's password reset, with limits: per client address and per e-mail address, so it
can be used neither to flood a colleague's inbox nor to probe at speed."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import PasswordResetView

from .ratelimit import client_over_limit, over_limit

HOUR = 60 * 60
TOO_MANY = _("Too many password reset requests. Please wait an hour and try again.")


class RateLimitedPasswordResetView(PasswordResetView):
    def form_valid(self, form) -> HttpResponse:
        limit = settings.PASSWORD_RESET_RATE_LIMIT
        email = form.cleaned_data["email"].strip().lower()
        by_address = client_over_limit(self.request, "password-reset", limit, HOUR)
        by_email = over_limit(f"password-reset-email:{email}", limit, HOUR)
        if by_address or by_email:
            form.add_error(None, TOO_MANY)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)
