"""Whole reports of the sample story, compared byte for byte.

After an intended change, review the diff and refresh with ``make golden``
(``pytest tests/test_golden.py --update-golden``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdiff.render.json import render_json
from claimdiff.render.markdown import render_markdown

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    ("name", "render"), [("kurils.md", render_markdown), ("kurils.json", render_json)]
)
def test_golden(kurils_report, update_golden: bool, name: str, render) -> None:  # type: ignore[no-untyped-def]
    actual = render(kurils_report)
    path = GOLDEN / name
    if update_golden or not path.exists():
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{name} did not exist and was written; review it and rerun")
    assert actual == path.read_text(encoding="utf-8"), (
        f"{name} changed; run make golden after review"
    )
