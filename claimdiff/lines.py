"""Decisions about lines and blocks of a page: furniture or content.

Per line (bylines, credits, share bars, labels), per block of lines (consent
banners, promos, teaser lists), for the end of the page (wire end marks,
footers, bios), and the re-joining of paragraphs a link or a blank line broke.
The patterns themselves live in ``furniture.py``; ``clean.py`` builds the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby

from claimdiff import furniture as F
from claimdiff.models import Role
from claimdiff.textnorm import fold_case

TOKEN_RE = re.compile(r"[^\s\x00]+")  # \x00 stands for a cut character
GLUE_LEFT = tuple(",.;:!?)]”’%")  # tokens that attach to the previous one across a cut
_LABEL_WORDS = 3
_CROSSHEAD_WORDS = 12
_TEASER_WORDS = 20
_PROMO_BOX_LINES = 6  # lines under a newsletter pitch that may belong to its sign-up form
_CONTACT_WORDS = 12
_BODY_BEFORE_END = 80  # words of article an end mark needs before it to be believed

Token = tuple[int, str, bool]  # (original offset, text, attached to the previous token)
_Pred = Callable[["Line", "Line", "Line | None"], bool]


@dataclass
class Line:
    start: int
    raw: str
    tokens: list[Token]
    blank: bool
    reason: str | None = None  # why it was dropped, if it was
    block: int = -1

    @cached_property
    def text(self) -> str:  # tokens never change once a line is built
        return _join(self.tokens)

    @cached_property
    def words(self) -> int:
        return sum(1 for t in self.tokens if not t[2])

    @property
    def kept(self) -> bool:
        return self.reason is None and bool(self.tokens)


def _join(tokens: list[Token]) -> str:
    return "".join(("" if i == 0 or att else " ") + tok for i, (_, tok, att) in enumerate(tokens))


def blocks_of(lines: list[Line]) -> list[list[Line]]:
    grouped = groupby((ln for ln in lines if ln.block >= 0), key=lambda ln: ln.block)
    return [list(block) for _, block in grouped]


def _terminal(text: str) -> bool:
    return F.ends_sentence(text)


def _continues(text: str) -> bool:
    """True when a line reads as the rest of the sentence before it."""
    return text[:1].islower() or text[:1] in GLUE_LEFT


def _bare(text: str) -> str:
    return text.strip(F.BARE_STRIP).strip()


def _standalone(lines: list[Line], i: int, *, check_prev: bool = True) -> bool:
    """True when line i is not the middle of a wrapped sentence."""
    prev = _neighbour(lines, i, -1)
    nxt = _neighbour(lines, i, +1)
    prev_ok = not check_prev or prev is None or _terminal(prev.text) or prev.reason is not None
    return prev_ok and (nxt is None or not _continues(nxt.text))


def _neighbour(lines: list[Line], i: int, step: int) -> Line | None:
    j = i + step
    while 0 <= j < len(lines) and lines[j].block == lines[i].block:
        if lines[j].tokens:
            return lines[j]
        j += step
    return None


def mark_line_furniture(lines: list[Line]) -> None:
    for i, ln in enumerate(lines):
        if ln.tokens and ln.reason is None:
            ln.reason = _line_reason(lines, i)
    # A caption printed again without its credit, or any repeated short line.
    credits = [ln.text for ln in lines if ln.reason == "credit"]
    seen: set[str] = set()
    for i, ln in enumerate(lines):
        if not ln.kept:
            continue
        text = ln.text
        reprint = not _terminal(text) and any(c.startswith(text) and c != text for c in credits)
        if reprint and _standalone(lines, i):
            ln.reason = "caption"
        if ln.reason is None and ln.words >= 4 and not _terminal(text) and text in seen:
            ln.reason = "repeated"
        seen.add(text)


def _line_reason(lines: list[Line], i: int) -> str | None:
    ln = lines[i]
    text, n, bare = ln.text, ln.words, _bare(ln.text)
    terminal = _terminal(text)
    alone = _standalone(lines, i)
    # A credit or caption may follow a finished sentence, but never continues into one.
    ends_here = _standalone(lines, i, check_prev=False)
    if n <= 12 and F.is_widget_line(bare):
        if bare.lower() == "read more":
            _mark_related_headline(lines, i)
        return "ui"
    for most, rx, reason in F.LINE_RULES:
        if n <= most and rx.search(bare):
            return reason
    teaser = F.READ_MORE_RE.match(bare)
    if teaser and teaser.group("rest") and n <= _TEASER_WORDS and not text.endswith("."):
        return "related"  # a teaser headline may end in "?" or "!", never in a full stop
    if n <= 12 and alone and F.PLACE_DATE_LINE_RE.match(text):
        return "dateline"
    folded = fold_case(text)
    if ("cookie" in folded or "click" in folded) and F.CONSENT_LINE_RE.search(text):
        return "consent"
    if n <= 30 and ends_here and F.CREDITS_LINE_RE.search(text):
        return "credits"
    by = F.BYLINE_RE.match(text) or (alone and F.TITLE_LINE_RE.search(text))
    if n <= 10 and not terminal and by:
        return "byline"
    if "@" in text and F.EMAIL_RE.search(text) and (n <= 15 or F.CONTACT_START_RE.match(text)):
        return "contact"
    if not any(c.isalpha() for c in text) and alone and not _continues(text):
        return "rule"  # rules, bullets, list numbers left by removed links
    if n <= 25 and F.is_timestamp(bare) and (alone or F.TIMESTAMP_LABEL_RE.match(bare)):
        return "timestamp"
    slash = n <= 15 and not terminal and F.CREDIT_SLASH_RE.search(text)
    if ends_here and (slash or (n <= 60 and F.CAPTION_CREDIT_RE.search(text))):
        return "credit"
    if n <= 12 and alone and F.is_nav_line(bare):
        return "nav"
    nxt = _neighbour(lines, i, +1)
    if n <= _TEASER_WORDS and not terminal and nxt and F.DURATION_RE.match(nxt.text):
        return "video"  # a video card's title sits over its running time
    # A short orphan among other lines: a section name, kicker or stray link text.
    among = nxt is not None or _neighbour(lines, i, -1) is not None
    if n <= _LABEL_WORDS and not terminal and alone and among and not F.DANGLING_RE.search(text):
        return "label"
    return None


def _mark_related_headline(lines: list[Line], i: int) -> None:
    """The headline of a 'Read more' teaser sits on the line just before it."""
    j = i - 1
    while j >= 0 and not lines[j].tokens:  # link-only and blank lines
        j -= 1
    if j >= 0 and lines[j].kept and not _terminal(lines[j].text) and lines[j].words <= 20:
        lines[j].reason = "related"


def mark_block_furniture(blocks: list[list[Line]]) -> None:
    """Consent banners, teaser lists, promos, contact blocks and company boilerplate."""
    for b, block in enumerate(blocks):
        lines = [ln for ln in block if ln.tokens]
        banner = [ln for ln in lines if F.COOKIE_RE.match(ln.text)]
        if banner and all(ln in banner or ln.words <= 8 for ln in lines):
            drop(lines, "consent")  # the banner and its buttons
            continue
        for k, ln in enumerate(lines):
            bare, rest = _bare(ln.text), lines[k + 1 :]
            prev = lines[k - 1] if k else None
            starts = prev is None or prev.reason is not None or _terminal(prev.text)
            if ln.words <= 8 and F.LIST_HEAD_RE.match(bare):
                ln.reason = ln.reason or "related"
                _run(ln, rest, "related", _is_teaser)
            elif ln.words <= 8 and F.CONTACT_HEAD_RE.match(bare):
                ln.reason = ln.reason or "contact"
                _run(ln, rest, "contact", lambda _, x, __: x.words <= _CONTACT_WORDS)
            elif ln.kept and starts and F.PROMO_RE.match(_text(lines[k:])):
                ln.reason = "promo"
                _run(ln, rest, "promo", lambda p, *_: not _terminal(p.text))
                # A sign-up box: tagline, e-mail field, button and small print follow.
                box = rest[:_PROMO_BOX_LINES]
                ends = [
                    j for j, x in enumerate(box) if x.reason == "ui" or F.LEGAL_RE.search(x.text)
                ]
                drop(box[: ends[-1] + 1] if ends else [], "promo")
            elif ln.kept and starts and (about := F.ABOUT_RE.match(ln.text)):
                drop(lines[k:], "boilerplate")
                # "About Acme" as a heading: the paragraph under it starts with the name.
                nxt = blocks[b + 1] if b + 1 < len(blocks) else []
                if about.group("name") and not rest and _text(nxt).startswith(about["name"]):
                    drop(nxt, "boilerplate")


def _run(head: Line, rest: list[Line], reason: str, pred: _Pred) -> None:
    """Extend head's reason over the following lines while pred(previous, line, next) holds."""
    prev = head
    for j, ln in enumerate(rest):
        if not ln.kept:
            continue  # furniture already; the run goes on past it
        if not pred(prev, ln, rest[j + 1] if j + 1 < len(rest) else None):
            return
        ln.reason, prev = reason, ln


