"""The command line: parse options, call the pipeline, pick a renderer, map errors.

Kept thin and cheap to import: ``claimdiff --help`` must not load nltk,
rapidfuzz, numpy, trafilatura or lxml, so everything heavy is imported inside
the commands.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from claimdiff import __version__
from claimdiff.errors import ClaimdiffError, ExitCode, InputError
from claimdiff.inputs import Limits, parse_size  # light: no third-party imports

if TYPE_CHECKING:
    from claimdiff.models import Source, View

app = typer.Typer(
    name="claimdiff",
    help="Compare how news outlets report the same event: what they agree on, where they "
    "differ, and what only one of them says.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Plain click help: rich help formatting imports rich.markdown and markdown_it
    # (~0.1 s), half the budget for `claimdiff --help`.
    rich_markup_mode=None,
)


# Groups per section (and coverage rows) the terminal report shows unless --max-groups
# says otherwise: a comparison of 200 outlets has thousands.
TERMINAL_MAX_GROUPS = 50


class Format(StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"


class FailOn(StrEnum):
    differ = "differ"
    single = "single"
    never = "never"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimdiff {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Compare how news outlets report the same event."""


def _fail(message: str, code: ExitCode = ExitCode.BAD_INPUT) -> NoReturn:
    typer.echo(f"claimdiff: error: {message}", err=True)
    raise typer.Exit(int(code))


@contextmanager
def _errors() -> Iterator[None]:
    """The one place where domain errors become exit codes and one line on stderr."""
    try:
        yield
    except ClaimdiffError as exc:
        _fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted", ExitCode.BAD_INPUT)


def _tune() -> None:
    """This process runs one comparison and exits: let it keep memory it frees
    (claimdiff/memory.py says why)."""
    from claimdiff.memory import tune_allocator

    tune_allocator()


def _stdin_bytes(paths: list[str], max_bytes: int) -> bytes | None:
    if "-" not in paths:
        return None
    # One byte over the cap is enough to know the input is too big.
    return sys.stdin.buffer.read(max_bytes + 1)


def _limits(max_bytes: str, timeout: float) -> Limits:
    return Limits(max_bytes=parse_size(max_bytes), timeout=timeout)


MaxBytes = Annotated[
    str,
    typer.Option(
        "--max-bytes",
        metavar="SIZE",
        help="Refuse any input (file, page, standard input) larger than this: 10M, 512K, 1G.",
    ),
]
Threshold = Annotated[
    float | None,
    typer.Option(
        min=0.0, max=1.0, help="Alignment threshold on the match probability (default: calibrated)."
    ),
]
Timeout = Annotated[
    float,
    typer.Option("--timeout", min=0.1, metavar="SECONDS", help="Give up on a URL after this."),
]
DEFAULT_MAX_BYTES = "10M"
DEFAULT_TIMEOUT = 20.0


