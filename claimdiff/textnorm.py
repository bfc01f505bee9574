"""Word-level normalisation shared by alignment and comparison."""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache
from typing import Any

from claimdiff.lexicon import STOPWORDS

# Typographic variants read as their plain forms, so outlets' house styles never
# decide whether two claims match. Spaces and soft hyphens are handled in cleaning.
_QUOTES = str.maketrans(
    {
        **dict.fromkeys("“”„‟«»″", '"'),
        **dict.fromkeys("‘’‚‛′ʼ＇`", "'"),
        **dict.fromkeys("–—‐‑‒−", "-"),
        "\u00a0": " ",
    }
)
_WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[a-z0-9]+(?:['.-][a-z0-9]+)*")


_DIGIT_COMMA_RE = re.compile(r"\d,\d")

# re.IGNORECASE also reads the dotted capital I and the dotless i as "i", and the
# long s as "s" (the Kelvin sign lower-cases to "k" already); str.lower() does not.
_AS_IGNORECASE = str.maketrans({"\u0307": None, "\u0131": "i", "\u017f": "s"})


def fold_case(text: str) -> str:
    """Lower case as a case-insensitive pattern sees letters: text a pattern matched
    case-insensitively ("FİVE", "ſix") can then be looked up in a lower-case table,
    and a lower-case substring test ("five" in ...) never misses what it matches."""
    return text.lower().translate(_AS_IGNORECASE)


def normalise(text: str) -> str:
    """Lower-case words and numbers separated by single spaces, punctuation gone."""
    return " ".join(words(text))


def words(text: str) -> list[str]:
    lowered = text.translate(_QUOTES).lower()
    found: list[str] = _WORD_RE.findall(lowered)
    # Passes only where needed: this runs on every claim and phrase. (No word has both
    # a possessive and a comma: commas are inside figures, "1,000".)
    if "'s" in lowered:
        found = [w[:-2] if w.endswith("'s") else w for w in found]
    if _DIGIT_COMMA_RE.search(lowered):
        found = [w.replace(",", "") for w in found]
    return found


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return str(_porter().stem(word))


@lru_cache(maxsize=1)
def _porter() -> Any:
    from claimdiff.nltk_lite import modules  # nltk loads lazily: not at --help

    return modules()[1].PorterStemmer()


def content_terms(text: str, keep: Container[str] = frozenset()) -> list[str]:
    """Stems of the words that carry content: no function words, no bare punctuation.
    Words in ``keep`` (names) are left unstemmed."""
    return content_of(words(text), keep)


def content_of(tokens: list[str], keep: Container[str] = frozenset()) -> list[str]:
    """``content_terms`` of already-split ``words``."""
    return [
        w if not w.isalpha() or w in keep else stem(w)
        for w in tokens
        if w not in STOPWORDS and (len(w) > 1 or w.isdigit())
    ]
