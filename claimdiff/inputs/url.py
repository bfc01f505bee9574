"""Fetching an article by URL: the only time claimdiff touches the network.

http and https only, with a timeout, a size cap checked before and while
reading, and one clear error for each way it fails. Proxies from the
environment (``https_proxy``, ``no_proxy``) apply as in any urllib program.
"""

from __future__ import annotations

import re
import urllib.request
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPMessage
from typing import IO

from claimdiff import __version__
from claimdiff.errors import InputError
from claimdiff.inputs import Limits, format_size

_URL_RE = re.compile(r"^https?://[^\s/?#]+", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain", "text/markdown")
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    kind: str  # "html" or "text"
    charset: str | None


def is_url(value: str) -> bool:
    return bool(_URL_RE.match(value))


def fetch(url: str, limits: Limits) -> Fetched:
    """GET one page; raise InputError naming the URL when it cannot be used."""
    import urllib.error
    from http.client import HTTPException

    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"claimdiff/{__version__} (+article comparison)",
            "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5",
        },
    )
    opener = urllib.request.build_opener(_HttpOnlyRedirects())
    try:
        with opener.open(request, timeout=limits.timeout) as response:
            headers: Message = response.headers
            kind = _kind(url, headers.get_content_type(), headers.get("Content-Type"))
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limits.max_bytes:
                raise _too_big(url, int(length), limits)
            data = _read_capped(response, url, limits)
            return Fetched(response.geturl(), data, kind, headers.get_content_charset())
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: HTTP error {exc.code} {exc.reason}".rstrip()) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):  # while connecting
            raise _timed_out(url, limits) from None
        raise InputError(f"{url}: cannot fetch ({_reason(exc.reason)})") from None
    except TimeoutError:  # while waiting for the answer
        raise _timed_out(url, limits) from None
    # Connection reset or body cut short mid-read, a malformed URL or status line.
    except (OSError, ValueError, HTTPException) as exc:
        raise InputError(f"{url}: cannot fetch ({_reason(exc)})") from None


def _timed_out(url: str, limits: Limits) -> InputError:
    return InputError(f"{url}: no answer within {limits.timeout:g} seconds")


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """urllib would follow a redirect to ftp://; claimdiff fetches http(s) only."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not is_url(newurl):
            raise InputError(f"{req.full_url}: redirected to a non-HTTP address ({newurl})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _kind(url: str, content_type: str, raw: str | None) -> str:
    if content_type in _HTML_TYPES:
        return "html"
    if content_type in _TEXT_TYPES:
        return "text"
    raise InputError(f"{url}: not an HTML page (Content-Type: {raw or 'none'})")


def _read_capped(response: object, url: str, limits: Limits) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(_CHUNK)  # type: ignore[attr-defined]
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limits.max_bytes:
            raise _too_big(url, size, limits, at_least=True)
        chunks.append(chunk)


def _too_big(url: str, size: int, limits: Limits, *, at_least: bool = False) -> InputError:
    more = "more than " if at_least else ""
    return InputError(
        f"{url}: is {more}{format_size(size)}, over the {format_size(limits.max_bytes)} limit "
        "(raise it with --max-bytes)"
    )


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    text = str(reason).strip()
    return text or type(reason).__name__