@app.command(
    epilog="Example: claimdiff compare samples/kurils --format markdown --output report.md"
)
def compare(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Articles: .txt/.md/.html files, http(s) URLs, .json/.jsonl files of "
            "records, '-' for standard input, or a directory (with a sources.toml manifest, "
            "or holding article files).",
            show_default=False,
        ),
    ],
    format: Annotated[
        Format, typer.Option("--format", "-f", help="Report format.")
    ] = Format.terminal,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to FILE (atomically).")
    ] = None,
    threshold: Threshold = None,
    published: Annotated[
        list[str] | None,
        typer.Option(
            "--published", metavar="ID=YYYY-MM-DD", help="Set a source's publication date."
        ),
    ] = None,
    outlet: Annotated[
        list[str] | None,
        typer.Option("--outlet", metavar="ID=NAME", help="Set a source's outlet name."),
    ] = None,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on", help="Exit 1 when any group differs / any claim is single-source."
        ),
    ] = FailOn.never,
    only: Annotated[
        str | None,
        typer.Option(
            "--only", metavar="VERDICTS", help="Show only these sections: differ,agree,single."
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", metavar="ID", help="Show only groups this source takes part in."),
    ] = None,
    max_groups: Annotated[
        int | None,
        typer.Option(
            "--max-groups",
            min=1,
            help="Show at most N groups per section and coverage rows "
            f"(terminal default {TERMINAL_MAX_GROUPS}; Markdown and JSON: all).",
        ),
    ] = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    timeout: Timeout = DEFAULT_TIMEOUT,
) -> None:
    """Compare two or more reports of one event."""
    with _errors():
        _tune()
        from claimdiff.load import parse_assignments
        from claimdiff.models import Verdict
        from claimdiff.pipeline import Options, compare_sources

        if output is not None:
            _check_output(output, paths)
        sources = _load(
            paths,
            max_bytes,
            timeout,
            published=parse_assignments(published or [], "--published"),
            outlets=parse_assignments(outlet or [], "--outlet"),
        )
        report = compare_sources(sources, Options(threshold=threshold, workers=None))
        if max_groups is None and format is Format.terminal and output is None:
            max_groups = TERMINAL_MAX_GROUPS  # a screen, not an archive: JSON has it all
        report = replace(report, view=_view(only, source, max_groups, [s.id for s in sources]))
        _emit(report, format, output)
        verdicts = {g.verdict for g in report.groups}
        if fail_on is FailOn.differ and Verdict.DIFFER in verdicts:
            raise typer.Exit(int(ExitCode.FINDINGS))
        if fail_on is FailOn.single and Verdict.SINGLE in verdicts:
            raise typer.Exit(int(ExitCode.FINDINGS))


@app.command(epilog="Example: claimdiff claims samples/kurils/guardian.txt --removed")
def claims(
    path: Annotated[
        str,
        typer.Argument(
            help="One article (file, URL or '-'), or a directory or .jsonl file of several.",
            show_default=False,
        ),
    ],
    removed: Annotated[
        bool, typer.Option("--removed", help="Also list what cleaning removed, and why.")
    ] = False,
    text: Annotated[
        bool,
        typer.Option(
            "--text", help="Print the text that offsets refer to (the extracted text for HTML)."
        ),
    ] = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    timeout: Timeout = DEFAULT_TIMEOUT,
) -> None:
    """Print the cleaned claims of each source with their character offsets."""
    with _errors():
        from claimdiff.clean import clean_text
        from claimdiff.pipeline import source_claims

        sources = _load([path], max_bytes, timeout, min_sources=1)
        # Every source is checked before anything is printed: a failure prints nothing.
        found = [(s, source_claims(s)) for s in sources]
        for source, cs in found:
            if text:
                sys.stdout.write(source.text if source.text.endswith("\n") else source.text + "\n")
                continue
            for c in cs:
                role = " [headline]" if c.role.value == "headline" else ""
                typer.echo(f"{c.id}\t{c.start}-{c.end}{role}\t{c.text}")
            if removed:
                for r in clean_text(source.text).removed:
                    typer.echo(f"removed\t{r.start}-{r.end}\t{r.reason}\t{r.text}")


def _load(paths: list[str], max_bytes: str, timeout: float, **options: Any) -> list[Source]:
    """Read the inputs of a command under its size and time limits."""
    from claimdiff.load import load_sources

    limits = _limits(max_bytes, timeout)
    stdin = _stdin_bytes(paths, limits.max_bytes)
    return load_sources(paths, stdin_text=stdin, limits=limits, **options)


def _view(only: str | None, source: str | None, max_groups: int | None, ids: list[str]) -> View:
    from claimdiff.models import Verdict, View

    verdicts: tuple[Verdict, ...] = ()
    if only:
        names = [v.strip() for v in only.split(",") if v.strip()]
        allowed = {v.value: v for v in Verdict}
        if not names or any(n not in allowed for n in names):
            raise InputError(f"--only: expected some of differ,agree,single, got {only!r}")
        verdicts = tuple(allowed[n] for n in names)
    if source is not None and source not in ids:
        raise InputError(f"--source: no source with id {source!r} (have {', '.join(ids)})")
    return View(only=verdicts, source=source, max_groups=max_groups)


