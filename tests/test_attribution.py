from __future__ import annotations

import pytest

from claimdiff.compare.attribution import compare_attribution
from claimdiff.extract import extract_text
from claimdiff.extract.attribution import find_attributions
from claimdiff.extract.names import split_title
from claimdiff.people import People


def who(text: str) -> list[tuple[str, str | None, bool]]:
    return [(a.who, a.title, a.channel) for a in find_attributions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peskov said the plan was sound.", [("Peskov", None, False)]),
        (
            "The plan was sound, said Jane Smith, a spokeswoman.",
            [("Jane Smith", "a spokeswoman", False)],
        ),
        (
            "“We will not back down,” explained Interior Minister Jane Smith, who spoke in Lagos.",
            [("Jane Smith", "Interior Minister", False)],
        ),
        (
            "The foreign minister, Fumio Kishida, said time was needed, the Kyodo news agency reported.",
            [("Fumio Kishida", "The foreign minister", False), ("Kyodo news agency", None, True)],
        ),
        (
            "Japan’s Ministry of Foreign Affairs said it was considering a response.",
            [("Japan’s Ministry of Foreign Affairs", None, False)],
        ),
        ("The toll rose to 48, according to local media.", [("local media", None, True)]),
        (
            "Russian media reported on Tuesday that the systems were operational.",
            [("Russian media", None, True)],
        ),
        ("Russia has repeatedly said it will not negotiate.", [("Russia", None, False)]),
        (
            "In May, Deputy Foreign Minister Igor Morgulov said talks could resume.",
            [("Igor Morgulov", "Deputy Foreign Minister", False)],
        ),
        (
            "Officials told reporters on Monday that the bridge would reopen.",
            [("Officials", None, False)],
        ),
        ("“It is over,” she told reporters.", [("she", None, False)]),
    ],
)
def test_who_is_credited(text: str, expected: list[tuple[str, str | None, bool]]) -> None:
    assert who(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The islands claimed by Japan lie north of Hokkaido.",  # a participle, not speech
        "Tensions have been created by reports of a deployment.",  # a noun
        "Japan lays claim to the four islands.",  # a noun
        "Media reports say the deal is close.",  # a noun before 'say'
    ],
)
def test_verb_forms_that_are_not_attribution(text: str) -> None:
    assert [a for a in find_attributions(text) if a.verb != "say"] == []


def test_titles_split_from_names() -> None:
    assert split_title("Russian President Vladimir Putin") == (
        "Russian President",
        "Vladimir Putin",
    )
    assert split_title("Secretary of State Antony Blinken") == (
        "Secretary of State",
        "Antony Blinken",
    )
    assert split_title("Ministry of Foreign Affairs") == (None, "Ministry of Foreign Affairs")
    assert split_title("Fumio Kishida") == (None, "Fumio Kishida")


def test_people_match_surnames_and_titles_across_sources() -> None:
    a = extract_text(
        "The Japanese foreign minister, Fumio Kishida, said a response was needed.", source="a"
    )
    b = extract_text("Kishida said Tokyo would respond.", source="b")
    c = extract_text("The Japanese foreign minister said a response would come.", source="c")
    people = People([a, b, c])
    assert people.same("Fumio Kishida", "Kishida")
    assert people.same("the Japanese foreign minister", "Kishida")
    assert people.same("Russian media", "Russian media outlets")
    assert not people.same("Fumio Kishida", "Japan’s Ministry of Foreign Affairs")


def test_different_credit_is_a_finding() -> None:
    a = extract_text(
        "Japan’s Ministry of Foreign Affairs said it was considering an appropriate response.",
        source="a",
    )
    b = extract_text(
        "The Japanese foreign minister, Fumio Kishida, said the government needed time to consider a response, the Kyodo news agency reported.",
        source="b",
    )
    (f,) = compare_attribution([a, b], People([a, b]))
    assert f.kind == "attribution" and f.label == "credited differently"
    assert f.values["a"] == "Japan’s Ministry of Foreign Affairs"
    assert f.values["b"] == "Fumio Kishida (The Japanese foreign minister), via Kyodo news agency"


