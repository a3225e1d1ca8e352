"""The shape the developers' guide asks for: Qt in reader/ui only, no module over 600 lines."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
READER = ROOT / "reader"
# The team's rule: a module longer than this does more than one job; split it by job.
MAX_MODULE_LINES = 600


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _non_ui_sources() -> list[Path]:
    return [p for p in READER.rglob("*.py") if "ui" not in p.relative_to(READER).parts[:1]]


@pytest.mark.parametrize("path", _non_ui_sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_qt_outside_ui(path: Path) -> None:
    qt = {m for m in _imported_modules(path) if m.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"}}
    assert not qt, f"{path.relative_to(ROOT)} imports {sorted(qt)}; only reader/ui/ may use Qt"


def test_core_imports_without_qt() -> None:
    """Importing the headless core must not load PySide6 (the CLI and workers stay light)."""
    code = (
        "import sys, importlib, pkgutil, reader\n"
        "for m in pkgutil.walk_packages(reader.__path__, 'reader.'):\n"
        "    if not m.name.startswith('reader.ui') and not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"PySide6 modules loaded by the core: {out.stdout.strip()}"


def _line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_the_line_limit() -> None:
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in sorted(READER.rglob("*.py"))
        if (lines := _line_count(path)) > MAX_MODULE_LINES
    }
    named = ", ".join(f"{path} ({lines} lines)" for path, lines in too_long.items())
    assert not too_long, f"over {MAX_MODULE_LINES} lines, split by job: {named}"
