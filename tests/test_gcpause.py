from __future__ import annotations

import gc

import pytest

from claimdiff.gcpause import no_cycle_collection, without_cycle_collection


def test_collection_pauses_inside_and_resumes_as_it_was() -> None:
    assert gc.isenabled()
    with no_cycle_collection():
        assert not gc.isenabled()
        with no_cycle_collection():  # nested: the inner exit must not re-enable
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with no_cycle_collection():
            pass
        assert not gc.isenabled()  # a caller who had it off keeps it off
    finally:
        gc.enable()


def test_decorated_function_runs_paused_and_restores_on_error() -> None:
    seen = []

    @without_cycle_collection
    def work(fail: bool) -> int:
        seen.append(gc.isenabled())
        if fail:
            raise ValueError("boom")
        return 7

    assert work(False) == 7
    with pytest.raises(ValueError):
        work(True)
    assert seen == [False, False] and gc.isenabled()
