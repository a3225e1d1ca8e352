"""Reader figures for highlights: drawing an article's 200 highlights when it opens (target ≤ 50 ms, the
GUI-stall budget of ``benchmarks/ui.py``) and turning a selection into the library's offsets.

Real pages: the longest articles of ``../shared/corpora/readability`` imported into a throwaway library,
200 highlights each (sentences and parts of sentences across the text, as ``benchmarks/annotations.py``
makes them).  Timed on the GUI thread, CPU time, best of five: aligning the text with the rendered
document (:mod:`reader.ui.text_positions`, once per rendering) plus the 200 extra selections; then one
selection mapped back to offsets.  Rendering the HTML itself is the reader's cost with or without
highlights and is printed apart (not a target).
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "readability"
ARTICLES = 5
HIGHLIGHTS = 200
TARGET_MS = 50.0
_SENTENCE = re.compile(r"[^.!?\n]{20,300}[.!?]")


def best_cpu_ms(action: Callable[[], object], runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        action()
        best = min(best, time.process_time() - start)
    return best * 1000


def spread(text: str, count: int) -> list[tuple[int, int]]:
    """``count`` passages across the text: whole sentences and their first halves, in reading order."""
    sentences = [m.span() for m in _SENTENCE.finditer(text)]
    step = max(1, len(sentences) * 2 // count)
    chosen = []
    for index in range(0, len(sentences) * 2, step):
        start, end = sentences[index // 2]
        chosen.append((start, end) if index % 2 == 0 else (start, start + (end - start) // 2))
    return chosen[:count]


def main() -> None:
    from reader.library import Annotation, Library
    from reader.ui.annotating_reader import AnnotatingReader
    from reader.ui.app import make_application

    if not CORPUS.is_dir():
        print(f"  {CORPUS} is not there: skipped")
        return
    make_application()
    largest = sorted(CORPUS.glob("*/source.html"), key=lambda p: -p.stat().st_size)[: ARTICLES * 4]
    with tempfile.TemporaryDirectory(prefix="offprint-bench-hl-") as tmp, Library.open(Path(tmp)) as library:
        list(library.import_paths(largest))
        by_length = sorted(library.search_ids("", None), key=lambda i: -len(library.get(i).text))
        reader = AnnotatingReader()
        reader.resize(900, 1000)
        worst = 0.0
        for article_id in by_length[:ARTICLES]:
            article = library.get(article_id)
            highlights = [  # as the library gives them; drawing does not write, so none is stored
                Annotation(n, article_id, article.text[s:e], "", "", s, e, article.text[s:e])
                for n, (s, e) in enumerate(spread(article.text, HIGHLIGHTS), start=1)
            ]
            render_ms = best_cpu_ms(lambda a=article: reader.show_article(a))

            def draw(a=article, h=highlights) -> None:
                reader.annotations = []
                reader.show_article(a)
                reader.set_annotations(h)

            draw_ms = max(0.0, best_cpu_ms(draw) - render_ms)
            cursor = reader.textCursor()
            middle = reader.document().characterCount() // 2
            cursor.setPosition(middle)
            cursor.setPosition(middle + 400, cursor.MoveMode.KeepAnchor)
            reader.setTextCursor(cursor)
            select_ms = best_cpu_ms(reader.selected_offsets)
            worst = max(worst, draw_ms)
            print(
                f"  {len(article.text):,} characters, {len(highlights)} highlights: "
                f"drawn in {draw_ms:.1f} ms, "
                f"a selection as offsets in {select_ms:.2f} ms (rendering the article {render_ms:.0f} ms, "
                "not a target)"
            )
        verdict = "OK" if worst <= TARGET_MS else "SLOWER THAN THE TARGET"
        print(f"  worst: {worst:.1f} ms CPU to draw 200 highlights (target ≤ {TARGET_MS:.0f} ms: {verdict})")
