"""Finding and running the citation engine: install hints, locales of dependent styles, closing."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest

from reader.cite.engine import ENV_VAR, CiteprocRuntime, find_citeproc_js
from reader.cite.facade import Citer, shutdown_engine
from reader.cite.setup_engine import CITEPROC_VERSION, default_install_dir, install, installed_version
from reader.errors import CitationError

DEPENDENT = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="de-DE">
  <info>
    <title>Lab style (APA, German)</title>
    <id>http://www.zotero.org/styles/lab-apa-de</id>
    <link href="http://www.zotero.org/styles/apa" rel="independent-parent"/>
  </info>
</style>
"""


def test_missing_engine_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "nowhere.js"))
    with pytest.raises(CitationError, match=r"reader\.cite\.setup_engine"):
        find_citeproc_js()
    shutdown_engine()  # the shared runtime would otherwise still be running
    try:
        with pytest.raises(CitationError, match=r"no citeproc_commonjs\.js.*setup_engine"):
            Citer().citation([{"type": "webpage", "title": "x"}], "apa")
    finally:
        shutdown_engine()


def test_engine_found_through_the_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    installed = find_citeproc_js()
    monkeypatch.setenv(ENV_VAR, str(installed.parent))  # a folder holding the file works too
    assert find_citeproc_js() == installed


def test_setup_step_is_a_no_op_when_the_pin_is_installed() -> None:
    folder = default_install_dir()
    assert installed_version(folder) == CITEPROC_VERSION, "run `.venv/bin/python -m reader.cite.setup_engine`"
    assert install(folder) == find_citeproc_js()


def test_dependent_style_formats_with_its_parent_in_its_own_locale(
    tmp_path: Path, prio_item: dict[str, Any]
) -> None:
    (tmp_path / "lab-apa-de.csl").write_text(DEPENDENT, encoding="utf-8")
    undated = {k: v for k, v in prio_item.items() if k != "issued"}
    with Citer([tmp_path]) as citer:
        assert citer.resolve_style("lab-apa-de").title == "Lab style (APA, German)"
        assert citer.citation([undated], "lab-apa-de") == "(Baev, o.\u00a0J.)"
        assert citer.citation([undated], "apa") == "(Baev, n.d.)"


def test_dependent_style_without_its_parent_is_a_clear_error(
    tmp_path: Path, prio_item: dict[str, Any]
) -> None:
    (tmp_path / "orphan.csl").write_text(
        DEPENDENT.replace("styles/apa", "styles/no-such-parent"), encoding="utf-8"
    )
    with Citer([tmp_path]) as citer, pytest.raises(CitationError, match=r"no-such-parent.*not installed"):
        citer.bibliography([prio_item], "orphan")


def test_closed_runtime_refuses_work() -> None:
    runtime = CiteprocRuntime()
    runtime.close()
    runtime.close()  # idempotent
    with pytest.raises(CitationError, match="closed"):
        runtime.citation("apa", [], "text", 0)


def test_engine_restarts_after_shutdown(prio_item: dict[str, Any]) -> None:
    citer = Citer()
    assert citer.citation([prio_item], "ieee") == "[1]"
    shutdown_engine()
    assert citer.citation([prio_item], "ieee") == "[1]"


def test_edited_user_style_is_rebuilt(tmp_path: Path, prio_item: dict[str, Any]) -> None:
    path = tmp_path / "mine.csl"
    path.write_text(DEPENDENT, encoding="utf-8")
    citer = Citer([tmp_path])
    assert citer.citation([prio_item], "mine") == "(Baev, 2026)"
    path.write_text(DEPENDENT.replace("styles/apa", "styles/ieee"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert citer.citation([prio_item], "mine") == "[1]"


def test_citer_works_from_worker_threads(prio_item: dict[str, Any]) -> None:
    citer = Citer()
    expected = citer.citation([prio_item], "apa")
    results: list[str] = []
    workers = [
        threading.Thread(target=lambda: results.append(citer.citation([prio_item], "apa"))) for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert results == [expected] * 4
