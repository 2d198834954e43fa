"""Ready for another language: every word a template shows is marked for translation, and the
catalogue gettext makes from the project holds what templates and code mark."""

import re
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
# Wagtail's own dashboard template, copied with its own translate tags (config/patches.py).
NOT_OURS = {TEMPLATES / "wagtailadmin" / "home.html"}
MARKED = re.compile(
    r"{%\s*(blocktranslate|blocktrans|comment)\b.*?%}.*?{%\s*end\1\s*%}|<(script|style)\b.*?</\2>"
    r"|{%\s*block\s+(?:body_class|og_type)\s*%}.*?{%\s*endblock",  # names, not words
    re.S,
)
TEMPLATE_TAG = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)
SHOWN_ATTRIBUTE = re.compile(r'\b(?:alt|title|placeholder|aria-label)="([^"]*)"')
HTML_TAG = re.compile(r"<[^>]*>")
ENTITY = re.compile(r"&[#\w]+;")


def unmarked_words(source: str) -> list[str]:
    """Words a reader would see that no translate tag wraps."""
    text = TEMPLATE_TAG.sub("§", MARKED.sub("§", source))
    found = [value for value in SHOWN_ATTRIBUTE.findall(text) if re.search(r"[A-Za-z]", value)]
    for chunk in ENTITY.sub(" ", HTML_TAG.sub("\n", text)).splitlines():
        if re.search(r"[A-Za-z]{2,}", chunk):
            found.append(chunk.strip())
    return found


@pytest.mark.parametrize(
    "template",
    sorted(p.relative_to(TEMPLATES) for p in TEMPLATES.rglob("*.html") if p not in NOT_OURS),
    ids=str,
)
def test_every_word_a_template_shows_is_marked_for_translation(template):
    assert unmarked_words((TEMPLATES / template).read_text()) == []


def test_the_check_finds_unmarked_words():
    assert unmarked_words('<p>Hello <a title="More">{{ name }}</a></p>') == ["More", "Hello"]
    assert unmarked_words('<p>{% translate "Hello" %} <img alt="{{ alt }}"></p>') == []


@pytest.mark.django_db
def test_a_translation_made_from_the_catalogue_is_what_a_reader_of_that_language_gets(
    tmp_path, settings, client
):
    """`makemessages` over the project collects what templates and Python mark; a catalogue
    compiled from it (one string translated) changes what a page says in that language."""
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.test",
           "LOCALE_DIR": str(tmp_path)}  # fmt: skip
    python = str(ROOT / ".venv" / "bin" / "python")
    subprocess.run(
        [python, "manage.py", "makemessages", "-l", "fi", "--no-location",
         "--ignore=.venv/*", "--ignore=tests/*", "--ignore=build/*", "--ignore=node_modules/*"],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    po = tmp_path / "fi" / "LC_MESSAGES" / "django.po"
    catalogue = po.read_text()
    msgids = set(re.findall(r'^msgid "(.+)"$', catalogue, re.M))
    assert len(msgids) > 150  # templates, models, forms, admin screens, mail
    assert {"Skip to main content", "Contact us"} <= msgids
    po.write_text(
        catalogue.replace('msgid "Skip to main content"\nmsgstr ""',
                          'msgid "Skip to main content"\nmsgstr "Siirry sisältöön"')
    )  # fmt: skip
    subprocess.run(["msgfmt", "-o", str(po.with_suffix(".mo")), str(po)], check=True)
    settings.LOCALE_PATHS = [str(tmp_path)]
    with translation.override("fi"):
        page = client.get("/contact/").content.decode()
    assert "Siirry sisältöön" in page and "Skip to main content" not in page
