"""Importing saved pages: discovery, duplicate detection, extraction in worker processes, one writer.

The calling thread is the only writer.  It finds the files, hashes each one (a
file whose bytes are already stored is a DUPLICATE without being extracted),
hands the rest to worker processes (``workers`` = cores by default; a feeder
thread keeps them busy while the writer commits and indexes), and commits
their articles in small batches: store first (originals written and fsynced
before the transaction commits), then the index.  A page that takes longer than
the time limit has its worker killed and is reported FAILED; one bad file never
stops the batch.  Cancelling stops promptly and keeps what was committed.
Re-running an interrupted import completes it: committed files are duplicates now.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import queue
import sqlite3
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from reader.errors import IngestError, StorageError, swallowed
from reader.ingest import Article, find_pages
from reader.library.annotation_store import reanchor_article, reanchored_note
from reader.library.duplicates import DuplicateFinder
from reader.library.index.manager import IndexManager
from reader.library.originals import Originals, sha256_hex
from reader.library.reimport import no_text_note, worse_than
from reader.library.signatures import TextSignature, signature
from reader.library.store import Store
from reader.library.trash import Trash
from reader.library.types import ImportProgress, ImportResult, ImportStatus

logger = logging.getLogger(__name__)

DEFAULT_EXTRACTOR = "reader.ingest:extract_file"
TIME_LIMIT = 30.0
# A worker process that has not begun on its page this long after the page was sent is taken for
# stuck too. A fresh worker imports the extractor first, which takes seconds on a loaded machine: that
# wait does not count against the page's own TIME_LIMIT.
STARTUP_LIMIT = 120.0
_STARTED = "started"
BATCH_SIZE = 25
BATCH_SECONDS = 0.5
# The index catches up with the store at most this often during an import (and once at the end):
# whoosh commits are slow and merge segments, so one per small batch would dominate the import.
INDEX_SECONDS = 5.0
# Extracted articles waiting for the writer, at most (memory stays bounded when the writer is slower).
MAX_WAITING = 64
# The workers sign each article's text for the duplicate finder (the benchmark turns it off to weigh it;
# read when an Importer is made, and handed to its worker processes).
SIGN_TEXT = True


# -- discovery ---------------------------------------------------------------------------------------


def discover(paths: Sequence[str | Path]) -> tuple[list[Path], list[ImportResult]]:
    """Every page under ``paths`` (recursively), and a FAILED result for each path we cannot read."""
    found: list[Path] = []
    failures: list[ImportResult] = []
    # normalised (no `..`) but not resolved: a folder the user reached through a link keeps its name
    absolute = (Path(os.path.abspath(os.path.expanduser(raw))) for raw in paths)
    for page in find_pages(absolute):
        if page.problem is None:
            found.append(page.path)
        else:
            failures.append(_failed(page.path, page.problem))
    return found, failures


def shown(path: Path | str) -> str:
    """A path as text that can always be printed and stored (undecodable bytes become U+FFFD)."""
    return os.fsencode(str(path)).decode("utf-8", "replace")


def _failed(path: Path, message: str) -> ImportResult:
    return ImportResult(path=shown(path), status=ImportStatus.FAILED, error=shown(message))


# -- workers -----------------------------------------------------------------------------------------


def _load_extractor(spec: str) -> Callable[[str], Article]:
    module_name, _, function = spec.partition(":")
    return getattr(importlib.import_module(module_name), function)  # type: ignore[no-any-return]


def _extract_one(
    extract: Callable[[str], Article], path: str, sign: bool = True
) -> tuple[str, Any, TextSignature | None]:
    try:
        article = extract(path)
    except IngestError as exc:
        return "error", str(exc), None
    except Exception as exc:  # a bug in ingest must not stop the batch; report it against the file
        swallowed(logger, f"extracting {path}")
        return "error", f"{path}: could not extract the article ({type(exc).__name__}: {exc})", None
    return "ok", article, signature(article.text) if sign else None


def _worker_main(conn: Connection, spec: str, sign: bool = True) -> None:
    """Runs in a worker process: extract each path it is sent until it gets None."""
    extract = _load_extractor(spec)
    while True:
        try:
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        task_id, path = task
        conn.send((_STARTED,))  # the time limit counts from here, not from a slow start of this process
        conn.send((task_id, *_extract_one(extract, path, sign)))


def _context() -> multiprocessing.context.ForkServerContext | multiprocessing.context.SpawnContext:
    # fork is unsafe in a threaded (Qt) parent; forkserver starts workers quickly and safely on Linux.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


@dataclass
class _Worker:
    process: Any
    conn: Connection
    task: _Task | None = None
    started: float = 0.0  # when the task was sent, then when the worker said it began on it
    running: bool = False  # the worker said it began on its task

    def deadline(self, time_limit: float) -> float:
        return self.started + time_limit + (0.0 if self.running else STARTUP_LIMIT)


@dataclass
class _Task:
    number: int
    path: Path
    content_hash: str  # the bytes are read again when stored: a big import never holds them all


@dataclass
class _Done:
    task: _Task
    article: Article | None = None
    error: str | None = None
    signature: TextSignature | None = None


def _done(task: _Task, kind: str, value: Any, text_signature: TextSignature | None) -> _Done:
    return _Done(task, article=value, signature=text_signature) if kind == "ok" else _Done(task, error=value)


@dataclass
class _Pool:
    spec: str
    size: int
    sign: bool = True  # the workers sign each article's text (see SIGN_TEXT)
    workers: list[_Worker] = field(default_factory=list)

    def _start(self) -> _Worker:
        context = _context()
        if isinstance(context, multiprocessing.context.ForkServerContext):
            # The fork server imports the extractor once (it has no threads, so forking it is safe):
            # every worker then starts with it loaded instead of spending ~0.4 s CPU importing it again.
            # No effect once the server runs; an extractor that fails to import fails in the worker.
            context.set_forkserver_preload([self.spec.partition(":")[0]])
        parent, child = context.Pipe()
        process = context.Process(target=_worker_main, args=(child, self.spec, self.sign), daemon=True)
        process.start()
        child.close()
        return _Worker(process=process, conn=parent)

    def idle(self) -> _Worker | None:
        for worker in self.workers:
            if worker.task is None:
                return worker
        if len(self.workers) < self.size:
            worker = self._start()
            self.workers.append(worker)
            return worker
        return None

    def busy(self) -> list[_Worker]:
        return [w for w in self.workers if w.task is not None]

    def replace(self, worker: _Worker) -> None:
        """Kill a stuck or dead worker; a new one starts when there is work for it."""
        worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()
        self.workers.remove(worker)

    def shutdown(self) -> None:
        for worker in self.workers:
            if worker.task is not None:
                worker.process.kill()
            else:
                try:
                    worker.conn.send(None)
                except OSError:
                    worker.process.kill()
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(timeout=5)
            worker.conn.close()
        self.workers.clear()


# -- the import --------------------------------------------------------------------------------------


class Importer:
    """One import run into one library (the calling thread is the only writer)."""

    def __init__(
        self,
        store: Store,
        originals: Originals,
        index: IndexManager,
        *,
        workers: int | None = None,
        extractor: str | None = None,
        time_limit: float | None = None,
        trash: Trash | None = None,
    ) -> None:
        self.store = store
        self.trash = trash or Trash(store)
        self.duplicates = DuplicateFinder(store)
        self.originals = originals
        self.index = index
        self.workers = (os.cpu_count() or 1) if workers is None else max(0, workers)
        self.extractor = extractor or DEFAULT_EXTRACTOR
        self.time_limit = TIME_LIMIT if time_limit is None else time_limit
        self.sign_text = SIGN_TEXT

    def run(
        self,
        paths: Sequence[str | Path],
        *,
        cancel: threading.Event | None = None,
        on_progress: Callable[[ImportProgress], None] | None = None,
    ) -> Iterator[ImportResult]:
        cancel = cancel or threading.Event()
        files, failures = discover(paths)
        tracker = _Progress(len(files) + len(failures), on_progress)
        for failure in failures:
            tracker.report(failure.path)
            yield failure
        tasks: deque[_Task] = deque()
        trashed = self.trash.ids()  # a file of a trashed article is extracted again: it restores it
        known = {h: i for h, i in self.store.seen_hashes().items() if i not in trashed}
        for number, path in enumerate(files):
            if cancel.is_set():
                return
            result, task = self._triage(number, path, known)
            if result is not None:
                tracker.report(result.path)
                yield result
            elif task is not None:
                known[task.content_hash] = -1  # a second copy in this same run is a duplicate
                tasks.append(task)
        if tasks:
            try:
                yield from self._extract_and_store(tasks, cancel, tracker)
            finally:
                self.index.sync()  # also after a cancel: what was committed becomes searchable

    def _triage(
        self, number: int, path: Path, known: dict[str, int]
    ) -> tuple[ImportResult | None, _Task | None]:
        try:
            data = path.read_bytes()
        except OSError as exc:
            return _failed(path, f"{path}: cannot read the file ({exc.strerror})"), None
        content_hash = sha256_hex(data)
        if content_hash in known:
            existing = known[content_hash]
            return ImportResult(
                path=shown(path), status=ImportStatus.DUPLICATE, article_id=existing if existing > 0 else None
            ), None
        return None, _Task(number=number, path=path, content_hash=content_hash)

    def _extract_and_store(
        self, tasks: deque[_Task], cancel: threading.Event, tracker: _Progress
    ) -> Iterator[ImportResult]:
        batch: list[_Done] = []
        last_flush = last_sync = time.monotonic()
        for done in self._extractions(tasks, cancel, tracker):
            if done.article is None:
                tracker.report(str(done.task.path))
                yield _failed(done.task.path, done.error or f"{done.task.path}: extraction failed")
            else:
                batch.append(done)
            if batch and (len(batch) >= BATCH_SIZE or time.monotonic() - last_flush >= BATCH_SECONDS):
                for result in self._commit(batch):
                    tracker.report(result.path)
                    yield result
                batch, last_flush = [], time.monotonic()
                if last_flush - last_sync >= INDEX_SECONDS:
                    self.index.sync()
                    last_sync = time.monotonic()
        if batch:
            for result in self._commit(batch):
                tracker.report(result.path)
                yield result

    def _extractions(
        self, tasks: deque[_Task], cancel: threading.Event, tracker: _Progress
    ) -> Iterator[_Done]:
        if self.workers == 0:
            extract = _load_extractor(self.extractor)
            while tasks and not cancel.is_set():
                task = tasks.popleft()
                tracker.current = shown(task.path)
                yield _done(task, *_extract_one(extract, str(task.path), self.sign_text))
            return
        # The workers are fed from a thread of their own, so they keep extracting while this (the writer)
        # thread commits and indexes; the writer takes finished extractions, in the order they finish.
        finished: queue.Queue[_Done | BaseException | None] = queue.Queue()
        stop = threading.Event()
        feeder = threading.Thread(
            target=self._feed_workers,
            args=(tasks, cancel, stop, finished, tracker),
            name="offprint-import-workers",
            daemon=True,
        )
        feeder.start()
        try:
            while not cancel.is_set():
                try:
                    item = finished.get(timeout=0.1)
                except queue.Empty:
                    continue
                if item is None:
                    return
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            stop.set()
            feeder.join()

    def _feed_workers(
        self,
        tasks: deque[_Task],
        cancel: threading.Event,
        stop: threading.Event,
        finished: queue.Queue[_Done | BaseException | None],
        tracker: _Progress,
    ) -> None:
        """Runs on the feeder thread: dispatch tasks, collect extractions, enforce the time limit."""
        pool = _Pool(self.extractor, min(self.workers, len(tasks)), self.sign_text)
        try:
            while (tasks or pool.busy()) and not (cancel.is_set() or stop.is_set()):
                # Back-pressure: a writer that falls behind holds at most MAX_WAITING articles in memory.
                while tasks and finished.qsize() < MAX_WAITING:
                    worker = pool.idle()
                    if worker is None:
                        break
                    task = tasks.popleft()
                    worker.task, worker.started, worker.running = task, time.monotonic(), False
                    tracker.current = shown(task.path)
                    worker.conn.send((task.number, str(task.path)))
                if not pool.busy():
                    stop.wait(0.02)
                    continue
                for done in self._collect(pool, cancel):
                    finished.put(done)
            finished.put(None)
        except BaseException as exc:  # the writer thread re-raises it
            finished.put(exc)
        finally:
            pool.shutdown()

    def _collect(self, pool: _Pool, cancel: threading.Event) -> Iterator[_Done]:
        busy = pool.busy()
        now = time.monotonic()
        nearest = min(w.deadline(self.time_limit) for w in busy) - now
        ready = wait([w.conn for w in busy], timeout=max(0.0, min(0.1, nearest)))
        for worker in busy:
            task = worker.task
            assert task is not None
            if worker.conn in ready:
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    logger.info("the extractor process died on %s; starting another", task.path)
                    pool.replace(worker)
                    yield _Done(task, error=f"{task.path}: the extractor crashed on this file")
                    continue
                if message == (_STARTED,):
                    worker.started, worker.running = time.monotonic(), True
                    continue
                _, kind, value, text_signature = message
                worker.task = None
                yield _done(task, kind, value, text_signature)
            elif time.monotonic() > worker.deadline(self.time_limit):
                logger.info(
                    "%s took more than %g s; stopping its extractor process", task.path, self.time_limit
                )
                pool.replace(worker)
                yield _Done(
                    task, error=f"{task.path}: took too long (more than {self.time_limit:g} s); skipped"
                )
            if cancel.is_set():
                return

    def _commit(self, batch: list[_Done]) -> list[ImportResult]:
        """Store a batch in one transaction (the index catches up later, from the store's queue)."""
        results: list[ImportResult] = []
        replaced_hashes: list[str] = []
        with self.store.transaction() as conn:
            for done in batch:
                # A savepoint per article: one article the store refuses fails alone, not its batch.
                conn.execute("SAVEPOINT article")
                try:
                    result, replaced = self._store_one(conn, done)
                except (StorageError, sqlite3.Error, ValueError, OSError) as exc:
                    logger.info("could not store %s", done.task.path, exc_info=True)
                    conn.execute("ROLLBACK TO article")
                    result, replaced = (
                        _failed(done.task.path, f"{shown(done.task.path)}: could not store it ({exc})"),
                        None,
                    )
                conn.execute("RELEASE article")
                results.append(result)
                if replaced:
                    replaced_hashes.append(replaced)
        for content_hash in replaced_hashes:
            if not self.store.holds_original(content_hash):
                self.originals.delete(content_hash)
        return results

    def _store_one(self, conn: sqlite3.Connection, done: _Done) -> tuple[ImportResult, str | None]:
        """Store one extracted article; returns its result and the content hash it replaced, if any."""
        article, task = done.article, done.task
        assert article is not None
        source = shown(task.path)
        data = _read_unchanged(task)
        if data is None:
            return _failed(task.path, f"{source}: the file changed or vanished while importing"), None
        article.content_hash = task.content_hash
        existing = self.store.id_for_hash(task.content_hash)
        if existing is not None:
            if self.trash.take_out(conn, [existing]):
                note = "restored from the trash (it had been removed)"
                return ImportResult(source, ImportStatus.IMPORTED, existing, article.title, note=note), None
            return ImportResult(source, ImportStatus.DUPLICATE, existing, article.title), None
        self.originals.put(task.content_hash, data)
        title = article.title or shown(task.path.name)
        same_url = self.store.id_for_url(article.url) if article.url else None
        if same_url is not None:
            earlier = self.store.get(same_url)
            worse = worse_than(article, earlier)
            if worse is not None:  # never make an article worse: keep it, and keep the new file beside it
                self.store.keep_original(
                    conn,
                    same_url,
                    task.content_hash,
                    source,
                    article.url,
                    f"a later save kept aside: {worse}",
                )
                kept = f"kept the earlier version: {worse}"
                return ImportResult(source, ImportStatus.KEPT, same_url, earlier.title, note=kept), None
            self.store.replace_extracted(conn, same_url, article, source, done.signature)
            moved = reanchor_article(conn, same_url, earlier.text, article.text)
            remark = no_text_note(article) or reanchored_note(moved)
            result = ImportResult(source, ImportStatus.UPDATED, same_url, title, note=remark)
            return result, earlier.content_hash
        article_id = self.store.insert_article(conn, article, source, done.signature)
        remark = no_text_note(article) or self._looks_like(article_id, done.signature)
        return ImportResult(source, ImportStatus.IMPORTED, article_id, title, note=remark), None

    def _looks_like(self, article_id: int, text_signature: TextSignature | None) -> str | None:
        """A note naming the article the new one looks like a duplicate of, if any."""
        if text_signature is None:
            return None
        similar = self.duplicates.similar_to(article_id, text_signature)
        if not similar:
            return None
        other, likeness = similar[0]
        title = (
            next((hit[0].get("title") for hit in self.store.summaries([other]).values()), None) or "untitled"
        )
        return f"looks like a duplicate of article {other} (“{title}”, {round(likeness * 100)} % alike)"


def _read_unchanged(task: _Task) -> bytes | None:
    try:
        data = task.path.read_bytes()
    except OSError:
        return None
    return data if sha256_hex(data) == task.content_hash else None


class _Progress:
    def __init__(self, total: int, callback: Callable[[ImportProgress], None] | None) -> None:
        self.total = total
        self.done = 0
        self.current = ""
        self.callback = callback
        self.started = time.monotonic()

    def report(self, path: str) -> None:
        self.done += 1
        if self.callback is None:
            return
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.done / elapsed
        remaining = self.total - self.done
        eta = remaining / rate if rate > 0 else None
        self.callback(
            ImportProgress(done=self.done, total=self.total, current=path, rate=rate, eta_seconds=eta)
        )
