"""The contact form: what a founder tells us, checked before anything is stored."""

from django import forms

from articles.models import ArticlePage

from .models import Inquiry

HONEYPOT_FIELD = "website"


def source_article(raw: str) -> ArticlePage | None:
    """The live article an id from a link or hidden field names; anything else means none."""
    if not raw.isdigit() or len(raw) > 18:  # also keeps ids inside the database's integer range
        return None
    return ArticlePage.objects.live().filter(pk=int(raw)).first()


class InquiryForm(forms.ModelForm):
    consent = forms.BooleanField(
        required=True,
        label="I agree to be contacted about my inquiry",
        error_messages={"required": "Please agree to be contacted so we can reply."},
    )
    # Context the reader never sees: sanitised in clean_*, never a reason to reject the form.
    article = forms.CharField(required=False, widget=forms.HiddenInput)
    landing_page = forms.CharField(required=False, widget=forms.HiddenInput)
    # Hidden from people and assistive technology alike; only bots fill it in.
    website = forms.CharField(required=False, label="Leave this field empty")

    class Meta:
        model = Inquiry
        fields = [
            "name", "email", "company", "role", "project",
            "work_definition", "documentation", "desired_start", "consent",
        ]  # fmt: skip
        labels = {"name": "Your name", "role": "Your role", "project": "What is the project?"}
        help_texts = {
            "project": "A few sentences: what needs building, and why now.",
        }
        widgets = {
            "work_definition": forms.RadioSelect,
            "documentation": forms.RadioSelect,
            "project": forms.Textarea(attrs={"rows": 6}),
        }
        error_messages = {
            "name": {"required": "Please tell us your name."},
            "email": {
                "required": "Please give your work email.",
                "invalid": "Enter an email address like name@company.com.",
            },
            "company": {"required": "Please tell us your company."},
            "role": {"required": "Please tell us your role."},
            "project": {"required": "Please describe the project in a few sentences."},
            "work_definition": {"required": "Choose how work is defined today."},
            "documentation": {"required": "Choose how well the system is documented."},
            "desired_start": {"required": "Choose when you would like to start."},
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
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def clean_article(self) -> ArticlePage | None:
        """The article the reader came from, if it is a live article; anything else is ignored."""
        return source_article(self.cleaned_data.get("article", ""))

    def clean_landing_page(self) -> str:
        """A path on this site, or nothing: never a full URL someone could plant."""
        path = self.cleaned_data.get("landing_page", "")
        return path[:300] if path.startswith("/") and not path.startswith("//") else ""

    @property
    def visible_fields_in_order(self):
        return [self[name] for name in self.Meta.fields]
