from __future__ import annotations

from claimdiff.coverage import CARRIES, DIFFERS, OMITS, coverage
from claimdiff.models import Claim, Group, Report, Role, Source, Verdict


def report(groups: list[tuple[tuple[str, ...], Verdict]], per_source: int = 6) -> Report:
    sources = tuple(Source(s, s, s, None, "") for s in ("a", "b", "c"))
    claims = tuple(
        Claim(f"{s}:{n}", s, n, f"{s} sentence {n}.", 0, 1, Role.BODY)
        for s in "abc"
        for n in range(per_source)
    )
    gs = tuple(
        Group(f"g{k}", ids, tuple(i.split(":")[0] for i in ids), 1.0, v)
        for k, (ids, v) in enumerate(groups, 1)
    )
    return Report(sources, claims, gs)


def test_matrix_statuses_sorting_and_single_source_blocks() -> None:
    singles = [((f"b:{n}",), Verdict.SINGLE) for n in (2, 3, 4)] + [(("c:5",), Verdict.SINGLE)]
    r = report(
        [
            (("a:0", "b:0"), Verdict.AGREE),
            (("a:1", "b:1", "c:0"), Verdict.DIFFER),
            *singles,
        ]
    )
    cov = coverage(r)
    first = cov.rows[0]
    assert first.groups == ("g2",) and dict(first.status) == {
        "a": DIFFERS,
        "b": DIFFERS,
        "c": DIFFERS,
    }
    assert dict(cov.rows[1].status) == {"a": CARRIES, "b": CARRIES, "c": OMITS}
    block = [row for row in cov.rows if row.claims == ("b:2", "b:3", "b:4")]
    assert block and block[0].groups == (
        "g3",
        "g4",
        "g5",
    )  # consecutive single-source sentences: one passage
    assert cov.sources["c"].omitted == ("g1",)
    assert cov.sources["b"].only_here == 3 and cov.sources["c"].only_here == 1


def test_lead_missing_and_buried() -> None:
    r = report([(("a:0", "b:5"), Verdict.AGREE)])
    (lead,) = [ld for ld in coverage(r).leads if ld.lead_of == "a"]
    assert lead.missing_in == ("c",)
    assert lead.buried_in == {"b": "sentence 6 of 6"}


def test_sample_passages(kurils_report) -> None:  # type: ignore[no-untyped-def]
    cov = coverage(kurils_report)
    texts = {
        row.claims: " ".join(kurils_report.claim(c).text for c in row.claims)
        for row in cov.rows
        if len(row.groups) > 1
    }
    nato = [ids for ids, t in texts.items() if "Kaliningrad" in t]
    talks = [ids for ids, t in texts.items() if "2+2" in t and ids[0].startswith("tass")]
    assert nato and all(c.startswith("guardian:") for c in nato[0])
    assert talks
