"""Who carries what: a claim x source matrix, omissions, single-source passages, and
whether one outlet's lead is missing or buried in another."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import compress

from claimdiff.models import Group, Report, Role, Verdict

CARRIES, DIFFERS, OMITS = "carries", "differs", "omits"
LEAD_CLAIMS = 2  # the first body sentences of an article are its lead
BURIED_SHARE = 0.5  # past the middle of an article counts as buried


@dataclass(frozen=True)
class Row:
    groups: tuple[str, ...]  # one group, or a block of single-source groups
    claims: tuple[str, ...]
    status: Mapping[str, str]  # source id -> carries | differs | omits

    @property
    def carried_by(self) -> int:
        return len(self.status) - list(self.status.values()).count(OMITS)


@dataclass(frozen=True)
class SourceCoverage:
    shared: int  # shared claims this source carries
    only_here: int  # its claims found in no other source
    omitted: tuple[str, ...]  # groups other sources share and this one leaves out


@dataclass(frozen=True)
class Lead:
    group: str
    lead_of: str
    missing_in: tuple[str, ...]
    buried_in: Mapping[str, str]  # source -> "sentence k of n"


@dataclass(frozen=True)
class Coverage:
    rows: tuple[Row, ...]
    sources: Mapping[str, SourceCoverage]
    leads: tuple[Lead, ...]


def coverage(report: Report) -> Coverage:
    ids = [s.id for s in report.sources]
    rows = [_row(g, ids) for g in report.groups if g.verdict is not Verdict.SINGLE]
    rows += _single_blocks(report, ids)
    order = {cid: n for n, cid in enumerate(c.id for c in report.claims)}
    rows.sort(key=lambda r: (-r.carried_by, order[r.claims[0]]))
    shared = [g for g in report.groups if g.verdict is not Verdict.SINGLE]
    carried: dict[str, list[int]] = {s: [] for s in ids}  # positions in ``shared``
    for k, g in enumerate(shared):
        for s in g.sources:
            carried[s].append(k)
    only_here = Counter(g.sources[0] for g in report.groups if len(g.sources) == 1)
    shared_ids = [g.id for g in shared]
    per_source = {}
    for s in ids:
        # Each of 200 outlets omits most of thousands of groups: mark what it carries
        # and let compress list the rest, rather than testing every pair in Python.
        left_out = bytearray(b"\x01") * len(shared)
        for k in carried[s]:
            left_out[k] = 0
        per_source[s] = SourceCoverage(
            shared=len(carried[s]),
            only_here=only_here[s],
            omitted=tuple(compress(shared_ids, left_out)),
        )
    return Coverage(tuple(rows), per_source, tuple(_leads(report)))


def _row(group: Group, ids: list[str]) -> Row:
    state = DIFFERS if group.verdict is Verdict.DIFFER else CARRIES
    status = dict.fromkeys(ids, OMITS)  # in source order; then the members' state
    status.update(dict.fromkeys(group.sources, state))
    return Row((group.id,), group.claims, status)


def _single_blocks(report: Report, ids: list[str]) -> list[Row]:
    """Consecutive sentences only one outlet has form one passage (one row)."""
    singles = {g.claims[0]: g for g in report.groups if g.verdict is Verdict.SINGLE}
    rows: list[Row] = []
    for source in ids:
        run: list[Group] = []
        for claim in report.claims_of(source):
            if claim.id in singles:
                run.append(singles[claim.id])
                continue
            rows += _flush(run, source, ids)
            run = []
        rows += _flush(run, source, ids)
    return rows


def _flush(run: list[Group], source: str, ids: list[str]) -> list[Row]:
    if not run:
        return []
    status = dict.fromkeys(ids, OMITS)
    status[source] = CARRIES
    return [Row(tuple(g.id for g in run), tuple(g.claims[0] for g in run), status)]


def _leads(report: Report) -> list[Lead]:
    out = []
    position: dict[str, tuple[int, int]] = {}
    lead_ids: dict[str, str] = {}
    for s in report.sources:
        body = [c for c in report.claims_of(s.id) if c.role is Role.BODY]
        for n, c in enumerate(body):
            position[c.id] = (n + 1, len(body))
            if n < LEAD_CLAIMS:
                lead_ids[c.id] = s.id
    for g in report.groups:
        leads = [cid for cid in g.claims if cid in lead_ids]
        if not leads:
            continue
        # Where each member sits in its own article, once per group (a group of 200
        # claims holds up to 200 leads).
        late: dict[str, str] = {}
        for other in g.claims:
            k, n = position.get(other, (0, 0))
            if n and k / n > BURIED_SHARE:
                late.setdefault(report.claim(other).source, f"sentence {k} of {n}")
        members = set(g.sources)
        missing = tuple(s.id for s in report.sources if s.id not in members)
        for cid in leads:
            source = lead_ids[cid]
            buried = {s: where for s, where in late.items() if s != source}
            if missing or buried:
                out.append(Lead(g.id, source, missing, buried))
    return out
