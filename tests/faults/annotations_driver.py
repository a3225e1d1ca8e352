"""Highlights, notes and collections in flight, SIGKILLing itself at a chosen point: the reading data's
deterministic crash (the same kill points as ``crash_driver.py``).

``python annotations_driver.py LIBRARY PAGES count`` runs the sequence and prints, as its last line, the
JSON list of the points it passed; ``python annotations_driver.py LIBRARY PAGES kill N`` dies at point N.
The sequence: highlight a passage with a comment, change a comment, delete a highlight, add a note, put
the article in a collection, import a newer save of it (its highlights placed again inside the import's
transaction) with five more pages, and empty the trash of a page that has a highlight.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import crash_driver

from reader.library import importer
from reader.library.facade import Library

#: The comments the sequence writes (a test searches for each word with ``note:``).
NEW_COMMENT, CHANGED_COMMENT, NOTE_TEXT = "lighthouse", "breakwater", "tugboats"


def main() -> None:
    folder, pages, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    crash_driver._kill_at = int(sys.argv[4]) if mode == "kill" else None
    importer.DEFAULT_EXTRACTOR = "fault_extract:extract_file"
    importer.BATCH_SIZE = 2
    importer.BATCH_SECONDS = 1e9
    importer.INDEX_SECONDS = 0.0
    crash_driver._install()
    library = Library.open(folder)
    harbour = next(h.id for h in library.search("harbour").hits)
    [before] = library.annotations(harbour)
    crash_driver._armed = True
    made = library.annotate_quote(harbour, "port authority", comment=NEW_COMMENT, colour="blue")
    library.update_annotation(before.id, comment=CHANGED_COMMENT)
    library.delete_annotation(made.id)
    library.add_note(harbour, f"Ask the {NOTE_TEXT} crews")
    reading = library.create_collection("Harbour reading")
    library.add_to_collection([harbour], reading.id)
    for result in library.import_paths([pages], workers=1, on_progress=lambda progress: None):
        assert result.error is None, result.error
    tide = next(h.id for h in library.search('"tide log"', limit=1).hits)
    library.annotate_quote(tide, "Walrus sightings", comment="gone with the trash")
    library.remove([tide])
    library.empty_trash()
    library.close()
    crash_driver._armed = False
    print(json.dumps(crash_driver._passed))


if __name__ == "__main__":
    main()
