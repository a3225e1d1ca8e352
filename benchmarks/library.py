"""Library benchmark: libraries of 10,000 and 100,000 articles on both engines, plus import speed.

Two kinds of library: *synthetic* text from a seeded vocabulary (invented words with a Zipf-like
frequency, ~900 words per article) and *real* text, the dev-set pages (dragnet-dev and readability,
English with some Chinese and Japanese) extracted once and replicated with variations
(:mod:`benchmarks.realtext`).  Every measurement runs in a fresh subprocess so peak memory
(``ru_maxrss``) belongs to that step alone.  Printed per library, engine and size: store fill and
index build (docs/s), index size ÷ text size, open time, p50/p95 latency of each query kind as the
app's search field sends it (search as you type: the last word also a prefix; 20 hits with
snippets and facet counts; wall time, and the process's CPU time, which stays meaningful on a busy
shared machine), then the keystroke sequences (typing "harbour levy" and four other two-word
queries letter by letter into a freshly opened library: p50, p95 and the slowest keystroke), the same
typing inside a collection of 1,000 of the articles (the search scoped by ``Filters.collections``), peak
memory; then import pages/s end to end on 2 workers over the dev-set pages.

Environment: ``OFFPRINT_BENCH_SIZES`` (default ``10000,100000``); ``OFFPRINT_BENCH_SOURCES`` (default
``synthetic,real``); ``OFFPRINT_BENCH_ENGINES`` (default ``tantivy,whoosh``; the import too);
``OFFPRINT_BENCH_WHOOSH_100K=1`` also builds whoosh at 100,000 (about half an hour).  Only whoosh's
search at 10,000: ``OFFPRINT_BENCH_SIZES=10000 OFFPRINT_BENCH_ENGINES=whoosh python -m benchmarks library``.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
_DEV_SET_BESIDE_CHECKOUT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "readability"
DEV_SET = Path(os.environ.get("OFFPRINT_DEV_SET") or _DEV_SET_BESIDE_CHECKOUT)
WORDS_PER_ARTICLE = 900
QUERIES_PER_KIND = 40
SEED = 20260401


# -- synthetic corpus --------------------------------------------------------------------------------

_SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou", "ei")]


class Corpus:
    """A seeded generator of articles: same seed, same library."""

    def __init__(self, seed: int = SEED, vocabulary: int = 30_000) -> None:
        self.rng = random.Random(seed)
        words: set[str] = set()
        while len(words) < vocabulary:
            words.add("".join(self.rng.choices(_SYLLABLES, k=self.rng.choice((1, 2, 2, 3, 3, 4)))))
        self.words = sorted(words)
        self.rng.shuffle(self.words)
        weights = [1.0 / (rank + 10) for rank in range(len(self.words))]
        total = 0.0
        self.cumulative = []
        for weight in weights:
            total += weight
            self.cumulative.append(total)
        self.people = [f"{self._name()} {self._name()}" for _ in range(600)]
        self.sites = [f"{self._name()} Review" for _ in range(200)]
        self.series = [f"{self._name()} {self._name()}" for _ in range(80)]
        self.topics = [self._name() for _ in range(300)]

    def _name(self) -> str:
        return "".join(self.rng.choices(_SYLLABLES, k=self.rng.choice((2, 3)))).capitalize()

    def text(self, count: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def article(self, number: int) -> dict[str, Any]:
        words = self.text(WORDS_PER_ARTICLE)
        paragraphs = [" ".join(words[i : i + 90]).capitalize() + "." for i in range(0, len(words), 90)]
        rng = self.rng
        return {
            "title": " ".join(self.text(rng.randint(5, 9))).capitalize(),
            "authors": rng.sample(self.people, rng.choice((1, 1, 1, 2, 3))),
            "site": rng.choice(self.sites),
            "series": [rng.choice(self.series)] if rng.random() < 0.3 else [],
            "topics": rng.sample(self.topics, rng.randint(1, 4)),
            "date": f"{rng.randint(2000, 2026)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}",
            "url": f"https://example.invalid/{number}",
            "text": "\n\n".join(paragraphs),
        }


# -- steps, each run in its own process ---------------------------------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_source(source: str) -> Any:
    """The article writer of a library kind: ``synthetic`` or ``real``."""
    if source == "real":
        from benchmarks.realtext import RealText, load_articles

        return RealText(load_articles(), SEED)
    return Corpus()


def step_fill(folder: str, size: int, source: str = "synthetic") -> dict[str, Any]:
    """Fill a store with ``size`` articles (no index)."""
    from reader.ingest import Article
    from reader.library import paths
    from reader.library.store import Store

    Path(folder).mkdir(parents=True, exist_ok=True)
    store = Store(paths.database_path(Path(folder)))
    corpus = make_source(source)
    started = time.perf_counter()
    text_chars = 0
    batch = 1000
    for first in range(0, size, batch):
        with store.transaction() as conn:
            for number in range(first, min(size, first + batch)):
                record = corpus.article(number)
                record.setdefault("language", "en")
                text_chars += len(record["text"])
                article = Article(
                    path=f"{source}/{number}.html",
                    kind="html",
                    content_hash=f"{number:064x}",
                    html="",
                    **record,
                )
                store.insert_article(conn, article, article.path)
    elapsed = time.perf_counter() - started
    store.close()
    return {"fill_s": elapsed, "fill_docs_s": size / elapsed, "text_chars": text_chars, "peak_mb": _peak_mb()}


def step_build(folder: str, engine: str) -> dict[str, Any]:
    """Build ``engine``'s index from the store, through the index interface."""
    from reader.library import paths
    from reader.library.index.manager import IndexManager
    from reader.library.store import Store

    store = Store(paths.database_path(Path(folder)))
    store.set_setting("engine", engine)
    manager = IndexManager(Path(folder), engine, store, read_only=False, notices=[])
    started = time.perf_counter()
    manager.rebuild()
    elapsed = time.perf_counter() - started
    size = manager.engine.size_bytes()
    count = store.count()
    manager.close()
    store.close()
    return {"build_s": elapsed, "build_docs_s": count / elapsed, "index_bytes": size, "peak_mb": _peak_mb()}


