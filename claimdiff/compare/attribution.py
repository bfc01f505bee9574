"""Attribution: who each source credits a claim to, and through whom."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import combinations

from claimdiff.extract.quotes import PRONOUNS
from claimdiff.framing.opinion import is_opinion
from claimdiff.models import Attribution, Claim, Finding, Role
from claimdiff.people import People


def _credits(claim: Claim) -> tuple[list[Attribution], list[Attribution]]:
    known = [a for a in claim.attributions if a.who not in PRONOUNS]
    return [a for a in known if not a.channel], [a for a in known if a.channel]


def describe(claim: Claim, people: People) -> str:
    primary, channels = _credits(claim)
    text = "; ".join(people.describe(a.who, a.title) for a in primary)
    if channels:
        via = "; ".join(a.who for a in channels)
        text = f"{text}, via {via}" if text else via
    return text


def compare_attribution(
    claims: Sequence[Claim], people: People, carried: Collection[str] = ()
) -> list[Finding]:
    """Different people or bodies credited, or credited by some and stated as fact by others.

    ``carried`` holds claims that follow an attributed sentence of their own source: news
    copy names a source once and goes on, so those are not presented as fact."""
    credits = {c.source: _credits(c) for c in claims}
    credited = {c.source: c for c in claims if any(credits[c.source])}
    if not credited:
        return []
    names = list(dict.fromkeys(a.who for c in credited.values() for a in c.attributions))
    # A headline compresses attribution away; a claim that names the credited person
    # itself ("The trend Peskov was referring to") does not present it as its own fact.
    flat = [
        c.source
        for c in claims
        if c.source not in credited
        and c.role is not Role.HEADLINE
        and c.id not in carried
        and not is_opinion(c)  # the writer's comment states no fact to credit
        and not any(people.same(e.text, n) for e in c.entities for n in names)
    ]
    values = {s: describe(c, people) for s, c in credited.items()}
    findings = []
    # Sources crediting the same people agree with each other: compare each distinct
    # set of credited names once, not every pair of sources (a group can hold 200).
    who_sets = list(
        dict.fromkeys(tuple(a.who for a in (p or ch)) for p, ch in (credits[s] for s in credited))
    )
    clash = any(
        not any(people.same(a, b) for a in w1 for b in w2) for w1, w2 in combinations(who_sets, 2)
    )
    if clash:
        shown = "; ".join(f"{s}: {v}" for s, v in values.items())
        findings.append(
            Finding("attribution", f"credited differently: {shown}", values, "credited differently")
        )
    if flat:
        shown = "; ".join(f"{s} to {v}" for s, v in values.items())
        shown = shown.replace(" to ", " attributes it to ", 1)
        verb = "states" if len(flat) == 1 else "state"
        findings.append(
            Finding(
                "attribution",
                f"{shown}; {', '.join(flat)} {verb} it as fact",
                values | {s: "(stated as fact)" for s in flat},
                "attributed by some, stated as fact by others",
            )
        )
    return findings
