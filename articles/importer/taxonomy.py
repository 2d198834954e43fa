"""Infer what an imported article is about: its city (with country) and its topics.

The seed format has no metadata lines, so the importer reads the title and text the way an editor
would: a city named in the title wins; otherwise the city named most often; when only a country
(or its adjective, "Finnish") is named, that country's main tech city stands for it.
"""

import re
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    city: str
    country: str


# City → country. Names are matched as whole words, case-sensitively ("Helsinki's" counts).
CITIES: dict[str, str] = {
    "Amsterdam": "Netherlands",
    "Athens": "Greece",
    "Austin": "United States",
    "Bangalore": "India",
    "Barcelona": "Spain",
    "Berlin": "Germany",
    "Boston": "United States",
    "Bucharest": "Romania",
    "Budapest": "Hungary",
    "Copenhagen": "Denmark",
    "Dublin": "Ireland",
    "Gdańsk": "Poland",
    "Hamburg": "Germany",
    "Helsinki": "Finland",
    "Jakarta": "Indonesia",
    "Kraków": "Poland",
    "Kyiv": "Ukraine",
    "Lisbon": "Portugal",
    "London": "United Kingdom",
    "Los Angeles": "United States",
    "Madrid": "Spain",
    "Milan": "Italy",
    "Munich": "Germany",
    "New York": "United States",
    "Oslo": "Norway",
    "Paris": "France",
    "Prague": "Czechia",
    "Riga": "Latvia",
    "San Francisco": "United States",
    "Seattle": "United States",
    "Seoul": "South Korea",
    "Singapore": "Singapore",
    "Sofia": "Bulgaria",
    "Stockholm": "Sweden",
    "Sydney": "Australia",
    "Taipei": "Taiwan",
    "Tallinn": "Estonia",
    "Tartu": "Estonia",
    "Tel Aviv": "Israel",
    "Tokyo": "Japan",
    "Toronto": "Canada",
    "Vienna": "Austria",
    "Vilnius": "Lithuania",
    "Warsaw": "Poland",
    "Zurich": "Switzerland",
}
CITY_ALIASES = {"LA": "Los Angeles", "NYC": "New York", "Krakow": "Kraków", "Zürich": "Zurich"}

# Country → (its main tech city, the words that name the country in prose).
COUNTRIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Finland": ("Helsinki", ("Finland", "Finnish")),
    "Estonia": ("Tallinn", ("Estonia", "Estonian")),
    "Latvia": ("Riga", ("Latvia", "Latvian")),
    "Lithuania": ("Vilnius", ("Lithuania", "Lithuanian")),
    "Poland": ("Warsaw", ("Poland", "Polish")),
    "Sweden": ("Stockholm", ("Sweden", "Swedish")),
    "Norway": ("Oslo", ("Norway", "Norwegian")),
    "Denmark": ("Copenhagen", ("Denmark", "Danish")),
    "Germany": ("Berlin", ("Germany", "German")),
    "Netherlands": ("Amsterdam", ("Netherlands", "Dutch")),
    "Portugal": ("Lisbon", ("Portugal", "Portuguese")),
    "Spain": ("Madrid", ("Spain", "Spanish")),
    "Czechia": ("Prague", ("Czechia", "Czech Republic", "Czech")),
    "Hungary": ("Budapest", ("Hungary", "Hungarian")),
    "Romania": ("Bucharest", ("Romania", "Romanian")),
    "Ireland": ("Dublin", ("Ireland", "Irish")),
    "Taiwan": ("Taipei", ("Taiwan", "Taiwanese")),
    "Indonesia": ("Jakarta", ("Indonesia", "Indonesian")),
    "Ukraine": ("Kyiv", ("Ukraine", "Ukrainian")),
}

# Topic → words in the title or lead that put an article under it.
TOPICS: dict[str, tuple[str, ...]] = {
    "Hiring": ("hire", "hiring", "talent", "recruit", "developer you need"),
    "Contracting": ("contractor", "contracting", "freelancer"),
    "Async work": ("async", "asynchronous"),
    "Remote work": ("remote", "not in your city", "distance"),
    "Documentation": ("documentation", "document", "spec"),
}

TITLE_WEIGHT = 10


def _count(names: dict[str, str], text: str) -> Counter:
    counts: Counter = Counter()
    for name, canonical in names.items():
        found = len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text))
        if found:
            counts[canonical] += found
    return counts


def _weighted(names: dict[str, str], title: str, text: str) -> Counter:
    counts = _count(names, text)
    for name, found in _count(names, title).items():
        counts[name] += found * TITLE_WEIGHT
    return counts


def infer_place(title: str, text: str) -> Place | None:
    """The article's city and its country, or None when the text names no place we know."""
    city_names = {name: name for name in CITIES} | CITY_ALIASES
    cities = _weighted(city_names, title, text)
    if cities:
        city = max(cities, key=lambda name: (cities[name], -text.find(name)))
        return Place(city, CITIES[city])
    country_words = {word: country for country, (_, words) in COUNTRIES.items() for word in words}
    countries = _weighted(country_words, title, text)
    if countries:
        country = countries.most_common(1)[0][0]
        return Place(COUNTRIES[country][0], country)
    return None


def infer_topics(title: str, lead: str) -> list[str]:
    """Topics whose keywords the title or lead use, in the order TOPICS lists them."""
    haystack = f"{title} {lead}".casefold()
    return [
        topic
        for topic, keywords in TOPICS.items()
        if any(re.search(rf"\b{re.escape(word)}", haystack) for word in keywords)
    ]
