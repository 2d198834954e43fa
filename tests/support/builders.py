"""Per-test data (factory_boy and wagtail-factories): a test builds exactly what it asserts on,
with every other field a valid default, instead of leaning on the launch corpus's wording.

    article = ArticleFactory(city__name="Oulu")          # a live article under /blog/
    lead = InquiryFactory(company="Acme", source_article=article)
"""

import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.rich_text import RichText

from articles.models import ArticlePage, Author, BlogIndexPage, CallToAction, City, Office
from contact.models import Inquiry
from contact.readiness import Documentation, WorkDefinition, assess


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Test city {n}")
    country = "Finland"


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Test Author {n}")
    role = "Engineering lead"
    company = "Example Oy"


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    city = factory.Sequence(lambda n: f"Office town {n}")
    street = "1 Main Street"
    country = "Finland"
    live = True


class CallToActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallToAction

    heading = factory.Sequence(lambda n: f"Call to action {n}")
    subheading = "Tell us what you are building."
    live = True


class ArticleFactory(wagtail_factories.PageFactory):
    """A published article under the blog index (the site tree every install has)."""

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True  # publishing saved it

    title = factory.Sequence(lambda n: f"Hiring backend engineers, test {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    intro = "What a reader learns here, in a sentence."
    author = factory.SubFactory(AuthorFactory)
    city = factory.SubFactory(CityFactory)
    parent = factory.LazyFunction(BlogIndexPage.objects.get)
    live = False  # until published below

    @factory.post_generation
    def published(page, create, extracted, **kwargs):
        """Published through a revision, as an editor would (signals, cache purges and all);
        `published=False` leaves a draft."""
        if create and extracted is not False:
            page.save_revision().publish()
            page.refresh_from_db()  # live, revisions, first published: as the database has it
        elif create:
            page.save_revision()


def long_article(headings: list[str], words_per_section: int = 300, **fields) -> ArticlePage:
    """An article of several minutes' reading: a heading and a long paragraph per section."""
    paragraph = RichText("<p>" + " ".join(["word"] * words_per_section) + "</p>")
    body = [
        block for heading in headings for block in (("heading", heading), ("paragraph", paragraph))
    ]
    return ArticleFactory(body=body, **fields)


class InquiryFactory(factory.django.DjangoModelFactory):
    """A lead as the contact form saves it, with the readiness the form works out."""

    class Meta:
        model = Inquiry

    name = factory.Sequence(lambda n: f"Reader {n}")
    company = factory.Sequence(lambda n: f"Company{n}")
    email = factory.LazyAttribute(
        lambda lead: f"{lead.name.split()[0].lower()}@{slugify(lead.company)}.com"
    )
    role = "CTO"
    project = factory.LazyAttribute(lambda lead: f"{lead.company} needs a billing service.")
    work_definition = WorkDefinition.WRITTEN_SPECS
    documentation = Documentation.CURRENT
    desired_start = "now"
    consent = True
    readiness = factory.LazyAttribute(
        lambda lead: assess(lead.work_definition, lead.documentation).readiness
    )
    readiness_score = factory.LazyAttribute(
        lambda lead: assess(lead.work_definition, lead.documentation).score
    )
