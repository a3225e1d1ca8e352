"""``python -m reader.ui.qtcheck``: can Qt open a window here?  If not, name the missing system libraries.

Qt aborts the whole process when its platform plugin cannot load, so the check starts Qt in a child
process.  On failure it runs ``ldd`` on the platform plugin, maps each missing library to its Debian/
Ubuntu package and prints the ``apt-get install`` line; exit status 1.  ``make run`` calls this first.
"""

from __future__ import annotations

import ctypes.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Missing shared library → the Debian/Ubuntu package that ships it.
PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
_PROBE = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication\n"
    "app = QApplication(sys.argv[:1])\n"
    "print('platform:', app.platformName())\n"
)


def platform_plugins() -> list[Path]:
    """The platform plugin files of the installed PySide6 (xcb, wayland, offscreen…)."""
    import PySide6

    folder = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms"
    return sorted(folder.glob("*.so")) if folder.is_dir() else []


def wanted_plugin() -> str:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0].split(";")[0]
    if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY"):
        return "wayland"
    return "xcb"


def missing_libraries(plugin: Path) -> list[str]:
    """Shared libraries ``plugin`` needs that the system lacks (from ``ldd``; empty if ldd is absent)."""
    if shutil.which("ldd") is None:
        return []
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False).stdout
    return sorted({m.group(1) for m in re.finditer(r"^\s*(\S+)\s*=>\s*not found", out, re.M)})


def probe() -> tuple[bool, str]:
    """Start Qt in a child process: (worked, what it printed)."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=60, check=False
        )
    except subprocess.TimeoutExpired:
        return False, "Qt did not start within 60 seconds"
    return done.returncode == 0, (done.stdout + done.stderr).strip()


def packages_named_by_qt(qt_output: str) -> set[str]:
    """Qt loads some libraries itself and says "libxcb-cursor0 is needed" — even when the real problem is
    elsewhere — so keep only the packages whose library is really absent."""
    named = {m.group(1) for m in re.finditer(r"(lib[\w.+-]+) is needed", qt_output)}
    return {package for package in named if not _library_present(package)}


def _library_present(package: str) -> bool:
    """Is the library of a Debian package name (libxcb-cursor0 → xcb-cursor) on the loader's path?"""
    stem = re.sub(r"^lib|-?\d+$", "", package)
    return ctypes.util.find_library(stem) is not None


def advice(plugin_name: str, missing: list[str], qt_output: str) -> str:
    lines = [f"Offprint cannot open a window: Qt's “{plugin_name}” platform plugin did not load."]
    named = packages_named_by_qt(qt_output)
    if missing or named:
        packages = sorted(({PACKAGES.get(lib, "?") for lib in missing} | named) - {"?"})
        lines.append("Missing system libraries: " + ", ".join(missing + sorted(named)) + ".")
        if packages:
            lines.append("On Debian or Ubuntu, install them with:")
            lines.append(f"    sudo apt-get install -y {' '.join(packages)}")
        unknown = [lib for lib in missing if lib not in PACKAGES]
        if unknown:
            lines.append("Find the package for " + ", ".join(unknown) + " with: apt-file search <name>")
    elif plugin_name == "xcb" and (
        not os.environ.get("DISPLAY") or "could not connect to display" in qt_output
    ):
        display = os.environ.get("DISPLAY")
        lines.append(
            (
                f"No display: cannot connect to DISPLAY={display}."
                if display
                else "No display: DISPLAY is not set."
            )
            + " Run Offprint in a desktop session, under Xvfb (xvfb-run make run), or headless with "
            "QT_QPA_PLATFORM=offscreen."
        )
    else:
        lines.append(
            "The usual cause is a missing system library; the Qt-related ones are: "
            "sudo apt-get install -y libegl1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 "
            "libxcb-keysyms1 libxcb-shape0 libfontconfig1 libdbus-1-3"
        )
    if qt_output:
        lines.append("What Qt said:")
        lines.extend("    " + line for line in qt_output.splitlines()[-12:])
    return "\n".join(lines)


def main() -> int:
    try:
        import PySide6  # noqa: F401
    except ImportError as exc:
        print(f"Offprint needs PySide6, which is not installed here ({exc}). Run: make venv", file=sys.stderr)
        return 1
    plugin_name = wanted_plugin()
    plugin = next((p for p in platform_plugins() if p.stem == f"libq{plugin_name}"), None)
    missing = missing_libraries(plugin) if plugin is not None else []
    worked, output = probe()
    if worked and not missing:
        print(f"Qt is ready ({output.splitlines()[-1] if output else plugin_name}).")
        return 0
    print(advice(plugin_name, missing, "" if worked else output), file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
