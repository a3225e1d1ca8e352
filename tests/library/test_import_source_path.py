"""Where an article came from is shown to the user: it must be a clean absolute path."""

from __future__ import annotations

import os
from pathlib import Path

from reader.library.facade import Library

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tide gauges</title></head>
<body><article><h1>Tide gauges</h1><p>The harbour's tide gauge was replaced after forty years of
service, and the old brass float now stands in the museum by the ferry terminal.</p>
<p>Its records, kept by hand until 1987, are being typed up by volunteers.</p></article></body></html>"""


def test_a_relative_path_with_dot_dot_is_stored_clean_and_absolute(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "tide.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    with Library.open(tmp_path / "lib") as library:
        (result,) = list(library.import_paths([os.path.join("..", "saved", "tide.html")], workers=1))
        article = library.get(result.article_id)
    assert article.source_path == str(tmp_path / "saved" / "tide.html")