QueryKinds = dict[str, list[tuple[str, dict[str, Any]]]]


def _synthetic_queries(corpus: Corpus) -> QueryKinds:
    rng = random.Random(SEED + 1)
    middling = corpus.words[200:3000]
    sample_text = corpus.article(rng.randint(0, 50)).get("text", "").split()
    kinds: QueryKinds = {
        k: [] for k in ("one word", "two words", "phrase", "prefix", "typed cut", "word + cut", "filtered")
    }
    for _ in range(QUERIES_PER_KIND):
        kinds["one word"].append((rng.choice(middling), {}))
        kinds["two words"].append((f"{rng.choice(middling)} {rng.choice(middling)}", {}))
        start = rng.randint(0, len(sample_text) - 3)
        phrase = " ".join(w.strip(".").lower() for w in sample_text[start : start + 2])
        kinds["phrase"].append((f'"{phrase}"', {}))
        word = rng.choice(middling)
        kinds["prefix"].append((word[:3] + "*", {}))
        kinds["typed cut"].append((_cut(rng, rng.choice(middling)), {}))
        kinds["word + cut"].append((f"{rng.choice(middling)} {_cut(rng, rng.choice(middling))}", {}))
        kinds["filtered"].append(
            (
                rng.choice(middling),
                # one facet value, as a user ticks it: a topic and a year together match almost nothing
                {"years": [rng.randint(2000, 2026)]},
            )
        )
    return kinds


