"""The contact form: what a founder tells us, checked before anything is stored."""

import re
import uuid

from django import forms
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from articles.models import ArticlePage

from .models import Inquiry

HONEYPOT_FIELD = "website"
# ASCII digits only (str.isdigit() also accepts "²", which int() rejects); 18 digits at most
# keeps an id inside the database's integer range.
PAGE_ID = re.compile(r"[0-9]{1,18}")


def source_article(raw: str) -> ArticlePage | None:
    """The live, public article an id from a link or hidden field names; anything else (a
    private or password-protected article included) means none, so no title leaks by id."""
    if not PAGE_ID.fullmatch(raw or ""):
        return None
    return ArticlePage.objects.visible().filter(pk=int(raw)).first()


def submission_token(raw: str) -> uuid.UUID | None:
    """The one-time token of the rendered form, if the post carries a well-formed one."""
    try:
        return uuid.UUID(raw) if raw else None
    except (ValueError, TypeError, AttributeError):
        return None


class InquiryForm(forms.ModelForm):
    consent = forms.BooleanField(
        required=True,
        label=_("I agree to be contacted about my inquiry"),
        error_messages={"required": _("Please agree to be contacted so we can reply.")},
    )
    # Context the reader never sees: sanitised in clean_*, never a reason to reject the form.
    article = forms.CharField(required=False, widget=forms.HiddenInput)
    landing_page = forms.CharField(required=False, widget=forms.HiddenInput)
    submission = forms.CharField(required=False, widget=forms.HiddenInput)
    # Hidden from people and assistive technology alike; only bots fill it in.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    class Meta:
        model = Inquiry
        fields = [
            "name", "email", "company", "role", "project",
            "work_definition", "documentation", "desired_start", "consent",
        ]  # fmt: skip
        labels = {
            "name": _("Your name"),
            "role": _("Your role"),
            "project": _("What is the project?"),
        }
        help_texts = {
            "project": _("A few sentences: what needs building, and why now."),
        }
        widgets = {
            "work_definition": forms.RadioSelect,
            "documentation": forms.RadioSelect,
            "project": forms.Textarea(attrs={"rows": 6}),
        }
        error_messages = {
            "name": {"required": _("Please tell us your name.")},
            "email": {
                "required": _("Please give your work email."),
                "invalid": _("Enter an email address like name@company.com."),
            },
            "company": {"required": _("Please tell us your company.")},
            "role": {"required": _("Please tell us your role.")},
            "project": {"required": _("Please describe the project in a few sentences.")},
            "work_definition": {"required": _("Choose how work is defined today.")},
            "documentation": {"required": _("Choose how well the system is documented.")},
            "desired_start": {"required": _("Choose when you would like to start.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("work_definition", "documentation", "desired_start"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0]]
        self.fields["desired_start"].choices = [
            ("", "Choose…"),
            *self.fields["desired_start"].choices,
        ]
        autocomplete = {"name": "name", "email": "email", "company": "organization",
                        "role": "organization-title"}  # fmt: skip
        for name, token in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = token
        for name in ("article", "landing_page", "submission"):
            self.fields[name].validators = []  # sanitised in clean_*, never a hidden error
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def clean_article(self) -> ArticlePage | None:
        """The article the reader came from, if it is a live article; anything else is ignored."""
        return source_article(self.cleaned_data.get("article", ""))

    def clean_submission(self) -> uuid.UUID:
        """The form's one-time token; a missing or malformed one gets a fresh token."""
        return submission_token(self.cleaned_data.get("submission", "")) or uuid.uuid4()

    def clean_landing_page(self) -> str:
        """A path on this site, or nothing: never a full URL someone could plant."""
        path = self.cleaned_data.get("landing_page", "")
        plain = path.startswith("/") and not path.startswith("//") and path.isprintable()
        return path[:300] if plain else ""

    def keep_as_typed(self) -> None:
        """Show what was typed without validating it (validation needs the database)."""
        self._errors, self.cleaned_data = ErrorDict(), {}

    @property
    def visible_fields_in_order(self):
        return [self[name] for name in self.Meta.fields]
