"""One way into the app: ``offprint gui``, plain ``offprint`` and the ``offprint-gui`` launcher read the
same options and start the app the same way."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import pytest

from reader import cli
from reader.commands import gui
from reader.commands.gui import GuiOptions


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[GuiOptions]:
    """Records what the app would have been started with, instead of starting it."""
    calls: list[GuiOptions] = []

    def record(options: GuiOptions) -> int:
        calls.append(options)
        return 0

    monkeypatch.setattr(gui, "start", record)
    return calls


def test_offprint_gui_and_the_launcher_read_the_same_options(started: list[GuiOptions]) -> None:
    argv = ["--library", "lib", "--read-only", "a.html", "saved folder"]
    assert cli.main(["gui", *argv]) == 0
    assert gui.main(argv) == 0
    wanted = GuiOptions(library="lib", read_only=True, paths=("a.html", "saved folder"))
    assert started == [wanted, wanted]


def test_plain_offprint_starts_the_app_on_the_global_library(started: list[GuiOptions]) -> None:
    assert cli.main(["--library", "lib"]) == 0
    assert cli.main([]) == 0
    assert started == [GuiOptions(library="lib"), GuiOptions()]


def test_the_self_check_option_reaches_the_self_check(started: list[GuiOptions]) -> None:
    gui.main(["--self-check"])
    cli.main(["gui", "--self-check"])
    assert [options.self_check for options in started] == [True, True]


def test_the_installed_gui_script_is_the_same_entry_point() -> None:
    scripts = importlib.metadata.entry_points(group="gui_scripts")
    (launcher,) = [entry for entry in scripts if entry.name == "offprint-gui"]
    assert launcher.load() is gui.main


def test_the_launcher_runs_the_self_check() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from reader.commands.gui import main; sys.exit(main())",
         "--self-check"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "self-check passed" in done.stdout
