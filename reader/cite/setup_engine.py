"""Install the citation engine's JavaScript (citeproc-js) from the npm registry.

Offprint formats citations with citeproc-js, the CSL processor inside Zotero,
run in an embedded V8 (mini-racer).  Its JavaScript is never copied into the
repository: the project's install step fetches the pinned npm package into the
virtual environment::

    .venv/bin/python -m reader.cite.setup_engine

which runs ``npm install --prefix <venv>/share/offprint/citeproc citeproc@<pin>``.
At run time :func:`reader.cite.engine.find_citeproc_js` looks there (after the
``OFFPRINT_CITEPROC_JS`` environment variable).  Running it again when the
pinned version is already installed does nothing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

CITEPROC_PACKAGE = "citeproc"
CITEPROC_VERSION = "2.4.63"  # citeproc-js 1.4.63; bump deliberately, with the expected strings in tests/cite
ENGINE_FILE = "citeproc_commonjs.js"


def default_install_dir(prefix: str | Path | None = None) -> Path:
    """``<venv>/share/offprint/citeproc``: where the npm package is installed."""
    return Path(prefix if prefix is not None else sys.prefix) / "share" / "offprint" / "citeproc"


def engine_path(install_dir: Path) -> Path:
    """The CommonJS build of citeproc-js inside an install folder."""
    return install_dir / "node_modules" / CITEPROC_PACKAGE / ENGINE_FILE


def installed_version(install_dir: Path) -> str | None:
    """The citeproc version installed in ``install_dir``, or None."""
    manifest = install_dir / "node_modules" / CITEPROC_PACKAGE / "package.json"
    try:
        return str(json.loads(manifest.read_text(encoding="utf-8")).get("version"))
    except (OSError, ValueError):
        return None


def install(install_dir: Path, *, force: bool = False) -> Path:
    """Install the pinned citeproc into ``install_dir`` with npm; return the engine file.

    Raises RuntimeError with an actionable message when npm is missing or fails.
    """
    target = engine_path(install_dir)
    if not force and target.is_file() and installed_version(install_dir) == CITEPROC_VERSION:
        return target
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(
            "npm is needed once to install the citation engine (citeproc-js); install Node.js/npm "
            "(e.g. `apt-get install npm`) and run `python -m reader.cite.setup_engine` again"
        )
    install_dir.mkdir(parents=True, exist_ok=True)
    command = [
        npm,
        "install",
        "--prefix",
        str(install_dir),
        "--no-audit",
        "--no-fund",
        "--save-exact",
        f"{CITEPROC_PACKAGE}@{CITEPROC_VERSION}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not target.is_file():
        raise RuntimeError(
            f"`{' '.join(command)}` failed (exit {result.returncode}): {result.stderr.strip()[-800:]}"
        )
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reader.cite.setup_engine",
        description=f"Install citeproc-js ({CITEPROC_PACKAGE}@{CITEPROC_VERSION}) for Offprint's citations.",
    )
    parser.add_argument("--prefix", type=Path, default=None, help="install folder (default: %(default)s)")
    parser.add_argument("--force", action="store_true", help="reinstall even when the pin is present")
    args = parser.parse_args(argv)
    install_dir = args.prefix if args.prefix is not None else default_install_dir()
    try:
        path = install(install_dir, force=args.force)
    except RuntimeError as exc:
        print(f"setup_engine: {exc}", file=sys.stderr)
        return 1
    print(f"citeproc-js {CITEPROC_VERSION}: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
