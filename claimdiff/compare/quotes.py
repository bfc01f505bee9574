"""Quotes: the same words as each source gives them.

Within an aligned group, a truncated or altered quote is a finding. Across the
whole report, every quotation is matched with its versions in other sources,
even when the sentences around it did not align, and classified as verbatim,
truncated (one is a contiguous part of the other), altered (words changed
inside the quote) or paraphrase (reported as indirect speech elsewhere).
"""

from __future__ import annotations

from collections.abc import Sequence

from claimdiff.models import Claim, Finding, Quote, QuoteMatch
from claimdiff.people import People
from claimdiff.textnorm import normalise

MATCH_SCORE = 60  # partial_ratio on normalised quotes: below this they are different quotes
PARAPHRASE_SCORE = 60  # token_set_ratio of content words between a quote and a sentence


def classify_quote(a: str, b: str) -> str | None:
    """verbatim, truncated (one is a contiguous part of the other), altered, or None."""
    from rapidfuzz import fuzz

    na, nb = normalise(a), normalise(b)
    if na == nb:
        return "verbatim"
    short, long_ = sorted((na, nb), key=len)
    if short and f" {short} " in f" {long_} ":
        return "truncated"
    if fuzz.partial_ratio(short, long_) >= MATCH_SCORE and len(short.split()) >= 3:
        return "altered"
    return None


def compare_quotes(claims: Sequence[Claim]) -> list[Finding]:
    """Each version of a quote against the fullest one in the group: two rows for three
    outlets, not three pairwise ones that repeat each other."""
    quoted = [c for c in claims if c.quotes]
    if len(quoted) < 2:
        return []
    fullest = max(quoted, key=lambda c: max(len(q.text) for q in c.quotes))
    findings = []
    for c1, c2 in ((fullest, c) for c in quoted if c is not fullest):
        for q1 in c1.quotes:
            for q2 in c2.quotes:
                kind = classify_quote(q1.text, q2.text)
                if kind in (None, "verbatim"):
                    continue
                pair = {c1.source: q1.text, c2.source: q2.text}
                values = {c.source: pair[c.source] for c in claims if c.source in pair}
                if kind == "truncated":
                    shorter = (
                        c1.source
                        if len(normalise(q1.text)) < len(normalise(q2.text))
                        else c2.source
                    )
                    summary = f"quote truncated in {shorter}"
                else:
                    summary = f"quote worded differently in {c1.source} and {c2.source}"
                findings.append(Finding("quote", summary, values, summary))
    return findings


def match_quotes(claims: Sequence[Claim], people: People) -> list[QuoteMatch]:
    """Every quote paired with its versions in other sources, across the whole report."""
    from rapidfuzz import fuzz, process

    quotes: list[tuple[Claim, Quote]] = [
        (c, q) for c in claims for q in c.quotes if len(q.text.split()) >= 3
    ]
    if not quotes:
        return []
    texts = [normalise(q.text) for _, q in quotes]
    scores = process.cdist(
        texts, texts, scorer=fuzz.partial_ratio, score_cutoff=MATCH_SCORE, workers=-1
    )
    out: list[QuoteMatch] = []
    matched: set[tuple[str, str]] = set()  # (quote id, other source) already given a version
    for i, j in zip(*scores.nonzero()):
        (ci, qi), (cj, qj) = quotes[int(i)], quotes[int(j)]
        if i >= j or ci.source == cj.source:
            continue
        if (qi.id, cj.source) in matched or (qj.id, ci.source) in matched:
            continue
        kind = classify_quote(qi.text, qj.text)
        if kind is None:
            continue
        matched.update({(qi.id, cj.source), (qj.id, ci.source)})
        out.append(QuoteMatch(kind, {ci.source: (ci.id, qi.text), cj.source: (cj.id, qj.text)}))
    out.extend(_paraphrases(quotes, claims, matched, people))
    return out


def _paraphrases(
    quotes: list[tuple[Claim, Quote]],
    claims: Sequence[Claim],
    matched: set[tuple[str, str]],
    people: People,
) -> list[QuoteMatch]:
    """A quote in one source, the same speaker's words as indirect speech in another."""
    from rapidfuzz import fuzz, process

    from claimdiff.textnorm import content_terms

    plain = [c for c in claims if not c.quotes]
    if not plain:
        return []
    qtexts = [" ".join(content_terms(q.text)) for _, q in quotes]
    ctexts = [" ".join(content_terms(c.text)) for c in plain]
    scores = process.cdist(
        qtexts, ctexts, scorer=fuzz.token_set_ratio, score_cutoff=PARAPHRASE_SCORE, workers=-1
    )
    out = []
    best: dict[tuple[str, str], tuple[float, Claim]] = {}
    for i, j in zip(*scores.nonzero()):
        (cq, q), c = quotes[int(i)], plain[int(j)]
        if c.source == cq.source or (q.id, c.source) in matched or q.speaker is None:
            continue
        if not any(people.same(q.speaker, a.who) for a in c.attributions):
            continue  # indirect speech must be credited to the same speaker
        key = (q.id, c.source)
        score = float(scores[i, j])
        if key not in best or score > best[key][0]:
            best[key] = (score, c)
    for (qid, _), (_, c) in sorted(best.items()):
        cq, q = next((cq, q) for cq, q in quotes if q.id == qid)
        out.append(QuoteMatch("paraphrase", {cq.source: (cq.id, q.text), c.source: (c.id, c.text)}))
    return out
