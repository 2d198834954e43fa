"""The subscribe form: an address, optional interests (cities and topics the articles cover),
consent; and a field only bots fill in."""

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.models import ArticlePage, ArticleTopic, City
from contact.forms import HONEYPOT_FIELD, source_article

from .models import WEEKDAYS, NewsletterSettings, Rhythm


def interest_choices() -> list[tuple[str, str]]:
    cities = City.objects.filter(articles__live=True).distinct().order_by("name")
    topics = Tag.objects.filter(
        pk__in=ArticleTopic.objects.filter(content_object__live=True).values("tag_id")
    ).order_by("name")
    return [*((f"city:{c.slug}", c.name) for c in cities),
            *((f"topic:{t.slug}", t.name) for t in topics)]  # fmt: skip


class InterestsForm(forms.Form):
    """Cities and topics to hear about: on the subscribe form and behind every e-mail's link."""

    interests = forms.MultipleChoiceField(
        label=_("Only about (optional)"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to get every new article."),
    )  # fmt: skip

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["interests"].choices = interest_choices()


class SubscribeForm(InterestsForm):
    field_order = ["email", "interests", "consent"]

    email = forms.EmailField(label=_("Your e-mail"), max_length=254)
    consent = forms.BooleanField(
        label=_("Send me new articles by e-mail. I can unsubscribe in one click from any of them."),
        error_messages={"required": _("Please agree to receive the e-mails.")},
    )
    article = forms.CharField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean_article(self) -> ArticlePage | None:
        return source_article(self.cleaned_data.get("article", ""))


class PreferencesForm(InterestsForm):
    """A subscriber's own choice of what and how often, from the link in every e-mail."""

    rhythm = forms.ChoiceField(label=_("How often"), widget=forms.RadioSelect, required=False)

    def __init__(self, *args, weekly: NewsletterSettings, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["interests"].label = _("Only about")
        self.fields["rhythm"].choices = [
            (Rhythm.NOW, Rhythm.NOW.label),
            (Rhythm.WEEKLY, _("Once a week, on %(day)s at %(hour)02d:00")
             % {"day": WEEKDAYS[weekly.weekday], "hour": weekly.hour}),
        ]  # fmt: skip
