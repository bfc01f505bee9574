from __future__ import annotations

from claimdiff.clean import clean_text
from claimdiff.compare.quotes import classify_quote, match_quotes
from claimdiff.extract import extract_facts, extract_text
from claimdiff.extract.quotes import find_quotes
from claimdiff.people import People
from claimdiff.segment import segment


def claims_of(source: str, raw: str):  # type: ignore[no-untyped-def]
    clean = clean_text(raw)
    return extract_facts(segment(source, clean), clean, None)


def test_straight_and_curly_quotes() -> None:
    assert [q.text for q in find_quotes('He said "we will rebuild the bridge" on Monday.')] == [
        "we will rebuild the bridge"
    ]
    assert [q.text for q in find_quotes("He said “we will rebuild the bridge” on Monday.")] == [
        "we will rebuild the bridge"
    ]


def test_quote_spanning_sentences_is_joined_with_its_speaker() -> None:
    raw = (
        "Peskov said: “Russia is doing everything necessary. The alliance is an aggressive bloc.”\n"
    )
    cs = claims_of("g", raw)
    assert (
        cs[0].quotes[0].text
        == "Russia is doing everything necessary. The alliance is an aggressive bloc."
    )
    assert cs[0].quotes[0].speaker == "Peskov"
    assert raw[cs[0].quotes[0].start : cs[0].quotes[0].end].endswith("aggressive bloc.")
    assert cs[1].quotes[0].speaker == "Peskov"  # the continuation keeps the speaker


def test_speaker_forms() -> None:
    cs = claims_of(
        "s",
        "The mayor, Ana Ruiz, spoke first.\n\n“We will rebuild,” she told reporters.\n\n"
        "“The money is there,” said Finance Minister Tomas Berg.\n\n"
        "Berg added: “Nobody will be left behind.”\n",
    )
    speakers = [q.speaker for c in cs for q in c.quotes]
    assert speakers == ["Ana Ruiz", "Tomas Berg", "Berg"]


def test_quote_ids_are_stable() -> None:
    c = extract_text('"We will rebuild the bridge," the mayor said. "And the school."', source="x")
    assert [q.id for q in c.quotes] == ["x:0/q0", "x:0/q1"]


def test_classification() -> None:
    full = "From our point of view it should not in any way influence the centripetal trend"
    assert classify_quote(full, full) == "verbatim"
    assert (
        classify_quote("it should not in any way influence the centripetal trend", full)
        == "truncated"
    )
    assert (
        classify_quote(
            "it should not in any way influence the fast trends",
            "it should not in any way influence the centripetal trend",
        )
        == "altered"
    )
    assert classify_quote("we will win", "prices are rising across the region") is None
    assert (
        classify_quote("we will win the election", "prices are rising fast across the region")
        is None
    )


def test_quotes_matched_across_the_report_even_without_aligned_sentences() -> None:
    a = extract_text(
        "“The dam will hold through the winter,” the engineer Lena Holm said at a briefing on Monday evening.",
        source="a",
    )
    b = extract_text(
        "Holm, who has led the project since 2019, insisted that “the dam will hold”.", source="b"
    )
    (m,) = match_quotes([a, b], People([a, b]))
    assert m.kind == "truncated"
    assert m.versions["b"] == ("b:0", "the dam will hold")


def test_paraphrase_is_indirect_speech_by_the_same_speaker() -> None:
    a = extract_text("“The dam will hold through the winter,” engineer Lena Holm said.", source="a")
    b = extract_text("Lena Holm said the dam would hold through the winter.", source="b")
    c = extract_text("A farmer said the dam would hold through the winter.", source="c")
    kinds = {
        (m.kind, tuple(sorted(m.versions))) for m in match_quotes([a, b, c], People([a, b, c]))
    }
    assert ("paraphrase", ("a", "b")) in kinds
    assert not any(
        "c" in v for _, v in kinds
    )  # another speaker saying similar words is not a paraphrase
