"""Where a library lives: ``--library DIR``, else ``$OFFPRINT_LIBRARY``, else the platform's data folder.

Also names the files inside a library folder, so every module agrees on the layout.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "OFFPRINT_LIBRARY"
DATABASE_NAME = "library.sqlite3"
LOCK_NAME = ".writer.lock"


def resolve_library_folder(folder: str | os.PathLike[str] | None = None) -> Path:
    """The library folder the user asked for, made absolute (not created here)."""
    if folder:
        return Path(folder).expanduser().resolve()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser().resolve()
    return Path(platformdirs.user_data_dir("Offprint", appauthor=False)).resolve()


def database_path(folder: Path) -> Path:
    return folder / DATABASE_NAME


def lock_path(folder: Path) -> Path:
    return folder / LOCK_NAME


def originals_folder(folder: Path) -> Path:
    return folder / "originals"


def index_folder(folder: Path, engine: str) -> Path:
    return folder / "index" / engine


def rebuild_lock_path(folder: Path) -> Path:
    """Held (``flock``) by the process rebuilding the index, for as long as the rebuild runs."""
    return folder / "index" / ".rebuild.lock"


def styles_folder(folder: Path) -> Path:
    return folder / "styles"


def styles_folder_for(folder: str | os.PathLike[str] | None = None) -> Path:
    """The user's CSL styles folder of the library named as ``--library`` names it (not created here).

    For callers that format citations without opening the library (``offprint cite --csl-json``).
    """
    return styles_folder(resolve_library_folder(folder))
