"""URL inputs, served by a local HTTP server this test starts on 127.0.0.1 (no outside network)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claimdiff.errors import InputError
from claimdiff.inputs import Limits
from claimdiff.load import load_sources

HERALD = (Path(__file__).parent / "fixtures" / "html" / "coastal_herald.html").read_bytes()
COURIER = (Path(__file__).parent / "fixtures" / "html" / "valley_courier_cp1252.html").read_bytes()
PLAIN = b"Officials said 45 people died in floods in Durban on Tuesday.\n"
ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/news/floods.html": (200, "text/html; charset=utf-8", HERALD),
    # No <meta> charset and no header charset: the bytes decide.
    "/courier": (200, "text/html", COURIER.replace(b"charset=windows-1252", b"")),
    "/plain.txt": (200, "text/plain; charset=utf-8", PLAIN),
    "/report.pdf": (200, "application/pdf", b"%PDF-1.7\n"),
    "/gone": (404, "text/html", b"<html><body>Not found</body></html>"),
    "/broken": (500, "text/html", b"oops"),
    "/menu": (200, "text/html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path in ("/old-address", "/to-ftp"):
            self.send_response(301)
            target = "/news/floods.html" if self.path == "/old-address" else "ftp://127.0.0.1/x"
            self.send_header("Location", target)
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(2)  # longer than the test's timeout
        if self.path in ("/huge", "/huge-unannounced"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            if self.path == "/huge":
                self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
            # The client gives up early; 200 KB is enough to pass its cap.
            with contextlib.suppress(OSError):
                self.wfile.write(b"<p>" + b"x" * 200_000)
            return
        status, ctype, body = ROUTES.get(self.path, (200, "text/html", HERALD))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass  # keep the test output clean


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hang up on purpose here (size cap, timeout): not worth a traceback


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    # A proxy configured on the machine must not see (or break) requests to 127.0.0.1.
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "*")


def test_a_url_is_fetched_and_extracted(server: str, write) -> None:  # type: ignore[no-untyped-def]
    url = f"{server}/news/floods.html"
    sources = load_sources([url, str(write("b.txt", PLAIN))])
    page = sources[0]
    assert page.id == "127.0.0.1" and page.path == url and page.url == url
    assert page.outlet == "The Coastal Herald" and page.published == date(2024, 4, 2)
    assert page.text.startswith("Floods kill 45 in Durban as rivers burst their banks\n\n")


def test_redirects_are_followed_and_the_final_address_kept(server: str, write) -> None:  # type: ignore[no-untyped-def]
    page = load_sources([f"{server}/old-address", str(write("b.txt", PLAIN))])[0]
    assert page.path == f"{server}/old-address" and page.url == f"{server}/news/floods.html"


def test_plain_text_and_undeclared_legacy_encodings(server: str) -> None:
    [courier] = load_sources([f"{server}/courier"], min_sources=1)
    assert "Durban’s mayor said on Wednesday" in courier.text  # Windows-1252 found from the bytes
    [plain] = load_sources([f"{server}/plain.txt"], min_sources=1)
    assert plain.text == PLAIN.decode() and plain.title is None


def test_two_pages_of_one_host_need_ids_from_a_manifest(server: str, write) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=r"duplicate source id '127\.0\.0\.1'"):
        load_sources([f"{server}/courier", f"{server}/plain.txt"])
    manifest = write(
        "d/sources.toml",
        f'[[source]]\nid = "courier"\nurl = "{server}/courier"\n'
        f'[[source]]\nid = "plain"\nurl = "{server}/plain.txt"\noutlet = "Plain Times"\n',
    )
    sources = load_sources([str(manifest.parent)])
    assert [s.id for s in sources] == ["courier", "plain"]
    assert sources[0].outlet == server.removeprefix("http://")  # no site name: the host
    assert sources[1].outlet == "Plain Times"


def test_the_cli_compares_a_url_with_a_file(server: str, tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from claimdiff.cli import app

    b = tmp_path / "b.txt"
    b.write_bytes(PLAIN)
    result = CliRunner().invoke(
        app, ["compare", f"{server}/news/floods.html", str(b), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sources"][0]["url"] == f"{server}/news/floods.html"
    assert data["sources"][0]["title"] == "Floods kill 45 in Durban as rivers burst their banks"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nothing listens here once the socket closes


@pytest.mark.parametrize(
    ("path", "limits", "message"),
    [
        ("/gone", Limits(), "HTTP error 404 Not Found"),
        ("/broken", Limits(), "HTTP error 500"),
        ("/report.pdf", Limits(), "not an HTML page (Content-Type: application/pdf)"),
        ("/menu", Limits(), "no article body found"),
        (
            "/huge",
            Limits(max_bytes=100_000),
            "is 50 MiB, over the 97.7 KiB limit (raise it with --max-bytes)",
        ),
        (
            "/huge-unannounced",
            Limits(max_bytes=100_000),
            "is more than 128 KiB, over the 97.7 KiB limit",
        ),
        ("/slow", Limits(timeout=0.3), "no answer within 0.3 seconds"),
        ("/to-ftp", Limits(), "redirected to a non-HTTP address (ftp://127.0.0.1/x)"),
    ],
)
def test_url_failures_are_one_clear_error(
    server: str, path: str, limits: Limits, message: str
) -> None:
    url = f"{server}{path}"
    with pytest.raises(InputError) as err:
        load_sources([url], min_sources=1, limits=limits)
    assert str(err.value).startswith(f"{url}: ") and message in str(err.value)


def test_an_unreachable_host_is_one_clear_error() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/story"
    with pytest.raises(InputError, match=r"^http://127\.0\.0\.1:\d+/story: cannot fetch \(.+\)$"):
        load_sources([url], min_sources=1)
