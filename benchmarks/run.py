"""``make bench``: alignment quality on held-out data, then speed.

Timing targets live here, never in the unit tests.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _median_seconds(cmd: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    from benchmarks import calibrate

    print("== alignment quality (shipped weights) ==")
    calibrate.main(["--check"])
    exe = str(Path(sys.executable).with_name("claimdiff"))
    print("\n== speed (median of 5 runs, wall clock, including interpreter start) ==")
    print(f"claimdiff --help                      {_median_seconds([exe, '--help']):6.3f} s")
    for fmt in ("json", "markdown"):
        secs = _median_seconds([exe, "compare", "samples/kurils", "--format", fmt])
        print(f"claimdiff compare samples/kurils ({fmt:8}) {secs:6.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