def _real_queries(text: Any) -> QueryKinds:
    rng = random.Random(SEED + 1)
    words = text.frequent_words(3000)
    middling = words[150:2500]
    runs = text.cjk_runs()
    kinds: QueryKinds = {
        k: [] for k in ("one word", "two words", "phrase", "typed cut", "word + cut", "CJK run", "filtered")
    }
    for _ in range(QUERIES_PER_KIND):
        kinds["one word"].append((rng.choice(middling), {}))
        kinds["two words"].append((f"{rng.choice(middling)} {rng.choice(middling)}", {}))
        article = text.article(rng.randrange(len(text.base)))
        sample = re.findall(r"[^\W\d_]{3,}", article["text"].lower())
        start = rng.randrange(max(1, len(sample) - 2))
        kinds["phrase"].append((f'"{" ".join(sample[start : start + 2])}"', {}))
        kinds["typed cut"].append((_cut(rng, rng.choice([w for w in middling if len(w) >= 6])), {}))
        kinds["word + cut"].append((f"{rng.choice(middling)} {_cut(rng, rng.choice(middling))}", {}))
        if runs:
            run = rng.choice(runs)
            start = rng.randrange(max(1, len(run) - 2))
            kinds["CJK run"].append((run[start : start + rng.choice((2, 3))], {}))
        kinds["filtered"].append((rng.choice(middling), {"years": [rng.randint(2000, 2026)]}))
    if not runs:
        del kinds["CJK run"]
    return kinds


def _cut(rng: random.Random, word: str) -> str:
    """A word cut as while typing it: after 3 to 6 letters, never the whole word."""
    return word[: min(len(word) - 1, rng.randint(3, 6))] if len(word) > 3 else word


def _queries(source: str) -> QueryKinds:
    corpus = make_source(source)
    return _real_queries(corpus) if source == "real" else _synthetic_queries(corpus)


def _typed_sequences(source: str) -> list[str]:
    """What the keystroke benchmark types: "harbour levy" and four two-word queries of the library's words."""
    rng = random.Random(SEED + 2)
    corpus = make_source(source)
    words = corpus.frequent_words(1500)[100:] if source == "real" else corpus.words[100:1500]
    return ["harbour levy"] + [f"{rng.choice(words)} {rng.choice(words)}" for _ in range(4)]


