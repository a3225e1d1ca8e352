"""Rebuilds a library's index in a process of its own, held open mid-way: the other side of the tests of a
rebuild seen from another process.

``python rebuild_driver.py LIBRARY GATE reindex`` runs ``Library.reindex()``; ``… open`` opens a library
whose index is missing (the writer rebuilds it on open).  Either way the bulk load of the new index
waits until the file GATE exists, so the test decides how long the rebuild runs.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from reader.library.facade import Library
from reader.library.index import manager


def main() -> None:
    folder, gate, mode = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    make = manager.make_engine

    def slow_engine(engine: str, where: Path, *, create: bool) -> Any:
        index = make(engine, where, create=create)
        if create:
            load = index.add_many

            def add_many(docs: Any, on_batch: Any = None) -> None:
                print("building", flush=True)
                while not gate.exists():
                    time.sleep(0.05)
                load(docs, on_batch)

            index.add_many = add_many
        return index

    manager.make_engine = slow_engine
    library = Library.open(folder)
    if mode == "reindex":
        library.reindex()
    library.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
