"""HTML pages: the article body and metadata, offsets into the extracted text."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from claimdiff.errors import InputError
from claimdiff.inputs.html import declared_charset, extract_article, looks_like_html
from claimdiff.load import load_sources
from claimdiff.pipeline import source_claims

HTML = Path(__file__).parent / "fixtures" / "html"
HERALD = HTML / "coastal_herald.html"
COURIER = HTML / "valley_courier_cp1252.html"
OTHER = "Officials said 45 people died in floods in Durban on Tuesday.\n"


def test_article_body_and_metadata_are_extracted(write) -> None:  # type: ignore[no-untyped-def]
    source = load_sources([str(HERALD), str(write("b.txt", OTHER))])[0]
    assert source.id == "coastal_herald" and source.path == str(HERALD)
    assert source.title == "Floods kill 45 in Durban as rivers burst their banks"
    assert source.author == "Thandi Nkosi"
    assert source.outlet == "The Coastal Herald"  # the page's site name
    assert source.published == date(2024, 4, 2)  # the page's own date
    claims = source_claims(source)
    assert claims[0].role.value == "headline" and claims[0].text == source.title
    texts = " ".join(c.text for c in claims)
    assert "Floods killed 45 people in Durban on Tuesday" in texts
    assert "“We have never seen rain like this,” said the provincial premier" in texts
    for furniture in (
        "Home",
        "Most read",
        "celebrity",
        "All rights reserved",
        "Privacy",
        "By Thandi",
    ):
        assert furniture not in texts


def test_offsets_point_into_the_extracted_text(write) -> None:  # type: ignore[no-untyped-def]
    source = load_sources([str(HERALD), str(write("b.txt", OTHER))])[0]
    assert "<p>" not in source.text and source.text.startswith(source.title or "?")
    for claim in source_claims(source):
        assert source.text[claim.start : claim.end] == claim.text
        for q in claim.quantities:
            assert source.text[q.start : q.end] == q.text


def test_windows_1252_page_is_read_by_its_declared_charset(write) -> None:  # type: ignore[no-untyped-def]
    assert declared_charset(COURIER.read_bytes()) == "windows-1252"
    source = load_sources([str(COURIER), str(write("b.txt", OTHER))])[0]
    assert source.published == date(2024, 4, 3)
    assert source.author == "Pieter van der Merwe"
    assert "Durban’s mayor said on Wednesday" in source.text
    assert (
        "“We lost everything – the furniture, the car, the children’s schoolbooks,”" in source.text
    )
    assert "said one café owner" in source.text


def test_published_override_beats_the_page_date(write) -> None:  # type: ignore[no-untyped-def]
    b = write("b.txt", OTHER)
    by_option = load_sources([str(HERALD), str(b)], published={"coastal_herald": "2024-05-01"})
    assert by_option[0].published == date(2024, 5, 1)
    shutil.copy(HERALD, b.parent / "herald.html")
    manifest = write(
        "sources.toml",
        '[[source]]\npath = "herald.html"\nid = "herald"\npublished = 2024-06-01\n'
        '[[source]]\npath = "b.txt"\noutlet = "Bee"\n',
    )
    by_manifest = load_sources([str(manifest.parent)])
    assert by_manifest[0].published == date(2024, 6, 1)
    assert by_manifest[0].outlet == "The Coastal Herald"  # not overridden, so the page's own


def test_a_directory_of_pages_compares_them(tmp_path: Path) -> None:
    from claimdiff.pipeline import compare_sources

    for page in (HERALD, COURIER):
        shutil.copy(page, tmp_path / page.name)
    report = compare_sources(load_sources([str(tmp_path)]))
    assert [s.id for s in report.sources] == ["coastal_herald", "valley_courier_cp1252"]
    shared = [g for g in report.groups if len(g.sources) == 2]
    assert shared, "the two pages report the same floods: some claims must align"


def test_a_page_with_no_article_body_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"nav_only\.html: no article body found in the HTML"):
        load_sources([str(HTML / "nav_only.html"), str(HERALD)])


@pytest.mark.parametrize("html", ["", "<html></html>", "<<<>>>", "<p>" * 5000])
def test_hostile_markup_raises_only_input_errors(html: str) -> None:
    with pytest.raises(InputError, match="no article body"):
        extract_article(html, "page.html")


def test_stdin_and_unknown_suffixes_are_sniffed_for_html(write) -> None:  # type: ignore[no-untyped-def]
    page = HERALD.read_bytes()
    assert looks_like_html(page) and not looks_like_html(b"The <b>bold</b> claim.")
    saved = write("saved_page", page)  # no suffix: the content decides
    sources = load_sources(["-", str(saved)], stdin_text=page)
    assert [s.title for s in sources] == [sources[1].title, sources[1].title]
    assert sources[0].title is not None and "<" not in sources[0].text
