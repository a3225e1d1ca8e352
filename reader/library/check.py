"""``offprint check``: is the store, the index and the originals folder consistent?

The store is the truth.  The index is compared to it (generation and ids) and
rebuilt on repair; originals are compared to the articles' content hashes: an
orphan original or a temporary file left by a crash is deleted on repair, a
missing original is copied back from its source file when that file still has
the same bytes.  Damage inside the database itself is reported, never "repaired".  A rebuild of the
index running in another process is reported as such (check again when it is done) and left alone.
Articles whose page gave no text are listed as notes (they are in the library, marked "no text found");
a mark that does not match the article's text is a problem, fixed on repair.  A highlight whose offsets no
longer cover its quote is a problem, placed again by its quote on repair; orphaned highlights are a note.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.errors import StorageError
from reader.library.annotation_store import place_again
from reader.library.index.manager import rebuild_in_progress
from reader.library.originals import sha256_hex

if TYPE_CHECKING:
    from reader.library.facade import Library

logger = logging.getLogger(__name__)


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # worth knowing, not wrong (e.g. articles with no text)

    @property
    def ok(self) -> bool:
        """True when nothing is (still) wrong."""
        return not self.problems


def check_library(library: Library, *, repair: bool = False) -> CheckReport:
    report = CheckReport()
    try:
        database_problems = library.store.integrity_problems()
    except StorageError as exc:  # damage bad enough that SQLite cannot even walk the file
        logger.info("the integrity check of %s failed", library.store.path, exc_info=True)
        database_problems = [str(exc.__cause__ or exc)]
    if database_problems:
        report.problems += [f"database: {p}" for p in database_problems[:20]]
        report.problems.append(
            f"the database {library.store.path} is damaged: restore it from a backup (it was not changed)"
        )
        return report
    _check_originals(library, report, repair)
    _check_attention(library, report, repair)
    _check_highlights(library, report, repair)
    pid = rebuild_in_progress(library.folder)
    if pid is not None:
        holder = f" (process {pid})" if pid else ""
        report.problems.append(
            f"index: a rebuild is in progress in another Offprint{holder}; run the check again when it "
            "has finished"
        )
        return report
    _check_index(library, report, repair)
    return report


def _first_ids(ids: Sequence[int], limit: int = 10) -> str:
    """The first ``limit`` article ids for a note, "…" when there are more."""
    return ", ".join(str(i) for i in ids[:limit]) + (" …" if len(ids) > limit else "")


def _check_attention(library: Library, report: CheckReport, repair: bool) -> None:
    empty = library.store.needs_attention("no-text")
    if empty:
        shown = _first_ids(sorted(empty))
        report.notes.append(
            f"{len(empty)} article(s) have no article text (marked “no text found”, under Needs "
            f"Attention): {shown}"
        )
    wrong = library.store.attention_problems()
    if not wrong:
        return
    problem = f"store: {len(wrong)} article(s) with a wrong “needs attention” mark (e.g. {wrong[0][0]})"
    if not repair:
        report.problems.append(problem)
        return
    with library.store.transaction() as conn:
        for article_id, right in wrong:
            conn.execute("UPDATE articles SET attention = ? WHERE id = ?", (right, article_id))
    report.repaired.append(f"{problem} — marked them again from their text and repair report")


def _check_highlights(library: Library, report: CheckReport, repair: bool) -> None:
    """Every placed highlight covers its quote on its article's text; orphaned ones are worth a note."""
    orphaned = library.marks.orphaned()
    if orphaned:
        shown = _first_ids(orphaned)
        report.notes.append(
            f"{len(orphaned)} article(s) have highlights no longer found in their text (kept, listed as "
            f"orphaned): {shown}"
        )
    wrong = library.marks.misplaced()
    if not wrong:
        return
    problem = f"store: {len(wrong)} highlight(s) not on the passage they quote (e.g. highlight {wrong[0][0]})"
    if not repair:
        report.problems.append(problem)
        return
    with library.store.transaction() as conn:
        for article_id in sorted({article for _, article in wrong}):
            place_again(conn, [h for h, a in wrong if a == article_id], library.store.text(article_id))
    report.repaired.append(f"{problem} — placed them again by their quotes")


def _check_index(library: Library, report: CheckReport, repair: bool) -> None:
    problems: list[str] = []
    out_of_step = library.index.in_step()
    if out_of_step and not library.index.temporary:
        problems.append(f"index: {out_of_step}")
    stored = set(library.store.all_ids())
    indexed = library.index.engine.all_ids()
    missing, extra = stored - indexed, indexed - stored
    if missing:
        problems.append(f"index: {len(missing)} article(s) not in the index (e.g. {sorted(missing)[:5]})")
    if extra:
        problems.append(
            f"index: {len(extra)} removed article(s) still in the index (e.g. {sorted(extra)[:5]})"
        )
    leftovers = [p for p in library.index.folder.parent.glob("*.building")] + [
        p for p in library.index.folder.parent.glob("*.old")
    ]
    if leftovers:
        problems.append(
            f"index: {len(leftovers)} unfinished rebuild folder(s) in {library.index.folder.parent}"
        )
    if not problems:
        return
    if not repair:
        report.problems += problems
        return
    for leftover in leftovers:
        shutil.rmtree(leftover, ignore_errors=True)
    library.index.rebuild()
    report.repaired += [f"{p} — rebuilt the index from the store" for p in problems]


def _check_originals(library: Library, report: CheckReport, repair: bool) -> None:
    hashes = library.store.hashes()
    on_disk = set(library.originals.stored_hashes())
    for content_hash, article_id in sorted(hashes.items(), key=lambda item: item[1]):
        if content_hash in on_disk:
            continue
        problem = f"originals: the original file of article {article_id} is missing"
        if repair and _restore_original(library, article_id, content_hash):
            report.repaired.append(f"{problem} — copied it back from its source file")
        else:
            report.problems.append(problem)
    orphans = sorted(on_disk - set(hashes))
    if orphans:
        problem = f"originals: {len(orphans)} file(s) belong to no article (left by an interrupted import)"
        if repair:
            for content_hash in orphans:
                library.originals.delete(content_hash)
            report.repaired.append(f"{problem} — deleted them")
        else:
            report.problems.append(problem)
    leftovers = library.originals.leftovers()
    if leftovers:
        problem = f"originals: {len(leftovers)} temporary file(s) left by an interrupted import"
        if repair:
            for path in leftovers:
                path.unlink(missing_ok=True)
            report.repaired.append(f"{problem} — deleted them")
        else:
            report.problems.append(problem)


def _restore_original(library: Library, article_id: int, content_hash: str) -> bool:
    source = library.store.get(article_id).source_path
    try:
        with open(source, "rb") as handle:
            data = handle.read()
    except OSError:
        return False
    if sha256_hex(data) != content_hash:
        return False
    library.originals.put(content_hash, data)
    return True
