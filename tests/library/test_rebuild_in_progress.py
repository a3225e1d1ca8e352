"""A rebuild of the index running in another process is a state readers and `offprint check` see.

The rebuild runs in a real second process (``rebuild_driver.py``) held mid-way by a gate file: readers
search the last good index, or, when there is none, wait for the rebuild instead of building their own.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import cli
from reader.library import Library
from reader.library.index.manager import rebuild_in_progress

DRIVER = Path(__file__).resolve().parent / "rebuild_driver.py"
pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def rebuild(filled: Library, tmp_path: Path) -> Iterator[tuple[Path, Path, list[subprocess.Popen[str]]]]:
    folder, gate = filled.folder, tmp_path / "gate"
    filled.close()
    started: list[subprocess.Popen[str]] = []
    yield folder, gate, started
    gate.touch()
    for process in started:
        process.wait(timeout=60)


def _start(
    folder: Path, gate: Path, mode: str, started: list[subprocess.Popen[str]]
) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), str(folder), str(gate), mode], stdout=subprocess.PIPE, text=True
    )
    started.append(process)
    assert process.stdout is not None and process.stdout.readline().strip() == "building"
    deadline = time.monotonic() + 30
    while rebuild_in_progress(folder) is None:
        assert time.monotonic() < deadline, "the rebuild never showed as running"
        time.sleep(0.05)
    return process


def test_readers_search_the_last_good_index_while_another_process_reindexes(
    rebuild: tuple[Path, Path, list[subprocess.Popen[str]]], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, gate, started = rebuild
    process = _start(folder, gate, "reindex", started)
    assert rebuild_in_progress(folder) == process.pid
    with Library.open(folder, if_locked="read-only") as reader:
        assert not reader.index.temporary  # no private index of its own
        assert any("being rebuilt by another Offprint" in n and str(process.pid) in n for n in reader.notices)
        assert reader.search("arctic").total == 2
    assert cli.main(["check", "--library", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"a rebuild is in progress in another Offprint (process {process.pid})" in out
    assert "damaged" not in out
    gate.touch()
    assert process.wait(timeout=60) == 0
    assert rebuild_in_progress(folder) is None
    assert cli.main(["check", "--library", str(folder)]) == 0


def test_a_reader_with_no_index_waits_for_the_rebuild_instead_of_building_its_own(
    rebuild: tuple[Path, Path, list[subprocess.Popen[str]]],
) -> None:
    folder, gate, started = rebuild
    shutil.rmtree(folder / "index" / "whoosh", ignore_errors=True)
    shutil.rmtree(folder / "index" / "tantivy", ignore_errors=True)
    process = _start(folder, gate, "open", started)
    opened: list[Library] = []
    reader = threading.Thread(target=lambda: opened.append(Library.open(folder, if_locked="read-only")))
    reader.start()
    time.sleep(1.0)
    assert not opened, "the reader did not wait for the rebuild"
    gate.touch()
    reader.join(timeout=60)
    assert process.wait(timeout=60) == 0
    (library,) = opened
    try:
        assert not library.index.temporary
        assert any(n.startswith("waited") and "index rebuild" in n for n in library.notices)
        assert library.search("arctic").total == 2
    finally:
        library.close()
