"""Run every benchmark module (``make bench``), or the ones named on the command line.

Each module in this package exposes ``main() -> None`` and prints its own figures.
"""

from __future__ import annotations

import importlib
import sys
import time

MODULES = ("ingest", "library", "duplicates", "annotations", "cite", "styles", "ui", "highlights_ui")


def main(argv: list[str]) -> int:
    names = argv or list(MODULES)
    for name in names:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"benchmarks.{name}":
                raise
            print(f"== {name}: no benchmark yet")
            continue
        print(f"== {name}")
        start = time.perf_counter()
        module.main()
        print(f"== {name} done in {time.perf_counter() - start:.1f} s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
