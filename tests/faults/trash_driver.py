"""Removes articles to the trash, empties part of it and restores the rest, SIGKILLing itself at a chosen
point: the trash's deterministic crash (the same kill points as ``crash_driver.py``, plus each original
file deleted).

``python trash_driver.py LIBRARY count`` runs the sequence and prints, as its last line, the JSON list of
the points it passed; ``python trash_driver.py LIBRARY kill N`` dies at point N.  The sequence: remove the
edited article and the two "Tide log" pages, empty the trash of those two pages, restore the edited one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import crash_driver

from reader.library import originals
from reader.library.facade import Library


def doomed(library: Library) -> tuple[int, list[int]]:
    """(the edited article, the two pages to delete for good)."""
    edited = next(h.id for h in library.search("harbour").hits)
    pages = [h.id for h in library.search('"tide log"', limit=2).hits]
    return edited, sorted(pages)


def main() -> None:
    folder, mode = sys.argv[1], sys.argv[2]
    crash_driver._kill_at = int(sys.argv[3]) if mode == "kill" else None
    crash_driver._install()
    crash_driver._patch(originals.Originals, "delete", "originals delete")
    library = Library.open(folder)
    edited, pages = doomed(library)
    crash_driver._armed = True
    library.remove([edited, *pages])
    library.empty_trash(pages)
    library.restore([edited])
    library.close()
    crash_driver._armed = False
    print(json.dumps(crash_driver._passed))


if __name__ == "__main__":
    main()
