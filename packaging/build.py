"""Build the one-folder Offprint app: ``dist/offprint/`` (what ``make package`` runs first).

Owns the build step only: it runs PyInstaller on ``packaging/offprint.spec`` with the
project's fixed output folders, adds the freedesktop files (``share/applications``,
``share/metainfo``, ``share/icons/hicolor``) beside the executable so the folder can be
installed as a desktop application, and prints how long the build took and how big the
app is.  ``packaging/smoke_test.py`` then checks that the result starts.

    .venv/bin/python packaging/build.py [--clean]

Exit status: 0 built, 1 the build failed (PyInstaller's own message is above ours).
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "offprint.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP_DIR = DIST / "offprint"
APP_ID = "io.github.offprint.Offprint"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Build dist/offprint/ with PyInstaller.")
    parser.add_argument(
        "--clean", action="store_true", help="discard PyInstaller's cache and build from scratch"
    )
    return parser.parse_args(argv)


def require_pyinstaller() -> None:
    """Stop with the install command when PyInstaller is not in this environment."""
    if importlib.util.find_spec("PyInstaller") is None:
        raise SystemExit(
            "build: PyInstaller is not installed in this environment "
            f"({sys.executable}).\n  Install it with: {sys.executable} -m pip install -e '.[package]'"
        )


def run_pyinstaller(clean: bool) -> None:
    command = [
        sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
        "--distpath", str(DIST), "--workpath", str(WORK),
    ]  # fmt: skip
    if clean:
        command.append("--clean")
    print("build:", " ".join(command), flush=True)
    if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
        raise SystemExit("build: PyInstaller failed (its message is above)")


def add_desktop_integration(app_dir: Path) -> None:
    """Copy the .desktop file, the AppStream metainfo and the icons into ``<app>/share``."""
    share = app_dir / "share"
    linux = ROOT / "packaging" / "linux"
    targets = {
        linux / f"{APP_ID}.desktop": share / "applications",
        linux / f"{APP_ID}.metainfo.xml": share / "metainfo",
    }
    for source, folder in targets.items():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, folder / source.name)
    icons = share / "icons" / "hicolor"
    shutil.copytree(ROOT / "resources" / "icons" / "hicolor", icons, dirs_exist_ok=True)
    scalable = icons / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "resources" / "icons" / "offprint.svg", scalable / f"{APP_ID}.svg")


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    require_pyinstaller()
    started = time.monotonic()
    run_pyinstaller(args.clean)
    add_desktop_integration(APP_DIR)
    elapsed = time.monotonic() - started
    size_mb = folder_size(APP_DIR) / 1e6
    print(f"build: {APP_DIR.relative_to(ROOT)}/ built in {elapsed:.0f} s, {size_mb:.0f} MB")
    print(
        "build: to install it for yourself (menu entry, icon, `offprint` on PATH):\n"
        f"  ln -sf {APP_DIR}/offprint ~/.local/bin/offprint && cp -r {APP_DIR}/share/. ~/.local/share/"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