def _is_teaser(_: Line, ln: Line, nxt: Line | None) -> bool:
    # A teaser headline stands alone; a wrapped body line continues on the next one.
    short = ln.words <= _TEASER_WORDS and not _terminal(ln.text)
    return short and not (nxt is not None and _continues(nxt.text))


def _text(lines: list[Line]) -> str:
    return " ".join(ln.text for ln in lines if ln.kept)


def drop(lines: list[Line], reason: str) -> None:
    for ln in lines:
        if ln.kept:
            ln.reason = reason


def mark_tail(lines: list[Line], blocks: list[list[Line]]) -> None:
    """Close the article at a wire end mark, then walk back over footer and bio blocks."""
    body, end = 0, -1
    for i, ln in enumerate(lines):
        if ln.tokens and ln.words <= 30 and F.END_MARK_RE.search(ln.text):
            end = i if body >= _BODY_BEFORE_END else end
        elif ln.kept:
            body += ln.words
    if end >= 0:
        lines[end].reason = lines[end].reason or "credits"
        drop(lines[end + 1 :], "tail")
    names = _byline_names(lines)
    for block in reversed(blocks):
        text = _text(block)
        if F.FOOTER_RE.search(text) or F.EMAIL_RE.search(text):
            drop(block, "footer")
        elif _is_bio(text, names):
            drop(block, "bio")
        elif text:
            return


