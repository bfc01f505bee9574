"""Stage 7: framing. Facts can agree while the stories differ.

For every pair of claims that tell the same thing (aligned in a group, or
related just below the threshold), the word-level differences are classified
(see ``diff.py``). Across the report they are gathered by what they describe:
the labels each outlet uses for one thing, loaded characterisations of one
position, reporting verbs and hedges; plus names the text itself equates
("the Kurils, which Japan refers to as the Northern Territories").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from claimdiff.align import Alignment, Related
from claimdiff.framing.aliases import alias_entries
from claimdiff.framing.diff import Change, evaluative_window, word_changes
from claimdiff.lexicon import EVALUATIVE, LEGITIMACY, STOPWORDS
from claimdiff.models import Claim, Framing, Source, Wording
from claimdiff.textnorm import normalise

__all__ = [
    "Change",
    "analyse_framing",
    "changes_of",
    "chunks",
    "classify_pairs",
    "gather_changes",
    "pairs_to_read",
    "word_changes",
]

SMALL_GROUP = 4  # groups up to this size compare every pair of their claims
RELATED_PER_CLAIM = 3  # a claim's closest related pairs are enough to show its wording


# Pairs per task when a pool reads them: small enough that the workers finish close
# together (the last task is the wait), large enough that sending the texts costs little.
CHUNK = 500


def pairs_to_read(
    claims: Sequence[Claim], alignments: Sequence[Alignment], related: Related
) -> list[tuple[int, int]]:
    """The claim pairs whose wording is compared, in order: the members of each group
    and each claim's closest related pairs, from different sources."""
    pairs: set[tuple[int, int]] = set()
    for al in alignments:
        m = al.members
        if len(m) <= SMALL_GROUP:
            pairs |= {(a, b) for k, a in enumerate(m) for b in m[k + 1 :]}
        else:  # a big group is read against its first claim: linear, not quadratic
            pairs |= {(min(m[0], b), max(m[0], b)) for b in m[1:]}
    taken = [0] * len(claims)  # related pairs each claim has so far
    # Closest first; equal probabilities in their given order.
    order = np.argsort(-related.probability, kind="stable")
    for a, b in zip(related.left[order].tolist(), related.right[order].tolist()):
        if taken[a] < RELATED_PER_CLAIM and taken[b] < RELATED_PER_CLAIM:
            pairs.add((a, b))
            taken[a] += 1
            taken[b] += 1
    return [(a, b) for a, b in sorted(pairs) if claims[a].source != claims[b].source]


def changes_of(texts: list[tuple[str, str]]) -> list[list[Change]]:
    """Classified word changes of each pair of texts (the unit of parallel work)."""
    return [[ch for ch in word_changes(a, b) if ch.kind is not None] for a, b in texts]


