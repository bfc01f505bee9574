"""``make bench``: alignment quality on held-out data, then speed.

Timing targets live here, never in the unit tests.
"""

from __future__ import annotations

import sys
import time


def main() -> int:
    from benchmarks import calibrate, scale

    t = time.perf_counter()
    print("== alignment quality (shipped weights) ==")
    calibrate.main(["--check"])
    print("\n== blocked candidates on the stories (forced, as on a large input) ==")
    scale.stories_with_blocking()
    print()
    scale.main([])
    print(f"\nmake bench took {time.perf_counter() - t:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