@app.command(
    epilog="Example: claimdiff batch stories/ --out reports/ --format json,markdown --workers 2"
)
def batch(
    stories: Annotated[
        Path,
        typer.Argument(
            help="A directory of story folders (each like a 'compare' directory), or a JSON "
            "Lines file with one story per line.",
            metavar="STORIES",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", "-o", metavar="DIR", help="Directory for the reports and the index."),
    ],
    format: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="FORMATS", help="Report formats: json, markdown, or both."
        ),
    ] = "json",
    workers: Annotated[
        int | None,
        typer.Option(
            min=1, metavar="N", help="Local worker processes (default: one per CPU core)."
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS",
            help="Run on a Dask cluster (tcp://HOST:PORT) instead; needs claimdiff[dask].",
        ),
    ] = None,
    threshold: Threshold = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")
    ] = False,
) -> None:
    """Compare many stories: one report per story plus index.json and index.md.

    Stories whose reports are up to date are skipped; a story that fails is
    recorded in the index with its error and the others still run (exit 3)."""
    with _errors():
        from claimdiff.batch import run_batch

        formats = [f.strip() for f in format.split(",") if f.strip()]
        with _progress(quiet) as progress:
            result = run_batch(
                stories,
                out,
                formats=formats,
                threshold=threshold,
                workers=workers,
                scheduler=scheduler,
                progress=progress,
            )
        if not quiet:
            typer.echo(
                f"claimdiff: {len(result.entries)} stories: {result.ran} ran, "
                f"{result.skipped} up to date, {result.failed} failed; index in {out}",
                err=True,
            )
        if result.failed:
            raise typer.Exit(int(ExitCode.PARTIAL))


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[object, int, int], None] | None]:
    """A rich progress bar on stderr when it is a terminal; nothing otherwise."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("stories"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("stories", total=None, rate="")

        def update(_result: object, done: int, total: int) -> None:
            elapsed = bar.tasks[0].elapsed or 0.0
            rate = f"{done / elapsed:.1f}/s" if elapsed and done else ""
            bar.update(task, completed=done, total=total, rate=rate)

        yield update


def _check_output(output: Path, inputs: list[str]) -> None:
    target = output.resolve()
    if target.is_dir():
        raise InputError(f"--output {output}: is a directory")
    if not target.parent.is_dir():
        raise InputError(f"--output {output}: directory {output.parent} does not exist")
    for raw in inputs:
        if raw != "-" and Path(raw).exists() and Path(raw).resolve() == target:
            raise InputError(f"--output {output}: refusing to overwrite an input file")


def _emit(report: object, format: Format, output: Path | None) -> None:
    from claimdiff.models import Report

    assert isinstance(report, Report)
    renderers: dict[Format, Callable[[Report], str]] = {
        Format.markdown: _markdown,
        Format.json: _json,
        Format.terminal: lambda r: _terminal(r, plain=True),
    }
    if output is not None:
        from claimdiff.atomic import write_atomic

        write_atomic(output, renderers[format](report))
    elif format is Format.terminal:
        from rich.console import Console

        from claimdiff.render.terminal import render_terminal

        Console(highlight=False).print(render_terminal(report))
    else:
        sys.stdout.write(renderers[format](report))


def _markdown(report: object) -> str:
    from claimdiff.render.markdown import render_markdown

    return render_markdown(report)  # type: ignore[arg-type]


def _json(report: object) -> str:
    from claimdiff.render.json import render_json

    return render_json(report)  # type: ignore[arg-type]


def _terminal(report: object, *, plain: bool) -> str:
    from io import StringIO

    from rich.console import Console

    from claimdiff.render.terminal import render_terminal

    buf = StringIO()
    Console(file=buf, width=120, force_terminal=not plain, no_color=plain, highlight=False).print(
        render_terminal(report)  # type: ignore[arg-type]
    )
    return buf.getvalue()


def main() -> None:
    app()
