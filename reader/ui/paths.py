"""Where the app's bundled files live, in a checkout and in a PyInstaller bundle alike."""

from __future__ import annotations

import sys
from pathlib import Path


def bundle_root() -> Path:
    """The folder holding ``resources/`` and ``corpus/``: the repo root, or ``sys._MEIPASS`` when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    """A file under ``resources/`` (it may not exist; callers check)."""
    return bundle_root().joinpath("resources", *parts)


def sample_corpus() -> Path | None:
    """The bundled sample corpus folder, or None when this build ships without one."""
    folder = bundle_root() / "corpus"
    if folder.is_dir() and any(folder.iterdir()):
        return folder
    return None


def read_resource_text(*parts: str, default: str = "") -> str:
    """The text of a resource file, or ``default`` when it is missing (the app still runs)."""
    path = resource_path(*parts)
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return default