def test_one_dissenting_credit_among_many_agreeing_sources_is_a_clash() -> None:
    same = [
        extract_text("Police said 40 people died in the fire on Monday.", source=f"s{k}")
        for k in range(25)
    ]
    odd = extract_text("Firefighters said 40 people died in the fire on Monday.", source="odd")
    cs = [*same[:10], odd, *same[10:]]
    (f,) = compare_attribution(cs, People(cs))
    assert f.label == "credited differently"
    assert f.values["odd"] == "Firefighters" and f.values["s0"] == "Police"
    assert compare_attribution(same, People(same)) == []


def test_attributed_versus_stated_as_fact() -> None:
    a = extract_text("Police said 40 people died in the fire on Monday.", source="a")
    b = extract_text("Forty people died in the fire on Monday.", source="b")
    (f,) = compare_attribution([a, b], People([a, b]))
    assert f.values == {"a": "Police", "b": "(stated as fact)"}


def test_same_person_different_form_is_no_finding() -> None:
    a = extract_text(
        "Putin’s spokesman, Dmitry Peskov, said Russia had the right to deploy.", source="a"
    )
    b = extract_text("Peskov said the deployment was well founded.", source="b")
    assert compare_attribution([a, b], People([a, b])) == []


def test_a_sentence_after_an_attributed_one_is_not_stated_as_fact() -> None:
    a = extract_text("Police said 40 people died in the fire on Monday.", source="a")
    b = extract_text("Forty people died in the fire on Monday.", source="b")
    assert compare_attribution([a, b], People([a, b]), carried={b.id}) == []


def test_role_words_resolve_to_the_person_titled_with_them() -> None:
    a = extract_text(
        '"It was overloaded," said Lt Cdr Eleni Papadaki, a spokeswoman for the coastguard.',
        source="a",
    )
    b = extract_text("The boat was overloaded, a coastguard spokeswoman said.", source="b")
    people = People([a, b])
    assert people.same("coastguard spokeswoman", "Eleni Papadaki")
    assert compare_attribution([a, b], people) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("According to the party, turnout was rigged.", [("party", None, False)]),
        ("The outbreak was reported in March.", []),  # a passive names no speaker
        ("Benítez has always insisted he was innocent.", [("Benítez", None, False)]),
        ("Observers say the count was flawed.", [("Observers", None, False)]),
        (
            "Aibek Temirkulov, a former prosecutor, accused officials of fraud.",
            [("Aibek Temirkulov", "a former prosecutor", False)],
        ),
        ("Tessaline Networks reported revenue of $1.9bn.", [("Tessaline Networks", None, False)]),
        (
            "The toll rose, according to figures from the U.N. refugee agency.",
            [("figures from the U.N. refugee agency", None, True)],
        ),
    ],
)
def test_harder_forms(text: str, expected: list[tuple[str, str | None, bool]]) -> None:
    assert who(text) == expected


def test_hedges_belong_to_the_writer() -> None:
    quoted = extract_text("“Repairs could take weeks,” the engineer said.")
    assert [h.text for h in quoted.hedges] == []  # inside a quote
    reported = extract_text("Morgulov said the issue may be raised at the talks.")
    assert [h.text for h in reported.hedges] == []  # the speaker's modal
    writer = extract_text("The two sides reportedly never signed a treaty.")
    assert [h.text for h in writer.hedges] == ["reportedly"]


def test_the_writers_comment_is_not_a_fact_stated_without_credit() -> None:
    a = extract_text("Police said the bridge would reopen soon.", source="a")
    b = extract_text("That is hardly reassuring, though.", source="b")
    assert compare_attribution([a, b], People([a, b])) == []
