"""Property-based tests: arbitrary input never raises anything but the project's own
InputError, and the same input always gives byte-identical reports."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdiff.errors import InputError
from claimdiff.inputs.encoding import decode
from claimdiff.inputs.html import extract_article
from claimdiff.inputs.records import read_records
from claimdiff.load import load_sources
from claimdiff.models import Report
from claimdiff.pipeline import compare_sources
from claimdiff.render.json import render_json
from claimdiff.render.markdown import render_markdown

BOUNDED = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OTHER = b"Officials said on Tuesday that 45 people died in floods in Durban. Schools closed.\n"

# Words, figures, dates, quotes, markup and odd characters in any order: reaches far more
# of the pipeline than uniformly random code points, which rarely form a sentence.
_PIECES = st.sampled_from(
    "The council said 45 people 3.5 km miles % $ £4m on Tuesday next month May 2024 “ ” \" ' ’ "
    ". , ! ? … - — ( ) [ ] ** * _ # By Reuters Mr. U.S. No. 10 about up to Peskov told he "
    "reportedly Share Advertisement --- é 日本 🙂 1,000 ½ a.m. said: according".split(" ")
    + list(("\n", "\n\n", " ", "\u00a0", "\u00ad", "\r\n", "\t", "\u2028", "(https://x.example/a)"))
)
# Control characters make the whole input "binary"; kept out here so that most
# examples reach the later stages (plain st.text() below still sends them).
_PRINTABLE = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=3)
_SENTENCES = st.lists(
    st.lists(st.one_of(_PIECES, _PRINTABLE), min_size=4, max_size=14).map(
        lambda words: " ".join(words) + "."
    ),
    min_size=1,
    max_size=6,
).map(" ".join)
ARTICLE_TEXT = st.one_of(
    st.text(max_size=300),
    _SENTENCES,
    _SENTENCES,
    st.lists(st.one_of(_PIECES, _PRINTABLE), max_size=60).map(" ".join),
    st.lists(st.one_of(_PIECES, _PRINTABLE), max_size=60).map("".join),
)


def _check_offsets(report: Report) -> None:
    for claim in report.claims:
        text = report.source(claim.source).text
        assert 0 <= claim.start < claim.end <= len(text)
        # Cleaned claims are built from runs of the original: they start and end on it.
        assert text[claim.start] == claim.text[0] and text[claim.end - 1] == claim.text[-1]


@BOUNDED
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_raise_input_error(data: bytes) -> None:
    try:
        assert isinstance(decode(data, "x"), str)
    except InputError as exc:
        assert str(exc).startswith("x: ") and "\n" not in str(exc)


@BOUNDED
@given(st.text(max_size=500), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_text_round_trips_through_every_unicode_encoding(text: str, encoding: str) -> None:
    try:
        decoded = decode(text.encode(encoding), "x")
    except InputError as exc:
        assert any(s in str(exc) for s in ("is empty", "binary"))
    else:
        assert decoded == text


@BOUNDED
@given(ARTICLE_TEXT)
def test_any_text_through_the_whole_pipeline(tmp_path_factory, text: str) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path_factory.mktemp("p") / "other.txt"
    other.write_bytes(OTHER)
    reports = []
    for _ in range(2):
        try:
            report = compare_sources(load_sources(["-", str(other)], stdin_text=text.encode()))
        except InputError as exc:
            assert "\n" not in str(exc)
            reports.append(None)
            continue
        _check_offsets(report)
        reports.append((render_json(report), render_markdown(report)))
    assert reports[0] == reports[1]  # deterministic, byte for byte
    if reports[0] is not None:
        assert json.loads(reports[0][0])["schema"] == "claimdiff.report/1"


@BOUNDED
@given(ARTICLE_TEXT)
def test_any_text_as_html_raises_only_input_errors(text: str) -> None:
    html = f"<html><body><article><h1>{text[:40]}</h1><p>{text}</p></article></body></html>"
    try:
        article = extract_article(html, "page.html")
    except InputError:
        return
    assert article.text.strip() and "<article>" not in article.text


@BOUNDED
@given(st.lists(st.one_of(ARTICLE_TEXT, st.integers(), st.none()), min_size=1, max_size=3))
def test_any_json_records_raise_only_input_errors(values: list[object]) -> None:
    records = [{"id": f"r{n}", "text": v} for n, v in enumerate(values)]
    try:
        sources = read_records("s.jsonl", "\n".join(json.dumps(r) for r in records))
    except InputError:
        return
    assert [s.text for s in sources] == values