def _latency(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    return {
        "p50_ms": statistics.median(times),
        "p95_ms": times[max(0, int(len(times) * 0.95) - 1)],
        "max_ms": times[-1],
    }


def step_search(folder: str, source: str = "synthetic") -> dict[str, Any]:
    """Open the library and time each query kind: 20 hits, snippets and facet counts included."""
    import reader.library.index.tantivy_engine
    import reader.library.index.whoosh_engine  # noqa: F401  (module import time is not open time)
    from reader.library import Filters, Library

    started = time.perf_counter()
    library = Library.open(folder, read_only=True)
    open_s = time.perf_counter() - started
    assert not library.notices, library.notices
    latencies: dict[str, dict[str, float]] = {}
    for kind, queries in _queries(source).items():
        times = []
        hits = 0
        library.search(queries[0][0], Filters(**queries[0][1]), limit=20)  # warm caches once per kind
        cpu_times = []
        for text, filters in queries:
            begun, begun_cpu = time.perf_counter(), time.process_time()
            result = library.search(text, Filters(**filters), limit=20, snippets=True, facets=True)
            times.append((time.perf_counter() - begun) * 1000)
            cpu_times.append((time.process_time() - begun_cpu) * 1000)
            hits += result.total
        # CPU time too: on a shared machine wall time includes waiting for a core
        cpu = _latency(cpu_times)
        latencies[kind] = {
            **_latency(times),
            "cpu_p50_ms": cpu["p50_ms"],
            "cpu_p95_ms": cpu["p95_ms"],
            "mean_hits": hits / len(queries),
        }
    library.close()
    return {"open_s": open_s, "latency": latencies, "peak_mb": _peak_mb()}


def step_keys(folder: str, source: str = "synthetic") -> dict[str, Any]:
    """Type queries letter by letter into a library just opened (and listed), as the search field sends them.

    Each keystroke is timed twice over: the search field's query (20 hits with snippets, facet
    counts) and what the app asks today (every matching id in order, the first page of 100 hits with
    snippets, the facet counts).
    """
    from reader.library import Library

    library = Library.open(folder, read_only=True)
    library.search("", limit=20)  # what the app shows when it opens: the whole library, with facets
    field: list[float] = []
    field_cpu: list[float] = []
    app: list[float] = []
    empty = 0
    for typed in _typed_sequences(source):
        for end in range(1, len(typed) + 1):
            query = typed[:end].strip()
            begun, begun_cpu = time.perf_counter(), time.process_time()
            result = library.search(query, limit=20)
            field.append((time.perf_counter() - begun) * 1000)
            field_cpu.append((time.process_time() - begun_cpu) * 1000)
            empty += result.total == 0
            begun = time.perf_counter()
            ids = library.search_ids(query)
            library.summaries(ids[:100], query=query)
            library.facets(query)
            app.append((time.perf_counter() - begun) * 1000)
    library.close()
    return {
        "field": _latency(field),
        "field_cpu": _latency(field_cpu),
        "app": _latency(app),
        "keystrokes": len(field),
        "empty": empty,
        "sequences": _typed_sequences(source),
    }


COLLECTION_SIZE = 1000


def step_collection_keys(folder: str, source: str = "synthetic") -> dict[str, Any]:
    """Type the keystroke sequences inside a collection of COLLECTION_SIZE articles (a seeded sample): the
    search field's query (20 hits with snippets, facet counts) scoped to the collection, as the app sends
    it when the collection is chosen in the sidebar."""
    from reader.library import Filters, Library

    with Library.open(folder) as library:
        ids = sorted(library.store.all_ids())
        chosen = random.Random(SEED + 3).sample(ids, min(COLLECTION_SIZE, len(ids)))
        collection = library.create_collection("benchmark")
        library.add_to_collection(chosen, collection.id)
    library = Library.open(folder, read_only=True)
    scope = Filters(collections=[collection.id])
    library.search("", scope, limit=20)  # what the list shows when the collection is chosen
    wall: list[float] = []
    cpu: list[float] = []
    for typed in _typed_sequences(source):
        for end in range(1, len(typed) + 1):
            begun, begun_cpu = time.perf_counter(), time.process_time()
            library.search(typed[:end].strip(), scope, limit=20)
            wall.append((time.perf_counter() - begun) * 1000)
            cpu.append((time.process_time() - begun_cpu) * 1000)
    library.close()
    return {"wall": _latency(wall), "cpu": _latency(cpu), "keystrokes": len(wall), "members": len(chosen)}


def step_import(folder: str, engine: str, pages: str) -> dict[str, Any]:
    """Import the dev-set pages end to end with 2 worker processes."""
    from reader.library import Library

    with Library.open(folder) as library:
        if library.engine != engine:
            library.reindex(engine)
        started = time.perf_counter()
        results = list(library.import_paths([pages], workers=2))
        elapsed = time.perf_counter() - started
        count = library.count()
    failed = sum(r.status == "failed" for r in results)
    return {
        "files": len(results),
        "articles": count,
        "failed": failed,
        "import_s": elapsed,
        "pages_s": len(results) / elapsed,
        "peak_mb": _peak_mb(),
    }


def _run_step(name: str, *args: Any) -> dict[str, Any]:
    code = f"import json, benchmarks.library as b\nprint('@@' + json.dumps(b.{name}(*{args!r})))\n"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    for line in done.stdout.splitlines():
        if line.startswith("@@"):
            return json.loads(line[2:])  # type: ignore[no-any-return]
    raise RuntimeError(f"benchmark step {name} failed:\n{done.stderr[-3000:]}")


# -- driver ------------------------------------------------------------------------------------------


def _print_engine(
    size: int,
    engine: str,
    fill: dict[str, Any],
    build: dict[str, Any],
    search: dict[str, Any],
    keys: dict[str, Any],
    scoped: dict[str, Any],
) -> None:
    print(
        f"  {engine} @ {size:,}: build {build['build_docs_s']:,.0f} docs/s ({build['build_s']:.1f} s, "
        f"peak {build['peak_mb']:,.0f} MB); index/text {build['index_bytes'] / fill['text_chars']:.2f}; "
        f"open {search['open_s'] * 1000:.0f} ms; search peak {search['peak_mb']:,.0f} MB"
    )
    for kind, figures in search["latency"].items():
        print(
            f"    {kind:10} p50 {figures['p50_ms']:7.1f} ms   p95 {figures['p95_ms']:7.1f} ms   "
            f"(CPU p50 {figures['cpu_p50_ms']:6.1f}, p95 {figures['cpu_p95_ms']:6.1f} ms; "
            f"mean hits {figures['mean_hits']:,.0f})"
        )
    field, cpu, app = keys["field"], keys["field_cpu"], keys["app"]
    print(
        f"    keystrokes ({keys['keystrokes']}, {keys['empty']} with no hits) search field: "
        f"p50 {field['p50_ms']:.1f} ms, p95 {field['p95_ms']:.1f} ms, slowest {field['max_ms']:.1f} ms "
        f"(CPU p95 {cpu['p95_ms']:.1f} ms); as the app asks (all ids, 100 snippets, facets): "
        f"p95 {app['p95_ms']:.1f} ms, slowest {app['max_ms']:.1f} ms"
    )
    wall, cpu = scoped["wall"], scoped["cpu"]
    print(
        f"    keystrokes inside a collection of {scoped['members']:,}: p50 {wall['p50_ms']:.1f} ms, "
        f"p95 {wall['p95_ms']:.1f} ms (CPU p50 {cpu['p50_ms']:.1f} ms, p95 {cpu['p95_ms']:.1f} ms)"
    )


def _machine_load() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "load unknown"
    return f"load average {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} cores"


def _fill(work: Path, size: int, source: str) -> tuple[Path, dict[str, Any]] | None:
    base = work / f"store-{source}-{size}"
    try:
        fill = _run_step("step_fill", str(base), size, source)
    except RuntimeError as exc:
        print(f"library of {size:,} {source} articles: not built ({str(exc).splitlines()[-1]})")
        return None
    words = f"~{WORDS_PER_ARTICLE} words" if source == "synthetic" else "dev-set pages, varied"
    print(
        f"library of {size:,} {source} articles ({words}): store fill "
        f"{fill['fill_docs_s']:,.0f} docs/s ({fill['fill_s']:.1f} s), "
        f"text {fill['text_chars'] / 1e6:,.0f} M chars; {_machine_load()}"
    )
    return base, fill


def main() -> None:
    sizes = [int(s) for s in os.environ.get("OFFPRINT_BENCH_SIZES", "10000,100000").split(",") if s]
    sources = [s for s in os.environ.get("OFFPRINT_BENCH_SOURCES", "synthetic,real").split(",") if s]
    engines = [e for e in os.environ.get("OFFPRINT_BENCH_ENGINES", "tantivy,whoosh").split(",") if e]
    whoosh_100k = os.environ.get("OFFPRINT_BENCH_WHOOSH_100K") == "1"
    work = Path(tempfile.mkdtemp(prefix="offprint-bench-"))
    try:
        for source in sources:
            for size in sizes:
                filled = _fill(work, size, source)
                if filled is None:
                    continue
                base, fill = filled
                for engine in engines:
                    if engine == "whoosh" and size > 20_000 and not whoosh_100k:
                        print(f"  whoosh @ {size:,}: skipped (set OFFPRINT_BENCH_WHOOSH_100K=1 to build it)")
                        continue
                    folder = work / f"{engine}-{source}-{size}"
                    shutil.copytree(base, folder)
                    build = _run_step("step_build", str(folder), engine)
                    keys = _run_step("step_keys", str(folder), source)  # first: a library just opened
                    search = _run_step("step_search", str(folder), source)
                    scoped = _run_step("step_collection_keys", str(folder), source)  # writes a collection
                    _print_engine(size, engine, fill, build, search, keys, scoped)
                    shutil.rmtree(folder)
                shutil.rmtree(base)
        if DEV_SET.is_dir():
            for engine in reversed(engines):
                figures = _run_step("step_import", str(work / f"import-{engine}"), engine, str(DEV_SET))
                print(
                    f"import end to end, 2 workers, {engine}: {figures['pages_s']:.1f} pages/s "
                    f"({figures['files']} files, {figures['failed']} failed, {figures['import_s']:.1f} s, "
                    f"peak {figures['peak_mb']:,.0f} MB)"
                )
        else:
            print(f"import: dev set not found at {DEV_SET}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
