"""Stage 2: strip page furniture and hard wraps, keeping a map to the original.

The cleaned text is built from whitespace-separated tokens of the original, so
every cleaned character maps back to an exact original offset. Decisions are
made per line (furniture or content), then per block of lines (headline, body,
footer), then broken paragraphs are re-joined.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from claimdiff import furniture as F
from claimdiff.models import Role

_TOKEN_RE = re.compile(r"\S+")
_GLUE_LEFT = tuple(",.;:!?)]”’%")  # tokens that attach to the previous one across a cut
_LABEL_WORDS = 3
_CROSSHEAD_WORDS = 12


@dataclass(frozen=True)
class Paragraph:
    start: int  # offsets into CleanText.text
    end: int
    role: Role


@dataclass(frozen=True)
class Removed:
    start: int  # offsets into the original text
    end: int
    reason: str
    text: str


@dataclass(frozen=True)
class CleanText:
    text: str
    # (clean_start, original_start, length): runs copied verbatim from the original.
    segments: tuple[tuple[int, int, int], ...]
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removed, ...]
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [s[0] for s in self.segments])

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of cleaned text to the original text."""
        return self._orig(start, after=False), self._orig(end - 1, after=True)

    def _orig(self, pos: int, *, after: bool) -> int:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return self.segments[0][1] if self.segments else 0
        c0, o0, n = self.segments[i]
        if pos < c0 + n:
            return o0 + (pos - c0) + (1 if after else 0)
        # pos sits on an inserted space: snap to the nearest real character.
        if after:
            return o0 + n
        nxt = self.segments[i + 1] if i + 1 < len(self.segments) else None
        return nxt[1] if nxt else o0 + n


@dataclass
class _Line:
    start: int
    raw: str
    tokens: list[tuple[int, str]]  # (original offset, token text)
    had_link: bool = False
    blank: bool = False
    reason: str | None = None  # why it was dropped, if it was
    block: int = -1

    @property
    def text(self) -> str:
        return " ".join(t for _, t in self.tokens)

    @property
    def words(self) -> int:
        return len(self.tokens)

    @property
    def kept(self) -> bool:
        return self.reason is None and bool(self.tokens)


def clean_text(raw: str) -> CleanText:
    """Clean one article's text; see the module docstring for the approach."""
    removed: list[Removed] = []
    lines = _split_lines(raw, removed)
    _mark_blocks(lines)
    _mark_line_furniture(lines)
    blocks = _blocks(lines)
    _mark_footer(blocks)
    paragraphs = _join_broken(blocks)
    roles = _paragraph_roles(paragraphs)
    for para, role in zip(paragraphs, roles):
        if role is None:
            for ln in para:
                ln.reason = ln.reason or "label"
    for ln in lines:
        if ln.reason and ln.tokens:
            removed.append(Removed(ln.start, ln.start + len(ln.raw), ln.reason, ln.raw.strip()))
    kept = [(p, r) for p, r in zip(paragraphs, roles) if r is not None]
    kept = [(_strip_dateline(p, removed), r) for p, r in kept]
    removed.sort(key=lambda r: (r.start, r.end))
    return _assemble(kept, removed)


def _split_lines(raw: str, removed: list[Removed]) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for piece in raw.split("\n"):
        line = _Line(start=pos, raw=piece, tokens=[])
        kept_spans, links = _strip_links(piece)
        for span_start, text in kept_spans:
            for m in _TOKEN_RE.finditer(text):
                _add_token(line.tokens, pos + span_start + m.start(), m.group())
        for a, b in links:
            removed.append(Removed(pos + a, pos + b, "link", piece[a:b]))
        line.had_link = bool(links)
        line.blank = not line.tokens and not links
        lines.append(line)
        pos += len(piece) + 1
    return lines


def _strip_links(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, int]]]:
    """Split a line into text pieces outside link markup; markdown links keep their text."""
    pieces: list[tuple[int, str]] = []
    links: list[tuple[int, int]] = []
    cursor = 0
    spans = sorted(
        [(m.start(), m.end(), m.start(1), m.group(1)) for m in F.MD_LINK_RE.finditer(text)]
        + [(m.start(), m.end(), -1, "") for m in F.URL_RE.finditer(text)]
    )
    for a, b, label_at, label in spans:
        if a < cursor:
            continue
        pieces.append((cursor, text[cursor:a]))
        if label_at >= 0 and not text[a] == "!":
            pieces.append((label_at, label))
        links.append((a, b))
        cursor = b
    pieces.append((cursor, text[cursor:]))
    return pieces, links


