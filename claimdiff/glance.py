"""The at-a-glance summary that opens every report."""

from __future__ import annotations

from collections import Counter

from claimdiff.coverage import Coverage
from claimdiff.models import Report, Verdict

MAX_FRAMING_LINES = 3


def glance(report: Report, cov: Coverage) -> list[str]:
    s = report.summary
    shared = s["agree"] + s["differ"]
    lines = []
    if shared:
        rate = round(100 * s["agree"] / shared)
        carried = sum(len(g.claims) for g in report.groups if g.verdict is not Verdict.SINGLE)
        lines.append(
            f"Agreement: {s['agree']} of {shared} shared claims agree ({rate}%); "
            f"{carried} of {s['claims']} claims are told by more than one outlet."
        )
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
    framed = [f for f in report.framing if f.kind in ("label", "evaluative") and len(f.terms) >= 2]
    framed.sort(key=lambda f: (-len(f.terms), f.kind != "label"))
    for f in framed[:MAX_FRAMING_LINES]:
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
