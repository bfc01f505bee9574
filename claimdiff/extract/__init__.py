"""Stage 4: the checkable facts in each claim.

Each finder works on a claim's cleaned text and returns offsets into it; this
module maps them back to the original source so every fact can be cited.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from claimdiff.clean import CleanText
from claimdiff.extract.attribution import FoundAttribution, find_attributions
from claimdiff.extract.dates import find_dates
from claimdiff.extract.hedges import FoundHedge, find_hedges
from claimdiff.extract.names import find_names, is_person, mid_sentence_capitals, split_title
from claimdiff.extract.quantities import Found, find_quantities
from claimdiff.extract.quotes import PRONOUNS, find_quotes, quote_tail
from claimdiff.models import Attribution, Claim, DateRef, Quantity, Quote, Role, Span
from claimdiff.segment import Sentence

__all__ = ["extract_facts", "extract_figures", "extract_speech"]


def extract_facts(
    sentences: Sequence[Sentence], clean: CleanText, published: date | None
) -> list[Claim]:
    """Fill each claim's quantities, dates, quotes, attributions, names and hedges."""
    first = extract_figures(sentences, clean, published)
    return extract_speech(first, [s.clean_start for s in sentences], clean)


def extract_figures(
    sentences: Sequence[Sentence], clean: CleanText, published: date | None
) -> list[Claim]:
    """The first half of ``extract_facts``: figures, dates and names, which are all
    that alignment reads. A large comparison aligns on these while its workers
    extract the rest (``extract_speech``)."""
    body = " ".join(s.claim.text for s in sentences if s.claim.role is Role.BODY)
    known = mid_sentence_capitals(body)
    found_names = {
        k: find_names(s.claim.text, known=known)
        for k, s in enumerate(sentences)
        if s.claim.role is Role.BODY
    }
    body_names = {n.text for names in found_names.values() for n in names}
    out: list[Claim] = []
    for k, s in enumerate(sentences):
        claim = s.claim
        text = claim.text
        span = _spans(clean, s.clean_start)
        if claim.role is Role.HEADLINE:
            names = find_names(text, title_case=_title_case(text), known=known)
            names = [n for n in names if n.text in body_names] or names
        else:
            names = found_names[k]
        out.append(
            replace(
                claim,
                quantities=tuple(_quantity(q, span) for q in find_quantities(text)),
                dates=tuple(
                    DateRef(
                        d.text,
                        d.value,
                        *span(d.start, d.end),
                        resolved=d.resolved,
                        statement=d.statement,
                    )
                    for d in find_dates(text, published)
                ),
                entities=tuple(Span(n.text, *span(n.start, n.end)) for n in names),
            )
        )
    return out


def extract_speech(claims: Sequence[Claim], starts: Sequence[int], clean: CleanText) -> list[Claim]:
    """The second half of ``extract_facts``, on its first half's ``claims`` (``starts``:
    where each sentence begins in ``clean``): who says what (attributions, quotes)
    and the writer's hedges."""
    context = _Context()
    out: list[Claim] = []
    for claim, start in zip(claims, starts, strict=True):
        text = claim.text
        span = _spans(clean, start)
        found_attr = find_attributions(text)
        attributions = [
            Attribution(context.resolve(a.who), a.title, a.verb, a.channel, *span(a.start, a.end))
            for a in found_attr
        ]
        quotes = _quotes(claim, text, found_attr, context, span)
        context.remember(
            [a for a in attributions if not a.channel], [e.text for e in claim.entities]
        )
        out.append(
            replace(
                claim,
                quotes=tuple(quotes),
                hedges=tuple(
                    Span(h.text, *span(h.start, h.end)) for h in _writers_hedges(text, found_attr)
                ),
                attributions=tuple(attributions),
            )
        )
    return _join_running_quotes(out)


def _spans(clean: CleanText, start: int) -> Callable[[int, int], tuple[int, int]]:
    """Offsets in a sentence's cleaned text -> offsets in the original source."""

    def span(a: int, b: int) -> tuple[int, int]:
        return clean.to_original(start + a, start + b)

    return span


