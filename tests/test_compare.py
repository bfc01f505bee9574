from __future__ import annotations

from claimdiff.align import Alignment
from claimdiff.compare import (
    compare_groups,
    compare_hedges,
    compare_names,
    compare_quantities,
    dates_compatible,
    quantities_agree,
)
from claimdiff.extract import extract_text
from claimdiff.models import Claim, Source, Verdict


def claim(source: str, text: str) -> Claim:
    return extract_text(text, source=source)


def test_unit_conversion_agrees_and_different_figures_differ() -> None:
    a = claim("a", "The missiles have a range of 188 miles (300km).")
    b = claim("b", "The missiles have a range of 300 km.")
    c = claim("c", "The missiles have a range of 600 km.")
    assert compare_quantities([a, b]) == []
    (f,) = compare_quantities([a, c])
    assert f.kind == "quantity" and "differs" in f.summary
    assert f.values == {"a": "188 miles (300km)", "c": "600 km"}


def test_up_to_versus_exact_agrees_with_a_note() -> None:
    (f,) = compare_quantities(
        [claim("a", "a range of up to 300 km"), claim("b", "a range of 300 km")]
    )
    assert f.label == "figures agree, one is a bound"


def test_figure_given_by_one_source_only() -> None:
    (f,) = compare_quantities(
        [claim("a", "Some 3,500 troops were deployed."), claim("b", "Troops were deployed.")]
    )
    assert f.summary.startswith("only a gives troops")


def qty(text: str):  # type: ignore[no-untyped-def]
    (x,) = extract_text(text).quantities
    return x


def test_quantity_tolerance() -> None:
    assert quantities_agree(qty("45 people"), qty("45 people"))
    assert not quantities_agree(qty("45 people"), qty("48 people"))  # a toll must match exactly
    assert quantities_agree(qty("about 45 people"), qty("48 people"))
    assert quantities_agree(qty("at least 45 people"), qty("48 people"))
    assert quantities_agree(qty("5 km"), qty("3 miles"))  # 4.83 km: rounding of a conversion
    assert not quantities_agree(qty("5 km"), qty("5 miles"))
    assert not quantities_agree(qty("2.3%"), qty("2.5%"))
    assert quantities_agree(qty("up to 300 km"), qty("250 km"))


def test_dates_compare_at_common_precision() -> None:
    assert dates_compatible("2016-12", "2016-12-15")
    assert dates_compatible("2016-W47", "2016-11-22")
    assert not dates_compatible("2016-11-22", "2016-11-18")
    assert not dates_compatible("2016-12", "2017-12")


def test_hedge_against_flat_statement() -> None:
    (f,) = compare_hedges(
        [
            claim("a", "The two sides reportedly never signed a treaty."),
            claim("b", "The two sides never signed a treaty."),
        ]
    )
    assert f.kind == "hedge" and f.values == {"a": "reportedly", "b": "(states it flatly)"}


def test_name_spelling_variants() -> None:
    (f,) = compare_names(
        [claim("a", "He met Sergei Lavrov in Bonn."), claim("b", "He met Sergey Lavrov in Bonn.")]
    )
    assert f.kind == "name"
    assert (
        compare_names([claim("a", "Dmitry Peskov said so."), claim("b", "Peskov said so.")]) == []
    )


def test_name_variant_in_a_big_group_is_one_finding_naming_two_sources() -> None:
    cs = [claim(f"s{k}", "He met Sergei Lavrov in Bonn.") for k in range(30)]
    cs.insert(17, claim("odd", "He met Sergey Lavrov in Bonn."))
    (f,) = compare_names(cs)
    assert f.values == {"s0": "Sergei Lavrov", "odd": "Sergey Lavrov"}
    # one source writing both spellings is no disagreement between sources
    both = claim("a", "Sergei Lavrov, or Sergey Lavrov, met him.")
    assert compare_names([both, claim("b", "Nobody else was named.")]) == []


