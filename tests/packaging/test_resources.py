"""reader.resources: the app's own files are found in a checkout and in a PyInstaller bundle alike."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader import resources
from reader.resources import resource_path, sample_corpus_path

ROOT = Path(__file__).resolve().parents[2]


def test_in_a_checkout_resources_and_corpus_are_the_repository_folders() -> None:
    assert resource_path("icons", "offprint.svg") == ROOT / "resources" / "icons" / "offprint.svg"
    assert resource_path("icons", "offprint.svg").is_file()
    assert resource_path() == ROOT / "resources"
    assert sample_corpus_path() == ROOT / "corpus"


def test_in_a_bundle_the_bundled_copy_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    (tmp_path / "resources" / "icons" / "offprint.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("icons", "offprint.svg") == tmp_path / "resources" / "icons" / "offprint.svg"
    assert sample_corpus_path() == tmp_path / "corpus"


def test_a_missing_file_is_reported_where_it_should_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    missing = resource_path("styles", "nothing-here.css")
    assert missing == tmp_path / "resources" / "styles" / "nothing-here.css"
    assert not missing.exists()


def test_an_installed_package_finds_its_share_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "share" / "offprint" / "resources" / "icons"
    shared.mkdir(parents=True)
    (shared / "only-installed.svg").write_text("<svg/>", encoding="utf-8")
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    monkeypatch.setattr(resources, "_PACKAGE_PARENT", tmp_path / "site-packages")
    assert resource_path("icons", "only-installed.svg") == shared / "only-installed.svg"


def test_the_module_has_exactly_its_two_functions_and_no_qt() -> None:
    assert resources.__all__ == ["resource_path", "sample_corpus_path"]
    code = "import sys, reader.resources; sys.exit('PySide6' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0