def _add_token(tokens: list[tuple[int, str]], offset: int, token: str) -> None:
    # Invisible characters (soft hyphens, zero-width spaces) split a token into
    # runs so offsets stay exact; the runs are re-glued when assembling.
    if not F.INVISIBLE_RE.search(token):
        tokens.append((offset, token))
        return
    cursor = 0
    for m in F.INVISIBLE_RE.finditer(token):
        if m.start() > cursor:
            tokens.append((offset + cursor, token[cursor : m.start()]))
        cursor = m.end()
    if cursor < len(token):
        tokens.append((offset + cursor, token[cursor:]))


def _mark_blocks(lines: list[_Line]) -> None:
    block = 0
    for ln in lines:
        if ln.blank:
            block += 1
        else:
            ln.block = block


def _terminal(text: str) -> bool:
    return bool(F.TERMINAL_RE.search(text))


def _standalone(lines: list[_Line], i: int, *, check_prev: bool = True) -> bool:
    """True when line i is not the middle of a wrapped sentence."""
    prev = _neighbour(lines, i, -1)
    nxt = _neighbour(lines, i, +1)
    prev_ok = not check_prev or prev is None or _terminal(prev.text) or prev.reason is not None
    nxt_ok = nxt is None or not nxt.text[:1].islower()
    return prev_ok and nxt_ok


def _neighbour(lines: list[_Line], i: int, step: int) -> _Line | None:
    j = i + step
    while 0 <= j < len(lines) and lines[j].block == lines[i].block:
        if lines[j].tokens:
            return lines[j]
        j += step
    return None


def _mark_line_furniture(lines: list[_Line]) -> None:
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
        if not _terminal(text) and _standalone(lines, i):
            if any(c.startswith(text) and c != text for c in credits):
                ln.reason = "caption"
        if ln.reason is None and ln.words >= 4 and not _terminal(text) and text in seen:
            ln.reason = "repeated"
        seen.add(text)


def _line_reason(lines: list[_Line], i: int) -> str | None:
    ln = lines[i]
    text = ln.text
    bare = text.strip(" :|•·»›>-–—*#").strip()
    short = ln.words <= 12
    terminal = _terminal(text)
    if short and (UI := F.UI_LINE_RE.match(bare)):
        if UI and F.READ_MORE_RE.match(bare):
            _mark_related_headline(lines, i)
        return "ui"
    rm = F.READ_MORE_RE.match(bare)
    if rm and rm.group("rest") and ln.words <= 20 and not terminal:
        return "related"
    if F.CREDITS_LINE_RE.search(text) and ln.words <= 30:
        return "credits"
    if ln.words <= 25 and F.CREDIT_WORD_RE.search(text):
        return "credit"
    if short and F.AGENCY_LINE_RE.match(bare):
        return "credit"
    if ln.words <= 10 and not terminal and F.BYLINE_RE.match(text):
        return "byline"
    if ln.words <= 10 and not terminal and F.TITLE_LINE_RE.search(text) and _standalone(lines, i):
        return "byline"
    if ln.words <= 8 and F.LOGO_RE.search(bare):
        return "logo"
    if ln.words <= 15 and F.FOLLOW_RE.search(text):
        return "social"
    if F.EMAIL_RE.search(text) and (ln.words <= 15 or F.CONTACT_START_RE.match(text)):
        return "contact"
    if (
        ln.words <= 15
        and not terminal
        and F.CREDIT_SLASH_RE.search(text)
        and _standalone(lines, i, check_prev=False)
    ):
        return "credit"
    if ln.words <= _LABEL_WORDS and not terminal and _standalone(lines, i):
        nxt = _neighbour(lines, i, +1)
        prev = _neighbour(lines, i, -1)
        if nxt is not None or prev is not None:
            return "label"
    return None


