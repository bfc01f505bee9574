"""Stage 2: strip page furniture and hard wraps, keeping a map to the original.

The cleaned text is built from tokens of the original, so every cleaned
character maps back to an exact original offset. Markup inside lines (links,
emphasis, link markers) is cut first, over the whole text, because a link's
text may wrap onto the next line. Then decisions are made per line (furniture
or content), per block of lines (consent banners, promos, teaser lists), for
the end of the page (wire end marks, footers, bios), and finally broken
paragraphs are re-joined.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from claimdiff import furniture as F
from claimdiff.lines import (
    GLUE_LEFT,
    TOKEN_RE,
    Line,
    Token,
    blocks_of,
    drop,
    join_broken,
    mark_block_furniture,
    mark_line_furniture,
    mark_tail,
    paragraph_roles,
)
from claimdiff.models import Role
from claimdiff.textnorm import fold_case


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


def clean_text(raw: str) -> CleanText:
    """Clean one article's text; see the module docstring for the approach."""
    removed: list[Removed] = []
    lines = _split_lines(raw, _cut_inline(raw, removed))
    mark_line_furniture(lines)
    blocks = blocks_of(lines)
    mark_block_furniture(blocks)
    mark_tail(lines, blocks)
    paragraphs = join_broken(blocks)
    roles = paragraph_roles(paragraphs)
    for para, role in zip(paragraphs, roles, strict=True):
        if role is None:
            drop(para, "label")
    for ln in lines:
        if ln.reason and ln.tokens:
            removed.append(Removed(ln.start, ln.start + len(ln.raw), ln.reason, ln.raw.strip()))
    kept = [
        (_strip_dateline(p, removed), r)
        for p, r in zip(paragraphs, roles, strict=True)
        if r is not None
    ]
    removed.sort(key=lambda r: (r.start, r.end))
    return _assemble(kept, removed)


def _cut_inline(raw: str, removed: list[Removed]) -> str:
    """Return raw with link markup, link markers and emphasis replaced by \\x00."""
    keep = bytearray(b"\x01" * len(raw))

    def cut(a: int, b: int, reason: str) -> None:
        if a < b and all(keep[a:b]):
            keep[a:b] = bytes(b - a)
            removed.append(Removed(a, b, reason, raw[a:b]))

    if front := F.FRONT_MATTER_RE.match(raw):
        cut(front.start(), front.end(), "front matter")
    for m in F.MD_LINK_RE.finditer(raw) if "](" in raw else ():
        label = " ".join(m.group(1).split())
        # Images and share/copy buttons lose their text; other links keep it.
        if m.group().startswith("!") or not label or F.UI_LINE_RE.match(label):
            cut(m.start(), m.end(), "link")
        elif all(keep[m.start() : m.end()]):
            cut(m.start(), m.start(1), "link")
            cut(m.end(1), m.end(), "link")
    folded = fold_case(raw)
    for rx, reason, hints in F.INLINE_CUTS:
        if hints and not any(h in (folded if h.islower() else raw) for h in hints):
            continue  # none of what the pattern needs: skip the scan of the whole page
        for m in rx.finditer(raw):
            cut(m.start(), m.end(), reason)
    for m in F.EMPHASIS_RE.finditer(raw) if "*" in raw or "_" in raw else ():
        cut(m.start(1), m.end(1), "markup")
        cut(m.end(2), m.end(), "markup")
    for m in F.INVISIBLE_RE.finditer(raw):  # soft hyphens, zero-width spaces
        keep[m.start()] = 0
    # Copy the kept runs whole: a loop over characters costs more than the cutting.
    out: list[str] = []
    i = 0
    while (j := keep.find(0, i)) >= 0:
        k = keep.find(1, j)
        k = len(raw) if k < 0 else k
        out += (raw[i:j], "\x00" * (k - j))
        i = k
    out.append(raw[i:])
    return "".join(out)


def _split_lines(raw: str, masked: str) -> list[Line]:
    """Tokenise each line; blank lines separate blocks."""
    lines: list[Line] = []
    pos = block = 0
    for piece in masked.split("\n"):
        if "\x00" in piece:
            tokens = _cut_tokens(piece, pos)
        else:  # most lines: tokens with spaces between are never attached
            tokens = [(pos + m.start(), m.group(), False) for m in TOKEN_RE.finditer(piece)]
        original = raw[pos : pos + len(piece)]
        blank = not F.INVISIBLE_RE.sub("", original).strip()
        block += blank
        lines.append(Line(pos, original, tokens, blank, block=-1 if blank else block))
        pos += len(piece) + 1
    return lines


def _cut_tokens(piece: str, pos: int) -> list[Token]:
    tokens: list[Token] = []
    prev_end = -1
    for m in TOKEN_RE.finditer(piece):
        # A token split only by cut characters stays attached to its neighbour.
        attached = prev_end >= 0 and not piece[prev_end : m.start()].strip("\x00")
        tokens.append((pos + m.start(), m.group(), attached))
        prev_end = m.end()
    return tokens


def _strip_dateline(para: list[Line], removed: list[Removed]) -> list[Line]:
    first = para[0]
    start = first.tokens[0][0]
    m = F.DATELINE_RE.match(first.raw[start - first.start :])
    rest = [t for t in first.tokens if m and t[0] >= start + m.end()]
    if not m or not rest or len(rest) == len(first.tokens):
        return para
    dateline = m.group().rstrip()
    removed.append(Removed(start, start + len(dateline), "dateline", dateline))
    return [Line(first.start, first.raw, rest, blank=False, block=first.block), *para[1:]]


_GLUE_LEFT = frozenset(GLUE_LEFT)


def _assemble(paragraphs: list[tuple[list[Line], Role]], removed: list[Removed]) -> CleanText:
    out: list[str] = []
    segments: list[tuple[int, int, int]] = []
    paras: list[Paragraph] = []
    length = 0
    for para, role in paragraphs:
        if out:
            out.append("\n\n")
            length += 2
        p_start = length
        prev_tok = ""
        for ln in para:
            for j, (offset, tok, attached) in enumerate(ln.tokens):
                if prev_tok:
                    glue = (attached and j > 0) or tok[0] in _GLUE_LEFT
                    # A hyphen at a line end is a wrap inside a compound word: keep it, no space.
                    glue = glue or (j == 0 and prev_tok[-1] == "-" and prev_tok[-2:-1].isalnum())
                    if not glue:
                        out.append(" ")
                        length += 1
                segments.append((length, offset, len(tok)))
                out.append(tok)
                length += len(tok)
                prev_tok = tok
        paras.append(Paragraph(p_start, length, role))
    return CleanText("".join(out), tuple(segments), tuple(paras), tuple(removed))
