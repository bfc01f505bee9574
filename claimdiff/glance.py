"""The at-a-glance summary that opens every report."""

from __future__ import annotations

from collections import Counter

from claimdiff.coverage import Coverage
from claimdiff.lexicon import EVALUATIVE
from claimdiff.models import Framing, Report, Verdict

MAX_FRAMING_LINES = 3
LOW_MATCH = 0.3  # the "low" band of match confidence in the reports


def _loaded(entry: Framing) -> bool:
    words = {w.lower() for ts in entry.terms.values() for t in ts for w in t.split()}
    return bool(words & EVALUATIVE)


def glance(report: Report, cov: Coverage) -> list[str]:
    s = report.summary
    multi = [g for g in report.groups if g.verdict is not Verdict.SINGLE]
    # Loose matches may pair sentences about different things: they are shown, marked
    # low, but do not count towards the agreement rate.
    sure = [g for g in multi if g.similarity >= LOW_MATCH]
    agree = sum(g.verdict is Verdict.AGREE for g in sure)
    lines = []
    if sure:
        rate = round(100 * agree / len(sure))
        carried = sum(len(g.claims) for g in multi)
        loose = len(multi) - len(sure)
        note = f" ({loose} low-confidence matches not counted)" if loose else ""
        lines.append(
            f"Agreement: {agree} of {len(sure)} shared claims agree ({rate}%){note}; "
            f"{carried} of {s['claims']} claims are told by more than one outlet."
        )
    elif multi:
        lines.append(f"Only low-confidence matches between outlets ({len(multi)}).")
    else:
        lines.append(f"No claim is told by more than one outlet ({s['claims']} claims).")
    kinds = Counter(
        f.kind for g in report.groups if g.verdict is Verdict.DIFFER for f in g.findings
    )
    if kinds:
        lines.append(
            "Discrepancies: "
            + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=lambda x: (-x[1], x[0])))
        )
    # The widest label entries, and the widest characterisation: a mix, not three of a kind.
    labels = sorted(
        (f for f in report.framing if f.kind == "label" and len(f.terms) >= 2),
        key=lambda f: (-len(f.terms), not _loaded(f)),  # loaded labels first among equals
    )
    loaded = sorted(
        (f for f in report.framing if f.kind == "evaluative" and len(f.terms) >= 2),
        key=lambda f: -len(f.terms),
    )
    framed = labels[: MAX_FRAMING_LINES - min(1, len(loaded))] + loaded[:1]
    for f in framed:
        terms = "; ".join(
            f"{src}: " + ", ".join(f"'{t}'" for t in ts[:3]) for src, ts in f.terms.items()
        )
        lines.append(f"Framing ({f.kind}): {terms}")
    only = ", ".join(f"{src} {c.only_here}" for src, c in cov.sources.items())
    omits = [(src, len(c.omitted)) for src, c in cov.sources.items() if c.omitted]
    line = f"Only in one outlet: {only}"
    if omits:
        line += "; shared claims left out: " + ", ".join(f"{src} {n}" for src, n in omits)
    lines.append(line + ".")
    for lead in cov.leads[:3]:
        parts = []
        if lead.missing_in:
            parts.append("missing in " + ", ".join(lead.missing_in))
        if lead.buried_in:
            parts.append(
                "buried in " + ", ".join(f"{s} ({pos})" for s, pos in lead.buried_in.items())
            )
        lines.append(f"Lead: {lead.lead_of}'s lead ({lead.group}) is " + " and ".join(parts) + ".")
    opinion = [g for g in report.groups if g.opinion]
    if opinion:
        lines.append(
            "Opinion, not fact: "
            + ", ".join(f"{g.sources[0]} ({g.claims[0]})" for g in opinion)
            + "."
        )
    return lines