def _mark_related_headline(lines: list[_Line], i: int) -> None:
    """The headline of a 'Read more' teaser sits on the line just before it."""
    j = i - 1
    while j >= 0 and not lines[j].tokens and not lines[j].blank:
        j -= 1
    while j >= 0 and lines[j].blank:
        j -= 1
    if j >= 0 and lines[j].kept and not _terminal(lines[j].text) and lines[j].words <= 20:
        lines[j].reason = "related"


def _blocks(lines: list[_Line]) -> list[list[_Line]]:
    blocks: dict[int, list[_Line]] = {}
    for ln in lines:
        if ln.block >= 0:
            blocks.setdefault(ln.block, []).append(ln)
    return [b for _, b in sorted(blocks.items())]


def _mark_footer(blocks: list[list[_Line]]) -> None:
    """Walk back from the end: syndication, licence and credits blocks close an article."""
    for block in reversed(blocks):
        kept = [ln for ln in block if ln.kept]
        if not kept:
            continue
        text = " ".join(ln.text for ln in kept)
        if not F.FOOTER_RE.search(text) and not F.EMAIL_RE.search(text):
            return
        for ln in kept:
            ln.reason = "footer"


def _join_broken(blocks: list[list[_Line]]) -> list[list[_Line]]:
    """Merge blocks when a link or a blank line cut a sentence in two."""
    paragraphs: list[list[_Line]] = []
    for block in blocks:
        kept = [ln for ln in block if ln.kept]
        if not kept:
            continue
        if paragraphs:
            prev_text = paragraphs[-1][-1].text
            first = kept[0].text
            continues = first[:1].islower() or first[:1] in _GLUE_LEFT
            if not _terminal(prev_text) and (continues or (prev_text.endswith(":") and first[:1] in "\"“‘'")):
                paragraphs[-1].extend(kept)
                continue
        paragraphs.append(kept)
    return paragraphs


def _paragraph_roles(paragraphs: list[list[_Line]]) -> list[Role | None]:
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


def _strip_dateline(para: list[_Line], removed: list[Removed]) -> list[_Line]:
    first = para[0]
    m = F.DATELINE_RE.match(first.text)
    if not m:
        return para
    cut, consumed = m.end(), 0
    n = 0
    for _, tok in first.tokens:
        if consumed + len(tok) + 1 > cut:
            break
        consumed += len(tok) + 1
        n += 1
    if n == 0 or n == len(first.tokens):
        return para
    start, end = first.tokens[0][0], first.tokens[n - 1][0] + len(first.tokens[n - 1][1])
    removed.append(Removed(start, end, "dateline", first.text[: consumed - 1]))
    trimmed = _Line(first.start, first.raw, first.tokens[n:], first.had_link, block=first.block)
    return [trimmed, *para[1:]]


def _assemble(paragraphs: list[tuple[list[_Line], Role]], removed: list[Removed]) -> CleanText:
    out: list[str] = []
    segments: list[tuple[int, int, int]] = []
    paras: list[Paragraph] = []
    length = 0
    for para, role in paragraphs:
        if out:
            out.append("\n\n")
            length += 2
        p_start = length
        prev_end = -1  # original offset just after the previous token
        prev_tok = ""
        for ln in para:
            for offset, tok in ln.tokens:
                if prev_end >= 0:
                    adjacent = offset == prev_end  # split only by an invisible character
                    glue = adjacent or tok[0] in _GLUE_LEFT
                    glue = glue or (prev_tok.endswith("-") and prev_tok[-2:-1].isalpha() and offset > prev_end + 1 and "\n" in _between(ln, offset, prev_end))
                    if not glue:
                        out.append(" ")
                        length += 1
                segments.append((length, offset, len(tok)))
                out.append(tok)
                length += len(tok)
                prev_end, prev_tok = offset + len(tok), tok
        paras.append(Paragraph(p_start, length, role))
    return CleanText("".join(out), tuple(segments), tuple(paras), tuple(removed))


def _between(line: _Line, offset: int, prev_end: int) -> str:
    # A hyphen at a line end followed by a new line is a wrap inside a compound word.
    return "\n" if offset >= line.start and prev_end < line.start else ""
