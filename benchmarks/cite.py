"""Citation speed: first use of each style (engine build) and milliseconds per citation after warm-up.

Targets: ≤ 20 ms per citation once a style is warm.  Run with ``.venv/bin/python -m benchmarks cite``.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from reader.cite import CORE_STYLES, Citer

ROUNDS = 30


def _item(n: int) -> dict[str, Any]:
    return {
        "type": "post-weblog",
        "title": f"Shadow of Anchorage no-deal looms over Ukraine peace no-talks, part {n}",
        "author": [
            {"family": "Baev", "given": "Pavel K."},
            {"family": "Leyen", "given": "Ursula", "non-dropping-particle": "von der"},
        ],
        "container-title": "PRIO Blogs",
        "issued": {"date-parts": [[2026, 6, 1 + n % 28]]},
        "accessed": {"date-parts": [[2026, 11, 26]]},
        "URL": f"https://www.prio.org/comments/{n}",
    }


def _per_call_ms(action: Any) -> float:
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    start = time.perf_counter()
    citer = Citer()
    items = [_item(n) for n in range(100)]
    header = f"{'style':<42} {'first use s':>11} {'entry ms':>9} {'in-text ms':>10} {'html ms':>8}"
    print(f"{header} {'100 entries ms':>15}")
    worst = 0.0
    with citer:
        for style_id, _alias in CORE_STYLES:
            first = time.perf_counter()
            citer.bibliography([items[0]], style_id)
            first_use = time.perf_counter() - first
            citer.citation([items[0]], style_id)  # warm the citation path too
            entry = _per_call_ms(lambda s=style_id: citer.bibliography([items[1]], s))
            in_text = _per_call_ms(lambda s=style_id: citer.citation([items[2]], s))
            html = _per_call_ms(lambda s=style_id: citer.bibliography([items[3]], s, "html"))
            big_start = time.perf_counter()
            citer.bibliography(items, style_id)
            big = (time.perf_counter() - big_start) * 1000
            worst = max(worst, entry, in_text, html)
            print(
                f"{style_id:<42} {first_use:>11.2f} {entry:>9.1f} {in_text:>10.1f} {html:>8.1f} {big:>15.0f}"
            )
    verdict = "ok" if worst <= 20 else "OVER TARGET"
    print(f"worst median per citation after warm-up: {worst:.1f} ms (target ≤ 20 ms: {verdict})")
    print(f"total {time.perf_counter() - start:.1f} s")
