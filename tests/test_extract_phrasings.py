"""Many phrasings of figures and dates as general news copy writes them."""

from __future__ import annotations

from datetime import date

import pytest

from claimdiff.extract.dates import find_dates
from claimdiff.extract.quantities import find_quantities

Q = tuple[float, str | None, str, float | None, float | None]


def one(text: str) -> Q:
    (q,) = find_quantities(text)
    return (q.value, q.unit.symbol if q.unit else None, q.qualifier, q.low, q.high)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The quake struck 35 km (22 miles) south of the city.", (35.0, "km", "exact", None, None)),
        ("Winds of up to 150 km/h battered the coast.", (150.0, "km/h", "up_to", None, None)),
        ("more than 2,000 people were evacuated", (2000.0, None, "at_least", None, None)),
        ("at least 38 people were killed", (38.0, None, "at_least", None, None)),
        ("nearly 4,000 Cybertrucks were recalled", (4000.0, None, "about", None, None)),
        ("an estimated 1.2 million children", (1.2e6, None, "about", None, None)),
        ("roughly $4.5 billion in damage", (4.5e9, "USD", "about", None, None)),
        ("a €135m fee", (135e6, "EUR", "exact", None, None)),
        ("a £115m deal", (115e6, "GBP", "exact", None, None)),
        ("inflation eased to 2.3 percent", (2.3, "%", "exact", None, None)),
        ("fell 0.8%", (0.8, "%", "exact", None, None)),
        ("a 12,000-hectare burn", (12000.0, "ha", "exact", None, None)),
        ("some 30,000 acres of forest", (30000.0, "acre", "about", None, None)),
        ("a depth of 3,000 metres", (3000.0, "m", "exact", None, None)),
        ("22 nautical miles off the coast", (22.0, "nmi", "exact", None, None)),
        ("between 120 and 150 people were on board", (120.0, None, "range", 120.0, 150.0)),
        ("120-150 passengers", (120.0, None, "range", 120.0, 150.0)),
        ("temperatures of 45C", (45.0, "°C", "exact", None, None)),
        ("dozens of people were detained", (24.0, None, "range", 24.0, 99.0)),
        ("thousands of protesters gathered", (2000.0, None, "range", 2000.0, 9999.0)),
        ("several thousand protesters gathered", (2000.0, None, "range", 2000.0, 9999.0)),
        ("twelve intensive care patients", (12.0, None, "exact", None, None)),
        ("Sixty-one people survived", (61.0, None, "exact", None, None)),
        ("a magnitude 6.4 quake hit", (6.4, None, "exact", None, None)),
        ("a 240mm rocket launcher", (240.0, "mm", "exact", None, None)),
        ("Brent crude fell to $78 a barrel", (78.0, "USD", "exact", None, None)),
        ("a ransom of ¥300m", (300e6, "JPY", "exact", None, None)),
        ("the 4.5 million barrels", (4.5e6, "bbl", "exact", None, None)),
    ],
)
def test_quantity_phrasings(text: str, expected: Q) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the F-35 and F-16 jets",
        "the COVID-19 pandemic",
        "the G7 summit",
        "on 5 May 2024",
        "at 2:40 a.m. local time",
        "the 2023 season",
        "Boeing 737 Max jets",  # a model number, and it is glued to a name
        "S-400 air defence systems",
        "Article 5 of the treaty",
    ],
)
def test_things_that_are_not_quantities(text: str) -> None:
    assert [q.text for q in find_quantities(text) if q.unit is not None or q.measure] == []


PUB = date(2025, 3, 6)  # a Thursday


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("on 4 March", "2025-03-04"),
        ("on March 4", "2025-03-04"),
        ("on Tuesday, March 4", "2025-03-04"),
        ("on Tuesday", "2025-03-04"),
        ("last Tuesday", "2025-03-04"),
        ("next Tuesday", "2025-03-11"),
        ("since the weekend", None),
        ("last week", "2025-W09"),
        ("this month", "2025-03"),
        ("last month", "2025-02"),
        ("next year", "2026"),
        ("in early March", "2025-03"),
        ("late last year", "2024"),
        ("in the first quarter", None),
        ("in December 2024", "2024-12"),
        ("on Dec. 12, 2024", "2024-12-12"),
        ("on 2024-12-12", "2024-12-12"),
        ("the 1963 crisis", "1963"),
        ("yesterday", "2025-03-05"),
        ("tomorrow", "2025-03-07"),
    ],
)
def test_date_phrasings(text: str, value: str | None) -> None:
    values = [d.value for d in find_dates(text, PUB)]
    if value is None:
        assert values == [] or values == [None]
    else:
        assert value in values, values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rates have been cut since April.", "2024-04"),  # past, though the next April is nearer
        ("The bank cut rates in April.", "2024-04"),
        ("The minister would travel to the site on Friday.", "2024-10-25"),  # reported future
        ("The summit is due in mid-December.", "2024-12"),
        ("The campaign runs from 10th to 19th February 2025.", "2025-02-10/2025-02-19"),
        ("Talks are set for March 4-6.", "2025-03-04/2025-03-06"),
    ],
)
def test_tense_and_spans(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, date(2024, 10, 23))] == [value]


def test_the_day_something_was_said_is_marked() -> None:
    (d,) = find_dates("The minister said on Thursday that the bridge had collapsed.", PUB)
    assert d.statement
    (e,) = find_dates("The bridge collapsed on Thursday, the minister said.", PUB)
    assert not e.statement
