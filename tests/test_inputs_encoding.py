"""Bytes to text: every supported encoding reads back exactly; everything else is refused."""

from __future__ import annotations

import codecs

import pytest

from claimdiff.errors import InputError
from claimdiff.inputs.encoding import check_text, decode
from claimdiff.load import load_sources

WESTERN = (
    "“We will not back down,” said the mayor’s spokeswoman – the café stays shut. It cost €3m.\n"
)
FRENCH = "Le président a déclaré à Paris que l'économie française était «\u00a0en crise\u00a0».\n"
RUSSIAN = (
    "Президент России заявил, что экономика страны растёт быстрее, чем ожидалось. "
    "Министр финансов сообщил, что бюджет будет принят в декабре.\n"
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (WESTERN.encode("utf-8"), WESTERN),
        (codecs.BOM_UTF8 + WESTERN.encode("utf-8"), WESTERN),  # the BOM is not part of the text
        (WESTERN.encode("utf-16"), WESTERN),  # Python writes a BOM in the machine's byte order
        (codecs.BOM_UTF16_BE + WESTERN.encode("utf-16-be"), WESTERN),
        (codecs.BOM_UTF16_LE + WESTERN.encode("utf-16-le"), WESTERN),
        (WESTERN.encode("utf-32"), WESTERN),
        (WESTERN.encode("cp1252"), WESTERN),  # curly quotes, dash and euro sit in 0x80-0x9f
        (FRENCH.encode("latin-1"), FRENCH),
        (b"caf\xe9 au lait", "café au lait"),
        (RUSSIAN.encode("cp1251"), RUSSIAN),  # recognised by charset-normalizer
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16",
        "utf16-be",
        "utf16-le",
        "utf32",
        "cp1252",
        "latin1",
        "latin1-short",
        "cp1251",
    ],
)
def test_supported_encodings_decode_exactly(data: bytes, expected: str) -> None:
    assert decode(data, "x.txt") == expected


def test_declared_charset_is_used_when_the_bytes_are_not_utf8() -> None:
    text = "Ελληνικά νέα: ο δήμαρχος είπε ότι η γέφυρα θα ανοίξει ξανά."
    assert decode(text.encode("iso8859-7"), "page", declared="iso-8859-7") == text
    # Browsers read "iso-8859-1" as Windows-1252, so curly quotes survive the wrong label.
    assert decode(WESTERN.encode("cp1252"), "page", declared="ISO-8859-1") == WESTERN


def test_valid_utf8_wins_over_a_wrong_declaration() -> None:
    assert decode(WESTERN.encode("utf-8"), "page", declared="windows-1252") == WESTERN


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a PNG image, not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF document, not text"),
        (b"PK\x03\x04\x14\x00\x06\x00", "is a ZIP archive"),
        (b"hello\x00world, this has a NUL byte in it", "contains NUL bytes"),
        (WESTERN.encode("utf-16-le"), "contains NUL bytes"),  # UTF-16 needs its BOM
        (
            "Zürich said “yes”. ".encode() + b"\xff\xfe" + b" more",
            "not valid UTF-8 (byte 0xff at offset 24)",
        ),
        (bytes(range(0xC0, 0x100)) * 4, "not valid UTF-8"),  # accented capitals, no words
        (
            codecs.BOM_UTF8 + b"caf\xe9",
            "starts with a UTF-8 byte-order mark but is not valid UTF-8",
        ),
        (b"", "is empty"),
        (b" \n\t \r\n", "is empty"),
        (codecs.BOM_UTF8 + "\u200b\u00ad\n".encode(), "is empty"),
        (b"text\x01\x02\x03\x04 with many control characters", "control characters"),
    ],
)
def test_undecodable_input_is_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as err:
        decode(data, "x.txt")
    assert str(err.value).startswith("x.txt: ") and message in str(err.value)


def test_a_stray_control_character_in_long_text_is_tolerated() -> None:
    text = "A form feed\f and a bell\x07 here. " + "Then plain text of a long enough article. " * 3
    assert check_text(text, "x") == text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_encoded_files_load_with_offsets_into_the_decoded_text(write, encoding: str) -> None:  # type: ignore[no-untyped-def]
    from claimdiff.pipeline import source_claims

    a = write(f"a-{encoding}.txt", WESTERN.encode(encoding))
    b = write("b.txt", "The mayor’s spokeswoman said the café stays shut.\n")
    source = load_sources([str(a), str(b)])[0]
    assert source.text == WESTERN
    claims = source_claims(source)
    assert [source.text[c.start : c.end] for c in claims] == [c.text for c in claims]
    assert claims[0].text.startswith("“We will not back down,”")
