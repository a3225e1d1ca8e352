"""`make run`'s Qt check names the missing system packages; the packaging self-check passes here."""

from __future__ import annotations

import subprocess
import sys

from reader.ui.qtcheck import advice


def test_missing_libraries_are_named_with_the_apt_get_line() -> None:
    text = advice("xcb", ["libxkbcommon-x11.so.0", "libEGL.so.1", "libxcb-cursor.so.0"], "")
    assert "libxkbcommon-x11.so.0" in text and "libEGL.so.1" in text
    assert "sudo apt-get install -y libegl1 libxcb-cursor0 libxkbcommon-x11-0" in text


def test_an_unknown_library_gets_a_way_to_find_its_package() -> None:
    text = advice("xcb", ["libfancy.so.3"], "")
    assert "libfancy.so.3" in text and "apt-file search" in text


def test_the_offscreen_self_check_passes() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reader", "gui", "--self-check"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "self-check passed" in done.stdout
