"""Errors the library raises on purpose; the CLI maps them to exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1  # --fail-on condition met
    BAD_INPUT = 2
    PARTIAL = 3  # batch: some stories failed (each is recorded in the index)


class ClaimdiffError(Exception):
    """Base class: anything the user can fix gets one of these, never a traceback."""

    exit_code: ExitCode = ExitCode.BAD_INPUT


class InputError(ClaimdiffError):
    """A path, file, manifest or option the user gave cannot be used."""
