"""Other extractors behind the scorers' command contract, to compare Offprint with on the same run.

    python -m benchmarks.reference_extractors trafilatura PAGE...
    python -m benchmarks.reference_extractors htmldate PAGE...

Prints one JSON object per page (``path``, ``title``, ``authors``, ``date``, ``site``, ``text``, ``error``),
as ``offprint extract --json`` does, so ``../shared/tools/score_extraction.py --cmd`` and
``score_dates.py`` can score them.  ``trafilatura`` is its default extraction (comments left out) with
its metadata; ``htmldate`` gives only the date (``find_date(..., original_date=True,
extensive_search=True)``).  The bytes are decoded by Offprint's decoder for both.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from reader.ingest import decode_bytes


def trafilatura_row(text: str) -> dict[str, Any]:
    import trafilatura

    document = trafilatura.bare_extraction(text, include_comments=False, with_metadata=True)
    if document is None:
        return {"title": None, "authors": [], "date": None, "site": None, "text": ""}
    found = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    author = found.get("author") or ""
    return {
        "title": found.get("title"),
        "authors": [name.strip() for name in author.split(";") if name.strip()],
        "date": found.get("date"),
        "site": found.get("sitename"),
        "text": found.get("text") or "",
    }


def htmldate_row(text: str) -> dict[str, Any]:
    from htmldate import find_date

    date = find_date(text, original_date=True, extensive_search=True)
    return {"title": None, "authors": [], "date": date, "site": None, "text": ""}


def main(argv: list[str]) -> int:
    name, paths = argv[0], argv[1:]
    extract = {"trafilatura": trafilatura_row, "htmldate": htmldate_row}[name]
    for path in paths:
        row: dict[str, Any] = {"path": path, "error": None}
        try:
            row |= extract(decode_bytes(Path(path).read_bytes()).text)
        except Exception as exc:  # a failure on one page is that page's error, as offprint reports it
            row |= {"title": None, "authors": [], "date": None, "site": None, "text": "", "error": str(exc)}
        print(json.dumps(row, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
