"""The importer, as an editor running `manage.py import_articles` would see it."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from articles.importer.parser import decode, parse_article
from articles.models import ArticlePage, Author, CallToAction, City, Office
from tests.support import corpus

BYLINE = "by Jane Doe, Staff Engineer at Acme Backend"
NEW_ARTICLE = f"""Why Warsaw Teams Write Specs First

{BYLINE}

Warsaw's backend market is busy.

Hiring there takes months.

What the spec changes

Teams that write a spec first get three things:

  • Faster onboarding
  • Fewer follow-up calls
  • A clear definition of done

The form at /contact is where that starts.

Scale Your Backend - Need an Experienced Backend Developer?

We provide backend engineers who join your team as contractors.

  • Scalable Architecture. Design backend systems that stay reliable.

Tell us about your project

Our offices

  • Copenhagen
    1 Carlsberg Gate
    1260, København, Denmark

More articles

A Title Nobody Has Written Yet

Its summary, one paragraph long.

Read more
"""

SHIPPED_FILES = sorted(Path(settings.ARTICLES_CONTENT_DIR).glob("*.txt"))


def run_import(*paths) -> str:
    out = io.StringIO()
    call_command("import_articles", *paths, stdout=out, stderr=out)
    return out.getvalue()


def headings(page: ArticlePage) -> list[str]:
    return [block.value for block in page.body if block.block_type == "heading"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda path: path.name)
def test_every_shipped_file_is_published_faithfully(path):
    run_import(path)
    parsed = parse_article(decode(path.read_bytes()))
    page = ArticlePage.objects.live().get(title=parsed.title)

    assert page.author.name == parsed.byline.name
    assert page.intro.split("\n\n") == parsed.lead
    assert headings(page) == [b.value for b in parsed.body if b.kind == "heading"]
    paragraphs = [block for block in page.body if block.block_type == "paragraph"]
    assert len(paragraphs) == sum(b.kind == "paragraph" for b in parsed.body)
    body_text = " ".join(str(block.value) for block in page.body)
    # The shared tail is recognised, not copied into the article's own text.
    for tail in ("Scale Your Backend", "Our offices", "More articles", "Read more"):
        assert tail not in body_text
    assert page.call_to_action is None, "the shared CTA is the site default"
    assert page.related_links.count() == len(parsed.references)


@pytest.mark.django_db
def test_launch_content_creates_shared_records_once():
    assert ArticlePage.objects.live().count() == len(corpus.LAUNCH) == 5
    assert set(Author.objects.values_list("name", flat=True)) == {"Eric Hanson", "Arif Ikhsanudin"}
    eric = Author.objects.get(name="Eric Hanson")
    assert (eric.role, eric.company) == ("Backend Developer", "Clean Systems Consulting")
    cta = CallToAction.objects.get()
    assert (cta.heading, cta.subheading, cta.is_default) == (
        "Scale Your Backend",
        "Need an Experienced Backend Developer?",
        True,
    )
    assert [f.value["title"] for f in cta.features][:2] == [
        "Production Backend Experience",
        "Scalable Architecture",
    ]
    assert cta.button_text == "Tell us about your project"
    assert [(o.city, o.street, o.locality) for o in Office.objects.all()] == [
        ("Copenhagen", "1 Carlsberg Gate", "1260, København, Denmark"),
        ("Magelang", "12 Jalan Bligo", "56485, Magelang, Indonesia"),
    ]


@pytest.mark.django_db
def test_city_is_inferred_from_title_and_text():
    cities = dict(ArticlePage.objects.live().values_list("title", "city__name"))
    by_start = {title.split()[0]: city for title, city in cities.items()}
    assert by_start["Why"] == "Helsinki"  # "Finnish Startups … Helsinki's Small Talent Pool"
    assert by_start["Helsinki"] == "Helsinki"
    assert by_start["Estonia"] == "Tallinn"  # country in the title, Tallinn in the text
    assert by_start["The"] is None  # names no place at all
    assert City.objects.get(name="Tallinn").country == "Estonia"


@pytest.mark.django_db
def test_country_only_article_gets_that_countrys_main_city(write_article):
    path = write_article(
        "latvia.txt",
        "Latvian Startups and the Spec\n\nby Jane Doe\n\nLatvia is small.\n\nHiring is slow.\n",
    )
    run_import(path)
    page = ArticlePage.objects.get(title="Latvian Startups and the Spec")
    assert (page.city.name, page.city.country) == ("Riga", "Latvia")


@pytest.mark.django_db
def test_new_article_creates_author_bullets_and_contact_link(write_article):
    output = run_import(write_article("warsaw.txt", NEW_ARTICLE))

    page = ArticlePage.objects.get(title="Why Warsaw Teams Write Specs First")
    assert "created" in output and page.live
    assert (page.author.name, page.author.role, page.author.company) == (
        "Jane Doe",
        "Staff Engineer",
        "Acme Backend",
    )
    assert page.city.name == "Warsaw"
    lists = [block.value for block in page.body if block.block_type == "bullet_list"]
    assert [list(items) for items in lists] == [
        ["Faster onboarding", "Fewer follow-up calls", "A clear definition of done"]
    ]
    assert headings(page) == ["What the spec changes"]
    assert '<a href="/contact/">/contact</a>' in str(page.body)
    assert Office.objects.count() == 2, "the known office is reused, not duplicated"


@pytest.mark.django_db
def test_unknown_more_articles_title_becomes_a_draft_until_written(client, write_article):
    run_import(write_article("warsaw.txt", NEW_ARTICLE))
    source = ArticlePage.objects.get(title="Why Warsaw Teams Write Specs First")
    draft = ArticlePage.objects.get(title="A Title Nobody Has Written Yet")
    assert not draft.live
    assert draft.intro == "Its summary, one paragraph long."
    assert client.get(f"/blog/{draft.slug}/").status_code == 404
    assert "A Title Nobody Has Written Yet" not in client.get(source.url).text

    later = NEW_ARTICLE.replace(
        "Why Warsaw Teams Write Specs First", "A Title Nobody Has Written Yet"
    )
    later = later.split("More articles")[0]
    run_import(write_article("later.txt", later))

    draft.refresh_from_db()
    assert draft.live, "writing the article publishes the same page the reference points at"
    assert ArticlePage.objects.filter(title="A Title Nobody Has Written Yet").count() == 1
    assert "A Title Nobody Has Written Yet" in client.get(source.url).text


@pytest.mark.django_db
def test_importing_twice_updates_the_one_article(write_article):
    path = write_article("warsaw.txt", NEW_ARTICLE)
    assert run_import(path).splitlines()[-1] == "1 new, 0 updated, 0 unchanged"
    first = ArticlePage.objects.get(title="Why Warsaw Teams Write Specs First")

    assert run_import(path).splitlines()[-1] == "0 new, 0 updated, 1 unchanged"
    path.write_text(NEW_ARTICLE.replace("Hiring there takes months.", "Hiring takes a year."))
    assert run_import(path).splitlines()[-1] == "0 new, 1 updated, 0 unchanged"

    assert ArticlePage.objects.filter(title="Why Warsaw Teams Write Specs First").count() == 1
    updated = ArticlePage.objects.get(pk=first.pk)
    assert "Hiring takes a year." in updated.intro
    assert Author.objects.filter(name="Jane Doe").count() == 1


@pytest.mark.django_db
def test_unchanged_file_keeps_an_editors_later_edit(article, tmp_path):
    article.intro = "An editor rewrote this lead."
    article.save_revision().publish()
    run_import(corpus.write_launch(tmp_path) / "000_test.txt")  # the file the session imported
    article.refresh_from_db()
    assert article.intro == "An editor rewrote this lead."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n \n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        ("Title\n\nby Jane".encode("utf-16"), "not a text file"),
        (b"Title\n\n\xff\xfe broken", "not UTF-8 text"),
        (b"A Title\n\nNo by-line here, just text.\n", "no by-line"),
        (b"A Title\n\nby Jane Doe\n", "no article text after the by-line"),
    ],
)
def test_bad_file_is_reported_and_nothing_is_saved(tmp_path, write_article, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = write_article("good.txt", NEW_ARTICLE)
    pages, authors = ArticlePage.objects.count(), Author.objects.count()

    out = io.StringIO()
    with pytest.raises(CommandError, match="1 file\\(s\\) not imported; 1 imported"):
        call_command("import_articles", bad, good, stdout=out, stderr=out)

    assert f"{bad}: {message}" in out.getvalue()
    assert ArticlePage.objects.filter(title="Why Warsaw Teams Write Specs First").exists()
    # Only the good file's article and its one draft reference were added.
    assert ArticlePage.objects.count() == pages + 2
    assert Author.objects.count() == authors + 1


@pytest.mark.django_db
def test_command_exits_non_zero_with_one_readable_line(tmp_path):
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x00\x01\x02")
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "TEST_DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "import_articles", str(bad), str(tmp_path / "missing")],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{bad}: not a text file (it contains binary data)",
        f"{tmp_path / 'missing'}: no such file or folder",
        "CommandError: 2 file(s) not imported; 0 imported",
    ]
