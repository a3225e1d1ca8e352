"""Where Offprint's own files are: ``resources/`` and the sample ``corpus/``.

Owns one question — "where is the bundled file X?" — answered the same way in a
source checkout, an installed package and a PyInstaller bundle, so no other
module needs to know how Offprint was installed.  No Qt here: the CLI, the
library and the UI all use it.

Search order for each root (``resources`` or ``corpus``):

1. a PyInstaller bundle: ``sys._MEIPASS/<root>`` (the spec copies both there);
2. a source checkout or editable install: ``<repository>/<root>`` next to ``reader/``;
3. an installed package: ``<sys.prefix>/share/offprint/<root>``.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["resource_path", "sample_corpus_path"]

_PACKAGE_PARENT = Path(__file__).resolve().parent.parent


def _candidate_roots(name: str) -> list[Path]:
    """Every folder that may hold the bundled ``name`` folder, most specific first."""
    roots = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle) / name)
    roots.append(_PACKAGE_PARENT / name)
    roots.append(Path(sys.prefix) / "share" / "offprint" / name)
    return roots


def _find(name: str, parts: tuple[str, ...]) -> Path:
    """The first existing ``<root>/<parts>``; else where it would be under the first root that exists."""
    roots = _candidate_roots(name)
    for root in roots:
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    existing = next((root for root in roots if root.is_dir()), roots[0])
    return existing.joinpath(*parts)


def resource_path(*parts: str) -> Path:
    """The path of ``resources/<parts...>`` (``resource_path()`` is the folder itself).

    Always returns a path; it exists when the file was shipped.  Callers that
    need the file should check ``.exists()`` and tell the user what is missing.
    """
    return _find("resources", parts)


def sample_corpus_path() -> Path:
    """The folder of the bundled sample articles (``corpus/``)."""
    return _find("corpus", ())
