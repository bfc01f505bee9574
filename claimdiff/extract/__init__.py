"""Stage 4: the checkable facts in each claim.

Each finder works on a claim's cleaned text and returns offsets into it; this
module maps them back to the original source so every fact can be cited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from claimdiff.clean import CleanText
from claimdiff.extract.dates import find_dates
from claimdiff.extract.hedges import find_hedges
from claimdiff.extract.names import find_names, mid_sentence_capitals
from claimdiff.extract.quantities import find_quantities
from claimdiff.extract.quotes import PRONOUNS, attributions, find_quotes
from claimdiff.models import Claim, DateRef, Quantity, Quote, Role, Span
from claimdiff.segment import Sentence

__all__ = ["extract_facts"]


def extract_facts(
    sentences: Sequence[Sentence], clean: CleanText, published: date | None
) -> list[Claim]:
    """Fill each claim's quantities, dates, quotes, names and hedges."""
    out: list[Claim] = []
    last_speaker: str | None = None  # "he told journalists" refers back to the last one named
    prev_quote_speaker: str | None = None
    body_names: set[str] = set()
    known = mid_sentence_capitals(
        " ".join(s.claim.text for s in sentences if s.claim.role is Role.BODY)
    )
    for s in sentences:
        if s.claim.role is Role.BODY:
            body_names.update(n.text for n in find_names(s.claim.text, known=known))
    for s in sentences:
        claim = s.claim
        text = claim.text

        def span(a: int, b: int, s: Sentence = s) -> tuple[int, int]:
            return clean.to_original(s.clean_start + a, s.clean_start + b)

        quantities = []
        for q in find_quantities(text):
            si_value, si_unit = q.si
            qa, qb = span(q.start, q.end)
            quantities.append(
                Quantity(
                    text=q.text,
                    value=q.value,
                    unit=q.unit.symbol if q.unit else None,
                    start=qa,
                    end=qb,
                    low=q.low,
                    high=q.high,
                    qualifier=q.qualifier,
                    measure=q.measure,
                    si_value=si_value,
                    si_unit=si_unit,
                )
            )
        dates = [
            DateRef(d.text, d.value, *span(d.start, d.end), resolved=d.resolved)
            for d in find_dates(text, published)
        ]
        quotes = []
        for fq in find_quotes(text):
            speaker = fq.speaker
            if speaker in PRONOUNS:
                speaker = last_speaker
            elif speaker:
                last_speaker = speaker
            elif fq.start <= 1:
                speaker = prev_quote_speaker  # a quote running on from the previous sentence
            quotes.append(Quote(fq.text, speaker, *span(fq.start, fq.end)))
        prev_quote_speaker = quotes[-1].speaker if quotes else None
        named = attributions(text)
        if named:
            last_speaker = named[-1]
        headline = claim.role is Role.HEADLINE
        names = find_names(text, title_case=headline and _title_case(text), known=known)
        if headline:
            names = [n for n in names if n.text in body_names] or names
        entities = [Span(n.text, *span(n.start, n.end)) for n in names]
        hedges = [Span(h.text, *span(h.start, h.end)) for h in find_hedges(text)]
        out.append(
            replace(
                claim,
                quantities=tuple(quantities),
                dates=tuple(dates),
                quotes=tuple(quotes),
                entities=tuple(entities),
                hedges=tuple(hedges),
            )
        )
    return out


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.7


def extract_text(text: str, *, source: str = "text", published: date | None = None) -> Claim:
    """Facts of a single free-standing sentence (offsets are into ``text``)."""
    from claimdiff.clean import Paragraph

    clean = CleanText(text, ((0, 0, len(text)),), (Paragraph(0, len(text), Role.BODY),), ())
    claim = Claim(id=f"{source}:0", source=source, index=0, text=text, start=0, end=len(text))
    return extract_facts([Sentence(claim, 0, 0)], clean, published)[0]
