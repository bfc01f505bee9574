"""Bytes to text, or one clear error saying why the bytes are not an article.

The decoded ``str`` is what every offset refers to. The order of decisions:

1. A byte-order mark names the encoding (UTF-8, UTF-16, UTF-32); nothing else is tried.
2. Known binary signatures (PDF, PNG, ZIP ...) and NUL bytes mean a binary file.
3. Valid UTF-8 is UTF-8 (plain ASCII included).
4. A charset the document declares (HTTP header, ``<meta charset>``) if it decodes.
5. Bytes that are mostly well-formed UTF-8 sequences with a few broken ones are
   corrupt UTF-8, not some other encoding: guessing would turn "Zürich" into "ZÃ¼rich".
6. Windows-1252, which reads Latin-1 files identically (Latin-1 text never uses
   0x80-0x9F, where the two differ), when the result looks like Western text.
7. charset-normalizer, trusted only when it recognises a language in the result
   (it happily "decodes" random bytes as Korean otherwise).
"""

from __future__ import annotations

import codecs
import re

from claimdiff.errors import InputError

# UTF-32-LE's mark starts with UTF-16-LE's, so it is tried first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx, .odt or .epub file)"),
    (b"\x1f\x8b", "gzip-compressed"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "a program (ELF binary)"),
)
_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH = re.compile(rb"[\x80-\xff]")
# Non-letters that Western text written in Windows-1252 really uses.
_TYPOGRAPHY = frozenset("“”‘’‚„–—…•€£¥¢©®™°§¶·«»‹›×÷±½¼¾¹²³µ¡¿†‡‰\u00a0\u00ad´¸¨¯ªº¤¦ˆ˜")
# Legacy names that mean Windows-1252 in practice (as every browser treats them).
_WINDOWS_1252_ALIASES = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii"})
# Unicode's control characters (category Cc) except tab, newlines, form feed and
# \x1a (the DOS end-of-file mark).
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"


def decode(data: bytes, where: str, declared: str | None = None) -> str:
    """Decode an input's bytes; see the module docstring for the order of decisions."""
    bom_error: InputError | None = None
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                # FF FE 00 00 is also UTF-16's mark before a NUL: try the next mark.
                bom_error = bom_error or InputError(
                    f"{where}: starts with a {name} byte-order mark but is not valid {name} "
                    f"(at byte {exc.start + len(bom)})"
                )
                continue
            return check_text(text, where)
    if bom_error is not None:
        raise bom_error
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{where}: is {kind}, not text")
    if b"\x00" in data:
        raise InputError(
            f"{where}: looks like a binary file, not text (it contains NUL bytes; "
            "UTF-16 text needs a byte-order mark)"
        )
    try:
        return check_text(data.decode("utf-8"), where)
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    guess = _declared(data, declared)
    if guess is None and not _mostly_utf8(data):
        guess = _windows_1252(data)
        if guess is None:
            guess = _detected(data)
    if guess is None:
        raise InputError(
            f"{where}: not valid UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}) "
            "and not readable as text in any other encoding; save it as UTF-8"
        )
    return check_text(guess, where)


def check_text(text: str, where: str) -> str:
    """Refuse text that is empty or mostly control characters (a binary file in disguise)."""
    if not text.strip().strip(_INVISIBLE).strip():
        raise InputError(f"{where}: is empty")
    if "\x00" in text:
        raise InputError(f"{where}: looks like a binary file, not text (it contains NUL)")
    controls = len(_CONTROL_RE.findall(text))
    if controls * 100 > len(text):
        raise InputError(
            f"{where}: looks like a binary file, not text ({controls} control characters)"
        )
    return text


def _declared(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    name = declared.strip().strip("\"'").lower()
    if name in _WINDOWS_1252_ALIASES:
        name = "cp1252"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec.startswith(("utf-16", "utf-32")):
        return None  # only trusted with a byte-order mark, handled before
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes) -> bool:
    """At least half of the non-ASCII bytes form well-formed UTF-8 sequences."""
    high = len(_HIGH.findall(data))
    in_sequences = sum(len(m) for m in _UTF8_SEQ.findall(data))
    return in_sequences * 2 >= high


def _windows_1252(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: unused in both encodings' text
    visible = [c for c in text if not c.isspace()]
    foreign = [c for c in visible if not c.isascii()]
    odd = [c for c in foreign if not c.isalpha() and c not in _TYPOGRAPHY]
    # Western prose is mostly ASCII with accented letters and curly quotes here and
    # there; random bytes decode to runs of accented capitals and symbols.
    if len(foreign) * 4 > len(visible) or len(odd) * 5 > len(foreign):
        return None
    return text


def _detected(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.coherence < 0.3 or best.chaos > 0.1:
        return None
    return str(best)