class _Context:
    """What earlier sentences of the same source tell us about later ones."""

    def __init__(self) -> None:
        self.last_named: str | None = None  # "he told journalists" -> the last one named
        self.last_quote_speaker: str | None = None  # a quote running on from the previous sentence

    def resolve(self, who: str) -> str:
        return (self.last_named or who) if who in PRONOUNS else who

    def remember(self, attributions: Sequence[Attribution], names: Sequence[str]) -> None:
        """The speaker named last, or failing that the person named last."""
        named = [a.who for a in attributions if a.who not in PRONOUNS]
        people = [n for n in names if is_person(n)]
        if named:
            self.last_named = named[-1]
        elif people:
            self.last_named = split_title(people[-1])[1]


def _quotes(
    claim: Claim,
    text: str,
    found_attr: Sequence[FoundAttribution],
    context: _Context,
    span: Callable[[int, int], tuple[int, int]],
) -> list[Quote]:
    quotes = []
    for n, fq in enumerate(find_quotes(text, found_attr)):
        speaker = fq.speaker
        if speaker is None and fq.start <= 1:
            speaker = context.last_quote_speaker
        elif speaker is not None:
            speaker = context.resolve(speaker)
        if speaker in PRONOUNS:
            speaker = None  # "she" with nobody named before: unknown, not "she"
        qa, qb = span(fq.start, fq.end)
        quotes.append(Quote(fq.text, speaker, qa, qb, id=f"{claim.id}/q{n}"))
    tail = quote_tail(text)
    if tail is not None and not quotes and len(text[:tail].split()) >= 2:
        # The closing part of a quote opened in the previous sentence.
        qa, qb = span(0, tail)
        quotes.append(
            Quote(
                text[:tail].rstrip(" ,"),
                context.last_quote_speaker,
                qa,
                qb,
                id=f"{claim.id}/q0",
            )
        )
    context.last_quote_speaker = quotes[-1].speaker if quotes else None
    return quotes


def _writers_hedges(text: str, attributions: Sequence[FoundAttribution]) -> list[FoundHedge]:
    """Hedges of the writer, not of the people quoted: none inside quotes, and a modal
    ("may", "could") in reported speech belongs to the speaker ("Morgulov said talks may
    be held")."""
    quoted = [(q.start, q.end) for q in find_quotes(text, attributions)]
    reported = any(not a.channel for a in attributions)
    return [
        h
        for h in find_hedges(text)
        if not any(a <= h.start < b for a, b in quoted) and not (h.modal and reported)
    ]


def _join_running_quotes(claims: list[Claim]) -> list[Claim]:
    """A quote that spans sentences is given whole on the sentence where it opens."""
    out = list(claims)
    for i in range(len(out) - 1):
        here, nxt = out[i], out[i + 1]
        if not here.quotes or not nxt.quotes or here.source != nxt.source:
            continue
        last, first = here.quotes[-1], nxt.quotes[0]
        opens_here = here.text.rstrip().endswith(last.text) or last.text.endswith((".", "!", "?"))
        if opens_here and nxt.text.startswith(first.text) and first.start >= last.end:
            whole = replace(last, text=f"{last.text} {first.text}", end=first.end)
            out[i] = replace(here, quotes=(*here.quotes[:-1], whole))
    return out


def _quantity(q: Found, span: Callable[[int, int], tuple[int, int]]) -> Quantity:
    si_value, si_unit = q.si
    qa, qb = span(q.start, q.end)
    return Quantity(
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


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.7


def extract_text(text: str, *, source: str = "text", published: date | None = None) -> Claim:
    """Facts of a single free-standing sentence (offsets are into ``text``)."""
    from claimdiff.clean import Paragraph

    clean = CleanText(text, ((0, 0, len(text)),), (Paragraph(0, len(text), Role.BODY),), ())
    claim = Claim(id=f"{source}:0", source=source, index=0, text=text, start=0, end=len(text))
    return extract_facts([Sentence(claim, 0, 0)], clean, published)[0]
