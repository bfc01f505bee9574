"""The machine-readable report, schema ``claimdiff.report/1``.

Later versions add fields and never rename these; key order is fixed so the
output is byte-identical across runs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from claimdiff.coverage import Row, coverage
from claimdiff.gcpause import without_cycle_collection
from claimdiff.models import Claim, Group, Report

SCHEMA = "claimdiff.report/1"


@without_cycle_collection
def render_json(report: Report) -> str:
    data = {
        "schema": SCHEMA,
        "sources": [
            {
                "id": s.id,
                "outlet": s.outlet,
                "path": s.path,
                "published": s.published.isoformat() if s.published else None,
                "claims": len(report.claims_of(s.id)),
                "title": s.title,
                "author": s.author,
                "url": s.url,
            }
            for s in report.sources
        ],
        "claims": [_claim(c) for c in report.claims],
        "groups": [_group(g) for g in report.groups],
        "framing": [
            {
                "kind": f.kind,
                "summary": f.summary,
                "terms": {s: list(t) for s, t in f.terms.items()},
                "claims": list(f.claims),
            }
            for f in report.framing
        ],
        "coverage": _coverage(report),
        "quotes": [
            {
                "kind": m.kind,
                "versions": {s: {"claim": c, "text": t} for s, (c, t) in m.versions.items()},
            }
            for m in report.quotes
        ],
        "summary": report.summary,
    }
    return _layout(data, 0) + "\n"


# The outline (the report's sections, coverage's parts) is indented; every record
# inside it (a claim, a group, a coverage row) is one line. Diffs of two runs show
# one line per changed record, and json's C encoder writes the records, several
# times faster than its indenting encoder on reports of thousands of claims.
OUTLINE_DEPTH = 3


def _layout(value: Any, depth: int) -> str:
    pad, inner = "  " * depth, "  " * (depth + 1)
    if depth < OUTLINE_DEPTH and isinstance(value, dict) and value:
        items = (f"{inner}{_compact(k)}: {_layout(v, depth + 1)}" for k, v in value.items())
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if depth < OUTLINE_DEPTH and isinstance(value, list) and value:
        return "[\n" + ",\n".join(inner + _compact(v) for v in value) + f"\n{pad}]"
    return _compact(value)


# json.dumps(value, ensure_ascii=False), without building an encoder for each of the
# tens of thousands of records of a large report.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


class _Encoded(str):
    """A record already encoded as compact JSON (coverage rows, see ``_rows``)."""


def _compact(value: Any) -> str:
    if isinstance(value, _Encoded):
        return value
    return _ENCODE(value)


def _rows(rows: Sequence[Row]) -> list[_Encoded]:
    """Coverage rows, each as ``json.dumps`` writes it. A row gives every source's
    state, so 200 outlets make a matrix of half a million cells: each distinct
    "source": "state" cell is encoded once and joined, at a fraction of the cost."""
    cells = _Cells()
    return [
        _Encoded(
            f'{{"groups": {_compact(list(r.groups))}, "claims": {_compact(list(r.claims))}, '
            f'"sources": {{{", ".join(map(cells.__getitem__, r.status.items()))}}}}}'
        )
        for r in rows
    ]


class _Cells(dict[tuple[str, str], str]):
    def __missing__(self, item: tuple[str, str]) -> str:
        text = self[item] = f"{_compact(item[0])}: {_compact(item[1])}"
        return text


def _coverage(report: Report) -> dict[str, Any]:
    cov = coverage(report)
    return {
        "sources": {
            s: {"shared": c.shared, "only_here": c.only_here, "omits": list(c.omitted)}
            for s, c in cov.sources.items()
        },
        "rows": _rows(cov.rows),
        "leads": [
            {
                "group": lead.group,
                "lead_of": lead.lead_of,
                "missing_in": list(lead.missing_in),
                "buried_in": dict(lead.buried_in),
            }
            for lead in cov.leads
        ],
    }


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else round(x, 6)


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "source": c.source,
        "sentence_index": c.index,
        "role": c.role.value,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "quantities": [
            {
                "text": q.text,
                "value": _num(q.value),
                "unit": q.unit,
                "low": _num(q.low),
                "high": _num(q.high),
                "qualifier": q.qualifier,
                "measure": q.measure,
                "si_value": _num(q.si_value),
                "si_unit": q.si_unit,
                "start": q.start,
                "end": q.end,
            }
            for q in c.quantities
        ],
        "dates": [
            {
                "text": d.text,
                "value": d.value,
                "resolved": d.resolved,
                "statement": d.statement,
                "start": d.start,
                "end": d.end,
            }
            for d in c.dates
        ],
        "quotes": [
            {"id": q.id, "text": q.text, "speaker": q.speaker, "start": q.start, "end": q.end}
            for q in c.quotes
        ],
        "attributions": [
            {
                "who": a.who,
                "title": a.title,
                "verb": a.verb,
                "channel": a.channel,
                "start": a.start,
                "end": a.end,
            }
            for a in c.attributions
        ],
        "entities": [{"text": e.text, "start": e.start, "end": e.end} for e in c.entities],
        "hedges": [{"text": h.text, "start": h.start, "end": h.end} for h in c.hedges],
    }


def _group(g: Group) -> dict[str, Any]:
    return {
        "id": g.id,
        "claims": list(g.claims),
        "sources": list(g.sources),
        "similarity": round(g.similarity, 4),
        "verdict": g.verdict.value,
        "findings": [
            {"kind": f.kind, "summary": f.summary, "label": f.heading, "values": dict(f.values)}
            for f in g.findings
        ],
        "wording": [
            {
                "sources": [w.source_a, w.source_b],
                "change": w.tag,
                "a": w.a,
                "b": w.b,
                "kind": w.kind,
            }
            for w in g.wording
        ],
        "opinion": g.opinion,
    }
