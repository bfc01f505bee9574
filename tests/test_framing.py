from __future__ import annotations

import pytest

from claimdiff.extract import extract_text
from claimdiff.framing import analyse_framing
from claimdiff.framing.aliases import alias_entries
from claimdiff.framing.diff import classify, word_changes
from claimdiff.framing.opinion import is_opinion
from claimdiff.models import Claim, Source


def kinds(a: str, b: str) -> list[tuple[str, str, str | None]]:
    return [(c.a, c.b, c.kind) for c in word_changes(a, b)]


@pytest.mark.parametrize(
    ("neutral", "loaded"),
    [
        ("protesters", "rioters"),
        ("government", "regime"),
        ("fighters", "terrorists"),
        ("crackdown", "massacre"),
    ],
)
def test_basil_style_loaded_synonym_is_evaluative(neutral: str, loaded: str) -> None:
    # Two otherwise identical sentences; one word swapped for a loaded synonym.
    a = f"Police said the {neutral} gathered near the parliament on Sunday."
    b = f"Police said the {loaded} gathered near the parliament on Sunday."
    assert kinds(a, b) == [(neutral, loaded, "evaluative")]


def test_reporting_verbs() -> None:
    assert kinds("The minister explained the plan.", "The minister admitted the plan.") == [
        ("explained", "admitted", "reporting_verb")
    ]
    assert kinds(
        "Peskov explained that it was fine.", "Peskov told journalists that it was fine."
    ) == [("explained", "told journalists", "reporting_verb")]


def test_hedge_and_intensifier() -> None:
    assert kinds("The two sides reportedly never met.", "The two sides never met.") == [
        ("reportedly", "", "hedge")
    ]
    assert kinds("The storm caused very heavy damage.", "The storm caused heavy damage.") == [
        ("very", "", "intensifier")
    ]


def test_labels_come_from_the_alignment_not_from_lists() -> None:
    changes = word_changes(
        "Troops moved to the contested border region claimed by Ruritania.",
        "Troops moved to the northern border region.",
    )
    labels = {(c.a, c.b, c.anchor) for c in changes if c.kind in ("label", "evaluative")}
    assert ("contested", "northern", "border") in labels  # a (loaded) modifier of the shared word
    assert ("claimed by Ruritania", "", "region") in labels  # a participle after it


def test_figures_and_dates_are_not_labels() -> None:
    assert classify("300", "600") is None
    assert all(
        c.kind != "label"
        for c in word_changes("The vote on Monday passed.", "The vote on Friday passed.")
    )


def _claim(source: str, n: int, text: str) -> Claim:
    c = extract_text(text, source=source)
    return Claim(**{**c.__dict__, "id": f"{source}:{n}", "index": n})


def test_characterisations_of_one_position_are_gathered() -> None:
    a = _claim(
        "a",
        0,
        "The spokesman said the country was well within its rights to move the troops there.",
    )
    b = _claim(
        "b", 0, "The spokesman said the country had the sovereign right to move the troops there."
    )
    c = _claim("c", 0, "The spokesman said the decision to move the troops there was well founded.")
    changes = [
        (x, y, ch) for x, y in ((a, b), (b, c)) for ch in word_changes(x.text, y.text) if ch.kind
    ]
    sources = [Source(s, s, s, None, "") for s in "abc"]
    entries = [f for f in analyse_framing([a, b, c], sources, changes) if f.kind == "evaluative"]
    (entry,) = entries
    assert set(entry.terms) == {"a", "b", "c"}
    assert "sovereign right" in entry.terms["b"]


def test_names_the_text_equates() -> None:
    a = _claim(
        "a",
        0,
        "Tensions over the Kurils, which Japan refers to as the Northern Territories, persist.",
    )
    b = _claim("b", 0, "Japan calls the Kuril Islands the Northern Territories.")
    c = _claim("c", 0, "Troops were sent to the southern Kuril Islands.")
    (entry,) = alias_entries([a, b, c], ["a", "b", "c"])
    assert "Northern Territories" in entry.terms["a"]
    assert "Kuril Islands" in entry.terms["c"]


def test_opinion_is_comment_with_nothing_to_check() -> None:
    assert is_opinion(extract_text("The move is not exactly conducive to peace, though."))
    assert not is_opinion(
        extract_text("The move came two days after the vote in Lagos.")
    )  # checkable
    assert not is_opinion(
        extract_text("The committee met again to discuss the budget.")
    )  # no marker


def test_report_has_framing_for_the_sample(kurils_report) -> None:  # type: ignore[no-untyped-def]
    kinds = {f.kind for f in kurils_report.framing}
    assert {"label", "evaluative", "reporting_verb", "hedge"} <= kinds
    places = [
        f
        for f in kurils_report.framing
        if any("Northern Territories" in t for ts in f.terms.values() for t in ts)
    ]
    assert places and len(places[0].terms) == 3  # the three outlets' place labels side by side
    (kremlin,) = [
        f
        for f in kurils_report.framing
        if f.kind == "evaluative" and "tass" in f.terms and "dcnf" in f.terms
    ]
    flat = {s: " ".join(t) for s, t in kremlin.terms.items()}
    assert (
        "within its rights" in flat["dcnf"]
        and "sovereign right" in flat["guardian"]
        and "well founded" in flat["tass"]
    )


def test_two_different_names_are_not_two_labels_for_one_thing() -> None:
    a = _claim("a", 0, "The Bastion missile system has a range of 300 km.")
    b = _claim("b", 0, "The Bal missile system has a range of 260 km.")
    changes = [(a, b, ch) for ch in word_changes(a.text, b.text) if ch.kind]
    sources = [Source(s, s, s, None, "") for s in "ab"]
    assert [f for f in analyse_framing([a, b], sources, changes) if f.kind == "label"] == []


def test_time_and_certainty_qualifiers_are_not_labels() -> None:
    assert classify("anti-ship", "coastal") == "label"
    for word in ("planned", "upcoming", "former", "current", "possible"):
        assert classify(word, "") is None, word
    assert classify("fourth", "current") is None
