"""Plain-text and Markdown inputs: formatting goes, words stay, offsets hold."""

from __future__ import annotations

from claimdiff.load import load_sources
from claimdiff.pipeline import source_claims

MARKDOWN = """# Floods kill 45 in Durban

*By Thandi Nkosi*

Floods killed **45 people** in [Durban](https://example.com/durban) on Tuesday, officials said.

The army was sent in, the [provincial government said](https://example.com/statement "Statement").
![A flooded street](https://example.com/street.jpg)

- About 4,000 homes were damaged, the _municipality_ said.
"""


def test_markdown_formatting_is_stripped_and_links_keep_their_text(write) -> None:  # type: ignore[no-untyped-def]
    a = write("story.md", MARKDOWN)
    b = write("other.txt", "Officials said 45 people died in floods in Durban on Tuesday.\n")
    source = load_sources([str(a), str(b)])[0]
    texts = [c.text for c in source_claims(source)]
    assert texts[0] == "Floods kill 45 in Durban"
    assert "Floods killed 45 people in Durban on Tuesday, officials said." in texts
    assert "The army was sent in, the provincial government said." in texts
    joined = " ".join(texts)
    for markup in ("**", "](", "https://", "#", "![", "_municipality_", "flooded street"):
        assert markup not in joined


def test_typography_is_normalised_in_claims_while_offsets_point_into_the_original(write) -> None:  # type: ignore[no-untyped-def]
    raw = "The mayor\u00a0said the re\u00adbuild will cost “$4m” and take 18\u202fmonths.\n"
    a = write("a.txt", raw)
    b = write("b.txt", "The mayor said the rebuild will cost $4m.\n")
    source = load_sources([str(a), str(b)])[0]
    [claim] = source_claims(source)
    assert claim.text == "The mayor said the rebuild will cost “$4m” and take 18 months."
    original = source.text[claim.start : claim.end]
    assert original == raw.rstrip("\n")  # the span covers the untouched original
    money = claim.quantities[0]
    assert source.text[money.start : money.end] == "$4m"


def test_straight_and_curly_quotes_of_the_same_words_agree(write) -> None:  # type: ignore[no-untyped-def]
    from claimdiff.models import Verdict
    from claimdiff.pipeline import compare_sources

    sentence = "The mayor said: {o}We will rebuild the bridge before the winter storms arrive.{c}\n"
    paths = [
        str(write("straight.txt", sentence.format(o='"', c='"'))),
        str(write("curly.txt", sentence.format(o="“", c="”"))),
    ]
    report = compare_sources(load_sources(paths))
    assert [g.verdict for g in report.groups] == [Verdict.AGREE]