def chunks(texts: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    return [texts[k : k + CHUNK] for k in range(0, len(texts), CHUNK)]


def gather_changes(
    claims: Sequence[Claim],
    alignments: Sequence[Alignment],
    pairs: Sequence[tuple[int, int]],
    found: Iterable[list[Change]],
) -> tuple[dict[int, list[Wording]], list[tuple[Claim, Claim, Change]]]:
    """Each pair's changes (``found``, in the order of ``pairs``) per group, for its
    report panel, and as one list for the report-wide framing analysis."""
    group_of = {i: g for g, al in enumerate(alignments) for i in al.members}
    per_group: dict[int, list[Wording]] = {}
    changes = []
    for (a, b), pair_changes in zip(pairs, found, strict=True):
        ca, cb = claims[a], claims[b]
        for ch in pair_changes:
            if ch.kind is None:
                continue  # not a notable choice (changes_of leaves these out already)
            changes.append((ca, cb, ch))
            if group_of.get(a) is not None and group_of.get(a) == group_of.get(b):
                w = Wording(ca.source, cb.source, ch.tag, ch.a, ch.b, ch.kind, ch.anchor)
                per_group.setdefault(group_of[a], []).append(w)
    return per_group, changes


def classify_pairs(
    claims: Sequence[Claim], alignments: Sequence[Alignment], related: Related
) -> tuple[dict[int, list[Wording]], list[tuple[Claim, Claim, Change]]]:
    """Classified word changes: per group, and every pair's (all in this process)."""
    pairs = pairs_to_read(claims, alignments, related)
    found = changes_of([(claims[a].text, claims[b].text) for a, b in pairs])
    return gather_changes(claims, alignments, pairs, found)


def analyse_framing(
    claims: Sequence[Claim],
    sources: Sequence[Source],
    changes: Sequence[tuple[Claim, Claim, Change]],
) -> list[Framing]:
    order = [s.id for s in sources]
    entries = [
        *alias_entries(claims, order),
        *_labels(changes, order),
        *_characterisations(changes, order),
        *_report_wide(claims, order),
    ]
    return entries


def _terms(pairs: Sequence[tuple[str, str]], order: Sequence[str]) -> dict[str, tuple[str, ...]]:
    by_source: dict[str, list[str]] = {}
    for source, term in pairs:
        if term and term not in by_source.setdefault(source, []):
            by_source[source].append(term)
    return {s: tuple(by_source[s]) for s in order if s in by_source}


def _shown(terms: dict[str, tuple[str, ...]]) -> str:
    return "; ".join(f"{s}: " + ", ".join(f"'{t}'" for t in ts) for s, ts in terms.items())


def _labels(changes: Sequence[tuple[Claim, Claim, Change]], order: Sequence[str]) -> list[Framing]:
    """Modifiers chosen for the same thing, gathered by the word they modify."""
    by_anchor: dict[str, list[tuple[Claim, Claim, Change]]] = {}
    for ca, cb, ch in changes:
        if _is_label(ch):
            by_anchor.setdefault(ch.anchor, []).append((ca, cb, ch))
    out = []
    for anchor, items in sorted(by_anchor.items()):
        pairs: list[tuple[str, str]] = []
        ids: list[str] = []
        for ca, cb, ch in items:
            pairs += [
                (ca.source, _label_term(ch.a, anchor, ch.premodifier)),
                (cb.source, _label_term(ch.b, anchor, ch.premodifier)),
            ]
            ids += [ca.id, cb.id]
        terms = _terms(pairs, order)
        if len(terms) < 2 or len(set(terms.values())) < 2:
            continue  # everyone used the same words
        out.append(
            Framing(
                "label",
                f"'{anchor}' is described differently: {_shown(terms)}",
                terms,
                tuple(dict.fromkeys(ids)),
            )
        )
    return out


def _is_label(ch: Change) -> bool:
    """Modifiers of a shared word, loaded ("disputed islands") or not ("coastal missiles")."""
    short = len(ch.a.split()) <= 4 and len(ch.b.split()) <= 4
    # "Bastion missile" / "Bal anti-ship missile": two different names are two different
    # things, not two labels for one.
    na, nb = _names_in(ch.a), _names_in(ch.b)
    if na and nb and na != nb:
        return False
    return bool(ch.anchor) and (ch.kind == "label" or (ch.kind == "evaluative" and short))


def _names_in(phrase: str) -> set[str]:
    return {w.strip(",.;:") for w in phrase.split() if w[:1].isupper()}


def _label_term(phrase: str, anchor: str, premodifier: bool) -> str:
    """Show a modifier with the word it modifies: 'disputed islands', 'islands claimed by Japan'."""
    words = phrase.split()
    while words and normalise(words[0]) in STOPWORDS:
        words = words[1:]  # "to contested" -> "contested"
    phrase = " ".join(words)
    if not phrase:
        return f"{anchor} (no qualifier)"
    return f"{phrase} {anchor}" if premodifier else f"{anchor} {phrase}"


def _characterisations(
    changes: Sequence[tuple[Claim, Claim, Change]], order: Sequence[str]
) -> list[Framing]:
    """Loaded words for the same thing across claims that tell it, grouped by connection:
    "well within its rights" / "the sovereign right" / "well founded"."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(x: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    # Where both versions of a claim use loaded words of one family: one characterisation
    # in place of another. A phrase in a claim is one node, so chains run through it.
    by_pair: dict[tuple[str, str], tuple[Claim, Claim, list[Change]]] = {}
    for ca, cb, ch in changes:
        if ch.kind == "evaluative" and not _is_label(ch):
            by_pair.setdefault((ca.id, cb.id), (ca, cb, []))[2].append(ch)
    items: list[tuple[Claim, Claim, Change]] = []
    for ca, cb, chs in by_pair.values():
        for family in ("legitimacy", "evaluative"):
            xa = next((ch.a for ch in chs if _loaded(ch.a) == family), "")
            xb = next((ch.b for ch in chs if _loaded(ch.b) == family), "")
            if xa and xb:
                ta, tb = evaluative_window(xa.split()), evaluative_window(xb.split())
                items.append((ca, cb, Change("replace", ta, tb, "evaluative")))
    for ca, cb, ch in items:
        ra, rb = find((ca.id, _core(ch.a))), find((cb.id, _core(ch.b)))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    clusters: dict[tuple[str, str], list[tuple[Claim, Claim, Change]]] = {}
    for it in items:
        clusters.setdefault(find((it[0].id, _core(it[2].a))), []).append(it)
    out = []
    for _, its in sorted(clusters.items()):
        pairs = [(ca.source, ch.a) for ca, _, ch in its] + [(cb.source, ch.b) for _, cb, ch in its]
        terms = _terms(pairs, order)
        if len(terms) < 2 or len({frozenset(map(str.lower, t)) for t in terms.values()}) < 2:
            continue  # the same words everywhere are no difference
        ids = tuple(dict.fromkeys([c.id for ca, cb, _ in its for c in (ca, cb)]))
        kind = "evaluative"
        out.append(
            Framing(kind, f"the same thing characterised differently: {_shown(terms)}", terms, ids)
        )
    return out


def _core(phrase: str) -> str:
    """The loaded words of a phrase: one claim's phrase is one node however it was cut."""
    words = {normalise(w) for w in phrase.split()}
    return " ".join(sorted(words & (EVALUATIVE | LEGITIMACY)))


def _loaded(phrase: str) -> str:
    """Which family of loaded words a phrase uses ("" for none)."""
    words = {normalise(w) for w in phrase.split()}
    if words & LEGITIMACY:
        return "legitimacy"
    return "evaluative" if words & EVALUATIVE else ""


def _report_wide(claims: Sequence[Claim], order: Sequence[str]) -> list[Framing]:
    """Reporting verbs and hedges each outlet uses, over the whole report."""
    out = []
    verbs: dict[str, Counter[str]] = {}
    hedges: dict[str, Counter[str]] = {}
    for c in claims:
        for a in c.attributions:
            verbs.setdefault(c.source, Counter())[a.verb.lower()] += 1
        for h in c.hedges:
            hedges.setdefault(c.source, Counter())[h.text.lower()] += 1
    for kind, table, what in (
        ("reporting_verb", verbs, "reporting verbs"),
        ("hedge", hedges, "hedges"),
    ):
        terms = {
            s: tuple(
                f"{w} ×{n}" if n > 1 else w
                for w, n in sorted(table[s].items(), key=lambda x: (-x[1], x[0]))
            )
            for s in order
            if s in table
        }
        # Worth showing when outlets use different words, or some use none at all.
        differ = len({frozenset(table[s]) for s in terms}) > 1
        if terms and (differ or len(terms) < len(order)):
            missing = [s for s in order if s not in terms]
            note = f"; none in {', '.join(missing)}" if missing else ""
            ids = tuple(
                c.id for c in claims if (c.attributions if kind == "reporting_verb" else c.hedges)
            )
            out.append(Framing(kind, f"{what} used: {_shown(terms)}{note}", terms, ids))
    return out
