import platform
import sys

import pytest

from claimdiff.memory import tune_allocator


def test_tuning_turns_off_numpys_huge_page_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy._core.multiarray as multiarray

    monkeypatch.delenv("NUMPY_MADVISE_HUGEPAGE", raising=False)
    before = multiarray._get_madvise_hugepage()
    try:
        accepted = tune_allocator()
        assert multiarray._get_madvise_hugepage() is False
        glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
        assert accepted is glibc  # the allocator settings are a no-op elsewhere
    finally:
        multiarray._set_madvise_hugepage(before)


def test_a_users_own_setting_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy._core.multiarray as multiarray

    monkeypatch.setenv("NUMPY_MADVISE_HUGEPAGE", "1")
    before = multiarray._set_madvise_hugepage(True)
    try:
        tune_allocator()
        assert multiarray._get_madvise_hugepage() is True
    finally:
        multiarray._set_madvise_hugepage(before)
