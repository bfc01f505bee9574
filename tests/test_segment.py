from __future__ import annotations

import pytest

from claimdiff.clean import clean_text
from claimdiff.segment import segment, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He lives in the U.S. The president said so.", 2),
        ("Gen. Smith arrived at 10 a.m. Tuesday in Washington, D.C. He spoke briefly.", 2),
        ("It was No. 10 on the list of demands.", 1),
        ("The answer was no. Then he left the room.", 2),
        ("The Jan. 6 hearing resumed. Dr. Jones testified.", 2),
        ("Smith vs. Jones went to trial. It ended in May.", 2),
        ('He said, "We will win." Then he left.', 2),
        ("Sen. Warren and Rep. Ocasio-Cortez spoke at 3 p.m. on Friday.", 1),
        ("Prices rose 3.5 per cent. Analysts expected 3.2.", 2),
    ],
)
def test_news_abbreviations(text: str, expected: int) -> None:
    spans = split_sentences(text)
    assert len(spans) == expected, [text[a:b] for a, b in spans]


def test_claims_carry_source_index_and_original_offsets() -> None:
    raw = "Headline Of The Story\n\nFirst  sentence is\nwrapped here. Second one.\n"
    clean = clean_text(raw)
    sentences = segment("src", clean)
    claims = [s.claim for s in sentences]
    assert [c.id for c in claims] == ["src:0", "src:1", "src:2"]
    assert claims[0].role.value == "headline"
    assert claims[1].text == "First sentence is wrapped here."
    assert raw[claims[1].start : claims[1].end] == "First  sentence is\nwrapped here."
    assert raw[claims[2].start : claims[2].end] == "Second one."


def test_no_network_no_download(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("nltk.download must never be called")

    monkeypatch.setattr(nltk, "download", refuse)
    from claimdiff.segment import tokenizer

    tokenizer.cache_clear()
    assert len(split_sentences("One sentence here. Another one there.")) == 2
