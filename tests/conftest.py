from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "kurils"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/* from the current output.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def kurils_report():  # type: ignore[no-untyped-def]
    import os

    from claimdiff.load import load_sources
    from claimdiff.pipeline import compare_sources

    # A relative path, as a user types it: reports show paths as given, and the
    # golden files must not depend on where the checkout lives.
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return compare_sources(load_sources(["samples/kurils"]))
    finally:
        os.chdir(here)


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write
