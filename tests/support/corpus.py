"""The tests' own launch content: five articles in the seed format, written for the tests.

The session imports these (as `make setup` imports content/articles/), so a code test never
depends on the wording of the shipped content: an editor can rewrite content/articles/ freely.
What the tests rely on is said here: two authors, cities inferred as Helsinki (twice),
Copenhagen (from the offices only), Tallinn and Warsaw, topics from titles and leads, and a
first lead longer than a search result's snippet (155 characters).
"""

from dataclasses import dataclass, field
from pathlib import Path

ERIC = "by Eric Hanson, Backend Developer at Clean Systems Consulting"
ARIF = "by Arif Ikhsanudin, Backend Developer"

CALL_TO_ACTION = """Scale Your Backend - Need an Experienced Backend Developer?

We provide backend engineers who join your team as contractors to build and scale services.

We work in writing, across US, EU and APAC time zones.

  • Production Backend Experience. Services, APIs and databases that run in production.
  • Scalable Architecture. Systems that stay reliable as traffic grows.
  • Contractor Friendly. Short projects, long-term support, or help during releases.

Tell us about your project"""

OFFICES = """Our offices

  • Copenhagen
    1 Carlsberg Gate
    1260, København, Denmark
  • Magelang
    12 Jalan Bligo
    56485, Magelang, Indonesia"""

MORE = (
    ("When Freelancers Are Not the Right Choice", "Fast and flexible, until they are not."),
    ("Why Most Software Problems Are Communication Problems", "It is rarely the code."),
)


@dataclass(frozen=True)
class SeedArticle:
    """One article as an editor writes it in the seed format (see articles/importer/parser)."""

    title: str
    byline: str
    lead: tuple[str, ...]
    body: tuple[str, ...]  # headings, paragraphs and "  • bullet" lines, one unit each
    more: tuple[tuple[str, str], ...] = field(default=MORE)

    def text(self) -> str:
        references = [f"{title}\n\n{summary}\n\nRead more" for title, summary in self.more]
        units = [self.title, self.byline, *self.lead, *self.body, CALL_TO_ACTION, OFFICES]
        return "\n\n".join([*units, "More articles", *references]) + "\n"


def section(heading: str, *paragraphs: str) -> tuple[str, ...]:
    return (heading, *paragraphs)


LAUNCH = (
    SeedArticle(
        "Why Finnish Startups Hire Async Backend Contractors to Scale Beyond Helsinki's Small "
        "Talent Pool",
        ERIC,
        (
            "Helsinki's engineering community is strong but small.",
            "The startups growing fastest have found a way to get backend work done that does not "
            "wait for the local pool to grow.",
        ),
        (
            *section(
                "The constraint that stays",
                "Helsinki will not have many more senior backend engineers next year.",
                "The ones who are free are asked by the same companies every quarter.",
            ),
            *section(
                "Building around it",
                "It starts with one project that has waited on the roadmap for two quarters.",
                "The team writes it down, hands it over, and it ships.",
            ),
            "  • A service that waited for a hire",
            "  • An integration a client keeps asking about",
            "  • A migration nobody had time for",
            *section(
                "Why it fits Helsinki",
                "Teams in Helsinki write clearly and like requirements settled first.",
                "The form at /contact is a direct way to find out whether your team is ready.",
            ),
        ),
    ),
    SeedArticle(
        "Helsinki Has 600,000 People — Finding a Senior Backend Developer Here Is Harder Than "
        "It Sounds",
        ARIF,
        (
            "A city of 600,000 has a small pool of senior backend talent.",
            "Most of it is already employed, and happy where it is.",
        ),
        (
            *section(
                "Counting the pool",
                "Helsinki has a few hundred senior backend engineers, most of them settled.",
                "A search that opens today competes with every other search in the city.",
            ),
            *section(
                "What searches cost",
                "Months pass between the first posting and the first day.",
                "The work waits all that time, and so do the clients who asked for it.",
            ),
            *section(
                "Another way",
                "Some teams in Helsinki stopped waiting and changed how work is handed over.",
            ),
        ),
    ),
    SeedArticle(
        "The Backend Developer You Need Is Not in Your City — and That Is Actually Good News",
        ERIC,
        (
            "The engineer a startup needs is rarely down the road.",
            "That stops mattering once the work is written down.",
        ),
        (
            *section(
                "Where the engineers are",
                "Good backend engineers live everywhere, and most of them are not nearby.",
                "A team that can work with them widens its choice a hundredfold.",
            ),
            *section(
                "What changes",
                "Work described well travels well.",
                "Reviews happen in writing, and nobody waits for a meeting.",
            ),
        ),
    ),
    SeedArticle(
        "Estonia Punches Above Its Weight in Tech — Its Backend Talent Pool Does Not",
        ARIF,
        (
            "Estonia builds more companies per person than almost anywhere.",
            "Its pool of senior backend engineers has not kept up.",
        ),
        (
            *section(
                "A small country with big companies",
                "Tallinn is home to companies that grew far beyond the country.",
                "They hire from the same few hundred engineers as every startup in Tallinn.",
            ),
            *section(
                "The gap",
                "Startups in Tallinn lose months to searches for senior backend engineers.",
                "The ones that move fastest found another way to add capacity.",
            ),
        ),
    ),
    SeedArticle(
        "What to Look for When Hiring a Senior Backend Contractor — and What Most Startups Get "
        "Wrong",
        ERIC,
        (
            "Hiring a senior backend contractor is not hiring an employee.",
            "The difference decides whether the engagement works.",
        ),
        (
            *section(
                "What to look for",
                "Ask how they work when nobody answers for a day.",
                "Ask what they need before they start, and what they hand back at the end.",
            ),
            "  • Written status, without being asked",
            "  • Questions early, not late",
            "  • Work that another engineer can pick up",
            *section(
                "What goes wrong",
                "Startups in Warsaw often judge a contractor by the interview alone.",
                "In Warsaw as anywhere, the first week of real work tells them far more.",
            ),
        ),
    ),
)


def write_launch(folder: Path) -> Path:
    """The five articles as files in `folder`, named as the shipped ones are (000_….txt)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, article in enumerate(LAUNCH):
        (folder / f"{number:03d}_test.txt").write_text(article.text(), encoding="utf-8")
    return folder
