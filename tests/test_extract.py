from __future__ import annotations

from datetime import date

import pytest

from claimdiff.extract import extract_text
from claimdiff.extract.dates import find_dates
from claimdiff.extract.hedges import find_hedges
from claimdiff.extract.names import find_names
from claimdiff.extract.quantities import find_quantities
from claimdiff.extract.quotes import find_quotes


def q(text: str) -> list[tuple[str, float, str | None, str]]:
    return [
        (x.text, x.value, x.unit.symbol if x.unit else None, x.qualifier)
        for x in find_quantities(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a range of up to 188 miles (300km).",
            [("up to 188 miles (300km)", 188.0, "mi", "up_to")],
        ),
        ("more than 600 kilometers away", [("more than 600 kilometers", 600.0, "km", "at_least")]),
        ("some 3,500 troops arrived", [("some 3,500", 3500.0, None, "about")]),
        ("a $2bn loan", [("$2bn", 2e9, "USD", "exact")]),
        ("unemployment hit 40% in May", [("40%", 40.0, "%", "exact")]),
        ("It fell 3.5 per cent", [("3.5 per cent", 3.5, "%", "exact")]),
        ("1.5 million people fled", [("1.5 million", 1.5e6, None, "exact")]),
        ("a fine of £5m", [("£5m", 5e6, "GBP", "exact")]),
        ("a 5m wall", [("5m", 5.0, "m", "exact")]),
    ],
)
def test_quantities(text: str, expected: list[tuple[str, float, str | None, str]]) -> None:
    assert q(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "X-35 anti-ship missiles",
        "the 2+2 talks",
        "on March 20 in Tokyo",
        "In 2015, the Tor-M2U",
        "the G20 summit",
        "at 10 a.m. on Friday",
        "No. 10 Downing Street",
    ],
)
def test_not_quantities(text: str) -> None:
    assert q(text) == []


def test_ranges_and_counts() -> None:
    (r,) = find_quantities("a range of 120-260 km")
    assert (r.low, r.high, r.unit and r.unit.symbol, r.measure) == (120.0, 260.0, "km", "range")
    (b,) = find_quantities("between 120 and 260 km")
    assert (b.low, b.high) == (120.0, 260.0)
    (c,) = find_quantities("the four southernmost islands")
    assert (c.value, c.measure) == (4.0, "islands")


def test_conversion_in_brackets_is_one_quantity() -> None:
    (x,) = find_quantities("a range of 188 miles (300km)")
    assert x.si[0] == pytest.approx(188 * 1609.344)


PUB = date(2016, 11, 23)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("media reported Tuesday", PUB, "2016-11-22"),
        ("he said on Wednesday", PUB, "2016-11-23"),
        ("a visit next month", PUB, "2016-12"),
        ("due in mid-December", PUB, "2016-12"),
        ("Putin's visit last December", date(2017, 3, 17), "2016-12"),
        ("Earlier this week, talks", PUB, "2016-W47"),
        ("earlier in November", PUB, "2016-11"),
        ("on March 20 in Tokyo", date(2017, 3, 17), "2017-03-20"),
        ("In November 2016, he said", None, "2016-11"),
        ("In 2015, it began", None, "2015"),
        ("on Jan. 5, 2024", None, "2024-01-05"),
        ("last year", date(2017, 3, 17), "2016"),
        ("The vote will be held on Friday", PUB, "2016-11-25"),
        ("yesterday", PUB, "2016-11-22"),
    ],
)
def test_dates_resolve(text: str, published: date | None, value: str) -> None:
    assert [d.value for d in find_dates(text, published)] == [value]


def test_relative_date_without_publication_date_stays_unresolved() -> None:
    (d,) = find_dates("reported on Tuesday", None)
    assert d.text == "Tuesday" and d.value is None and not d.resolved


def test_may_the_modal_is_not_a_date() -> None:
    assert find_dates("It may rain later.", PUB) == []


def test_quotes_and_speakers() -> None:
    text = "“It should not in any way influence relations,” explained Kremlin spokesman Dmitry Peskov, who noted it."
    (x,) = find_quotes(text)
    assert x.text == "It should not in any way influence relations" and x.speaker == "Dmitry Peskov"
    (y,) = find_quotes('Peskov said: "Russia is doing everything necessary."')
    assert y.speaker == "Peskov"
    (z,) = find_quotes(
        "The ministry said it was considering an “appropriate response” to the move."
    )
    assert z.speaker == "ministry" or z.speaker is None or "ministry" in (z.speaker or "").lower()
    assert find_quotes("so-called “experts” said") == []  # a scare-quoted word is not a quote


def test_pronoun_speaker_resolves_to_last_named_speaker_in_source() -> None:
    from claimdiff.clean import clean_text
    from claimdiff.extract import extract_facts
    from claimdiff.segment import segment

    raw = "The spokesman, Jane Smith, said the plan was sound.\n\n“We will not back down,” she told reporters.\n"
    clean = clean_text(raw)
    claims = extract_facts(segment("s", clean), clean, None)
    assert claims[1].quotes[0].speaker == "Jane Smith"


def test_names_skip_sentence_openers_and_split_possessives() -> None:
    names = [
        n.text
        for n in find_names(
            "Following the vote, Japan’s Ministry of Foreign Affairs said Fumio Kishida would go."
        )
    ]
    assert names == ["Japan", "Ministry of Foreign Affairs", "Fumio Kishida"]
    headline = [
        n.text
        for n in find_names(
            "Russia Deploys Missiles On Disputed Islands, Tells Japan Not To Worry", title_case=True
        )
    ]
    assert headline == ["Russia", "Japan"]


def test_hedges() -> None:
    assert [h.text for h in find_hedges("Moscow and Tokyo reportedly never signed a treaty.")] == [
        "reportedly"
    ]
    assert [h.text for h in find_hedges("The talks may be held in May.")] == ["may"]
    assert find_hedges("The minister signed the treaty.") == []


def test_offsets_point_into_the_original_text() -> None:
    from claimdiff.load import load_sources
    from claimdiff.pipeline import source_claims
    from tests.conftest import SAMPLES

    for source in load_sources([str(SAMPLES)]):
        for c in source_claims(source):
            for fact in (*c.quantities, *c.dates, *c.quotes, *c.entities, *c.hedges):
                original = source.text[fact.start : fact.end]
                assert " ".join(original.split()) == fact.text, (c.id, fact)


def test_extract_text_for_a_free_sentence() -> None:
    c = extract_text("Officials said 40 people died in Lagos on Monday.")
    assert [e.text for e in c.entities] == ["Lagos"]
    assert c.quantities[0].measure == "people"
    assert c.dates[0].text == "Monday"


def test_case_insensitive_matches_are_looked_up_as_the_pattern_read_them() -> None:
    from datetime import date

    from claimdiff.extract.dates import find_dates
    from claimdiff.extract.quantities import find_quantities
    from claimdiff.textnorm import fold_case

    assert fold_case("FİVE ſix KM ıt") == "five six km it"
    (miles,) = find_quantities("The border is 5 MİLES away.")
    assert (miles.value, miles.unit and miles.unit.symbol) == (5.0, "mi")
    (six,) = find_quantities("ſix people died.")
    assert six.value == 6.0
    (friday,) = find_dates("The talks ended last FRİDAY.", date(2024, 3, 15))
    assert friday.value == "2024-03-08"