def _byline_names(lines: list[Line]) -> set[str]:
    names: set[str] = set()
    for ln in lines:
        if ln.reason == "byline":
            first = re.split(r"\s*[|,•·–—(]\s*", ln.text)[0]
            names.update(w.lower() for w in re.findall(r"[A-Z][\w'’-]+", first))
    return names - {"by"}


def _is_bio(text: str, names: set[str]) -> bool:
    """An author bio: a name that matches the byline, or one with contact details."""
    m = F.BIO_RE.match(text)
    if not m or len(text.split()) > 80:
        return False
    subject = {w.lower() for w in m.group("name").split()}
    return bool(subject & names) or bool(F.BIO_CLUE_RE.search(text))


def join_broken(blocks: list[list[Line]]) -> list[list[Line]]:
    """Merge blocks when a link or a blank line cut a sentence in two."""
    paragraphs: list[list[Line]] = []
    for block in blocks:
        kept = [ln for ln in block if ln.kept]
        if not kept:
            continue
        if paragraphs:
            prev_text = paragraphs[-1][-1].text
            first = kept[0].text
            quote_after_colon = prev_text.endswith(":") and first[:1] in "\"“‘'"
            if not _terminal(prev_text) and (_continues(first) or quote_after_colon):
                paragraphs[-1].extend(kept)
                continue
        paragraphs.append(kept)
    return paragraphs


def paragraph_roles(paragraphs: list[list[Line]]) -> list[Role | None]:
    """Headline zone before the first real paragraph; short orphans elsewhere are labels."""
    roles: list[Role | None] = []
    in_header = True
    for para in paragraphs:
        text = " ".join(ln.text for ln in para)
        words = sum(ln.words for ln in para)
        terminal = _terminal(text)
        if in_header and terminal and words >= 6:
            in_header = False
        if terminal or words > _CROSSHEAD_WORDS:
            roles.append(Role.HEADLINE if in_header else Role.BODY)
        elif in_header:
            roles.append(Role.HEADLINE if words > _LABEL_WORDS else None)
        else:
            roles.append(None)  # a crosshead or stray label inside the body
    return roles
