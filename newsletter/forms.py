"""The subscribe form: an address, optional interests (cities and topics the articles cover),
consent; and a field only bots fill in."""

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.models import ArticlePage, ArticleTopic, City
from contact.forms import HONEYPOT_FIELD, source_article


def interest_choices() -> list[tuple[str, str]]:
    cities = City.objects.filter(articles__live=True).distinct().order_by("name")
    topics = Tag.objects.filter(
        pk__in=ArticleTopic.objects.filter(content_object__live=True).values("tag_id")
    ).order_by("name")
    return [*((f"city:{c.slug}", c.name) for c in cities),
            *((f"topic:{t.slug}", t.name) for t in topics)]  # fmt: skip


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail"), max_length=254)
    interests = forms.MultipleChoiceField(
        label=_("Only about (optional)"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to get every new article."),
    )  # fmt: skip
    consent = forms.BooleanField(
        label=_("Send me new articles by e-mail. I can unsubscribe in one click from any of them."),
        error_messages={"required": _("Please agree to receive the e-mails.")},
    )
    article = forms.CharField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["interests"].choices = interest_choices()

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean_article(self) -> ArticlePage | None:
        return source_article(self.cleaned_data.get("article", ""))


class InterestsForm(forms.Form):
    """A subscriber's choice of cities and topics, from the link in every e-mail."""

    interests = forms.MultipleChoiceField(
        label=_("Only about"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to get every new article."),
    )  # fmt: skip

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["interests"].choices = interest_choices()