def test_verdicts() -> None:
    cs = [
        claim("a", "The missiles have a range of 300 km."),
        claim("b", "The missiles have a range of 600 km."),
        claim("a", "Officials met on Monday."),
        claim("b", "Officials met on Monday."),
        claim("a", "Only one outlet says this."),
    ]
    sources = [Source("a", "A", "a.txt", None, ""), Source("b", "B", "b.txt", None, "")]
    groups = compare_groups(
        [Alignment((0, 1), 0.9), Alignment((2, 3), 0.95), Alignment((4,), None)], cs, sources
    )
    assert [g.verdict for g in groups] == [Verdict.DIFFER, Verdict.AGREE, Verdict.SINGLE]
    assert [g.id for g in groups] == ["g1", "g2", "g3"]


def test_unanchored_relative_date_is_reported_not_guessed() -> None:
    from datetime import date

    from claimdiff.compare.dates import compare_dates

    a = extract_text("The vote was held on Tuesday.", source="a")  # no publication date
    b = extract_text("The vote was held on March 4.", source="b", published=date(2025, 3, 6))
    (f,) = compare_dates([a, b])
    assert f.label.startswith("date not anchored") and f.values == {"a": "Tuesday"}


def test_relative_dates_resolved_from_different_publication_days_agree() -> None:
    from datetime import date

    from claimdiff.compare.dates import compare_dates

    a = extract_text("Putin's visit to Japan next month.", source="a", published=date(2016, 11, 23))
    b = extract_text(
        "Putin will travel to Japan in mid-December.", source="b", published=date(2016, 11, 23)
    )
    c = extract_text(
        "Putin's visit to Japan last December.", source="c", published=date(2017, 3, 17)
    )
    assert compare_dates([a, b, c]) == []
    d = extract_text("Officials met on November 18.", source="d", published=date(2016, 11, 23))
    e = extract_text("Officials met on November 22.", source="e", published=date(2016, 11, 23))
    (f,) = compare_dates([d, e])
    assert f.label == "dates differ"


def test_date_spans_and_statement_days() -> None:
    from datetime import date

    from claimdiff.compare.dates import compare_dates

    assert dates_compatible("2025-02-10/2025-02-19", "2025-02-12")
    assert not dates_compatible("2025-02-10/2025-02-19", "2025-02-20")
    pub = date(2025, 3, 6)
    a = extract_text(
        "Officials said on Monday that the dam broke on Saturday.", source="a", published=pub
    )
    b = extract_text(
        "The dam broke on Saturday, officials said on Wednesday.", source="b", published=pub
    )
    assert compare_dates([a, b]) == []  # the days they spoke differ, the event's day does not


def test_figures_are_matched_before_a_clash_is_called() -> None:
    ship = claim(
        "a",
        "The vessel, a ferry about 25 metres long, sank roughly 22 nautical miles south of the island.",
    )
    tabloid = claim("b", "It went down around 25 miles south of the island.")
    assert (
        compare_quantities([ship, tabloid]) == []
    )  # 22 nmi = 25 mi; the ship's length is not a distance


def test_same_count_under_another_noun_agrees() -> None:
    a = claim("a", "He scored 19 goals in 48 games.")
    b = claim("b", "He found the net 19 times in 48 matches.")
    assert compare_quantities([a, b]) == []


def test_a_death_toll_is_compared_with_a_count_of_people() -> None:
    a = claim("a", "At least 14 people died after the ferry capsized.")
    b = claim("b", "The death toll from the capsizing has climbed to 23.")
    (f,) = compare_quantities([a, b])  # 23 is at least 14: they agree, but say so
    assert f.label == "figures agree, one is a bound"
    assert f.values == {"a": "At least 14", "b": "23"}


def test_vague_counts_are_ranges() -> None:
    a = claim("a", "About 2,000 people gathered on the square.")
    b = claim("b", "Several dozen people gathered on the square.")
    (f,) = compare_quantities([a, b])
    assert f.label.endswith("differs")


def test_less_than_is_an_upper_bound() -> None:
    assert quantities_agree(qty("2.8%"), qty("less than 3%"))
    assert not quantities_agree(qty("3.5%"), qty("less than 3%"))


def test_percentages_of_different_things_are_not_compared() -> None:
    a = claim("a", "Exports rose 16% in the first ten months.")
    b = claim("b", "Two-way trade grew 9.4% in the first ten months.")
    assert compare_quantities([a, b]) == []
