"""The files that make Offprint installable: desktop entry, AppStream metainfo, icons, spec, smoke test.

A user notices these when the app is missing from their menu, has a blank or blurry icon,
is rejected by a software centre, or when a built app lacks a file it needs.
"""

from __future__ import annotations

import configparser
import shutil
import stat
import subprocess
import sys
import textwrap
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.offprint.Offprint"
DESKTOP = ROOT / "packaging" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"
SPEC = ROOT / "packaging" / "offprint.spec"
SVG = ROOT / "resources" / "icons" / "offprint.svg"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def load_pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # desktop keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def load_module(path: Path, name: str):
    """Import a script of packaging/ by path (it is not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# --- the desktop entry ---------------------------------------------------------------------------------


def test_desktop_entry_has_every_key_a_menu_needs() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Offprint"
    assert entry["GenericName"] == "Article Reader"
    for key in ("Comment", "Categories", "Keywords", "MimeType"):
        assert entry.get(key, "").strip(), f"{key} is empty"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    for value_list in ("Categories", "MimeType", "Keywords"):
        assert entry[value_list].endswith(";"), f"{value_list} must end with ';'"
    mime_types = set(entry["MimeType"].strip(";").split(";"))
    assert {"text/html", "application/xhtml+xml", "multipart/related", "message/rfc822"} <= mime_types


def test_desktop_exec_runs_the_installed_console_script_in_gui_mode() -> None:
    scripts = load_pyproject()["project"]["scripts"]
    program, *arguments = desktop_entry()["Exec"].split()
    assert program in scripts, f"Exec runs '{program}', which is not a console script of the project"
    assert scripts[program] == "reader.cli:main"
    assert arguments[0] == "gui"
    assert arguments[-1] in {"%F", "%f", "%U", "%u"}, "files opened from a file manager must reach the app"


def test_desktop_file_passes_desktop_file_validate() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower(), result.stdout


# --- the AppStream metainfo ----------------------------------------------------------------------------


def test_metainfo_agrees_with_the_project_and_the_desktop_entry() -> None:
    component = ET.parse(METAINFO).getroot()
    project = load_pyproject()["project"]
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("metadata_license") == "CC0-1.0"
    assert component.findtext("project_license") == project["license"]
    assert component.findtext("name") == desktop_entry()["Name"]
    assert component.findtext("summary"), "a software centre shows the summary under the name"
    assert component.find("description/p") is not None
    launchable = component.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP.name
    releases = [release.get("version") for release in component.iterfind("releases/release")]
    assert project["version"] in releases, "the current version must be listed in <releases>"
    assert component.find("content_rating") is not None
    images = [image.text or "" for image in component.iterfind("screenshots/screenshot/image")]
    assert any(image.endswith("docs/screenshots/main-light.png") for image in images)


def test_metainfo_passes_appstreamcli_validate() -> None:
    appstreamcli = shutil.which("appstreamcli")
    if appstreamcli is None:
        pytest.skip("appstreamcli is not installed (apt-get install appstream)")
    result = subprocess.run(
        [appstreamcli, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- the icon ------------------------------------------------------------------------------------------


def test_svg_icon_is_self_contained_vector_art() -> None:
    root = ET.parse(SVG).getroot()
    assert root.tag.endswith("svg")
    assert root.get("viewBox") == "0 0 256 256", "a square canvas, as icon themes expect"
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    # no embedded bitmaps (blurry when scaled) and no text (fonts differ between machines)
    assert not tags & {"image", "text", "use", "foreignObject"}


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_png_exists_with_its_size_and_a_visible_drawing(size: int) -> None:
    from PySide6.QtGui import QImage

    path = ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is missing or not a PNG"
    assert (image.width(), image.height()) == (size, size)
    step = max(1, size // 64)  # a 64 x 64 sample is enough to judge the larger sizes
    pixels = [image.pixelColor(x, y) for y in range(0, size, step) for x in range(0, size, step)]
    opaque = [pixel for pixel in pixels if pixel.alpha() > 128]
    assert 0.5 < len(opaque) / len(pixels) < 0.98, "the page should fill most of the square, not all of it"
    assert not all(pixel.alpha() == 255 for pixel in pixels), "an icon needs a transparent background"
    colours = {(pixel.red() // 32, pixel.green() // 32, pixel.blue() // 32) for pixel in opaque}
    assert len(colours) >= 3, "page, outline and quotation mark must all be visible"


def channel_distance(first, second) -> int:
    """The largest difference in any of R, G, B, A between two QColors."""
    return max(abs(a - b) for a, b in zip(first.getRgb(), second.getRgb(), strict=True))


def test_rendered_pngs_are_current_with_the_svg(tmp_path: Path, qapp: object) -> None:
    """Editing the SVG without re-running packaging/render_icons.py leaves stale PNGs.

    ``qapp`` (pytest-qt) makes the one QApplication first: the renderer would otherwise make a
    QGuiApplication, and the Qt tests that follow in this process could not make theirs.
    """
    from PySide6.QtGui import QImage

    render_icons = load_module(ROOT / "packaging" / "render_icons.py", "offprint_render_icons")
    render_icons.render_all(SVG, tmp_path)
    for size in (16, 48):
        fresh = QImage(str(render_icons.png_path(size, tmp_path)))
        committed = QImage(str(render_icons.png_path(size)))
        # A newer Qt may anti-alias an edge pixel differently; an edited drawing changes many pixels.
        changed = sum(
            channel_distance(fresh.pixelColor(x, y), committed.pixelColor(x, y)) > 24
            for y in range(size)
            for x in range(size)
        )
        assert changed <= size * size * 0.02, f"the {size} px PNG is stale: run packaging/render_icons.py"


# --- the PyInstaller spec ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "needed",
    [
        '"resources"',  # icons and app files
        '"corpus"',  # the sample articles
        "citation",  # CSL styles, locales and citeproc-js
        '"py_mini_racer"',  # V8 and its ICU data
        "icudtl.dat",
        "libmini_racer.so",
        '"trafilatura"',  # settings.cfg
        '"justext"',  # stoplists
        '"tld"',  # the public suffix list courlan needs
        'collect_submodules("reader")',  # commands are imported by name
        'collect_submodules("whoosh")',  # pickled index schemas
    ],
)
def test_spec_bundles_every_data_folder_the_app_needs(needed: str) -> None:
    assert needed in SPEC.read_text(encoding="utf-8")


def test_spec_is_one_folder_and_leaves_out_tkinter_and_test_tools() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    assert "exclude_binaries=True" in spec and "COLLECT(" in spec, "a one-folder app"
    for excluded in ('"tkinter"', '"pytest"', '"hypothesis"', "QtWebEngineCore", "QtQuick"):
        assert excluded in spec


def test_build_stops_with_a_clear_message_when_a_data_folder_is_missing(tmp_path: Path) -> None:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    if not pyinstaller.exists():
        pytest.skip("PyInstaller is not installed (pip install -e '.[package]')")
    (tmp_path / "packaging").mkdir()
    shutil.copy2(SPEC, tmp_path / "packaging" / "offprint.spec")
    shutil.copytree(ROOT / "reader", tmp_path / "reader")  # resources/ and corpus/ are absent
    result = subprocess.run(
        [str(pyinstaller), "packaging/offprint.spec", "--noconfirm", "--distpath", "dist",
         "--workpath", "work"],
        cwd=tmp_path, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "cannot build the app" in result.stderr and "resources" in result.stderr
    assert not (tmp_path / "dist" / "offprint").exists(), "no broken app may be produced"


# --- the build script and the smoke test ---------------------------------------------------------------


def test_build_adds_desktop_files_and_icons_beside_the_app(tmp_path: Path) -> None:
    build = load_module(ROOT / "packaging" / "build.py", "offprint_build")
    build.add_desktop_integration(tmp_path)
    share = tmp_path / "share"
    assert (share / "applications" / DESKTOP.name).read_bytes() == DESKTOP.read_bytes()
    assert (share / "metainfo" / METAINFO.name).is_file()
    for size in ICON_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


def fake_app(folder: Path, body: str) -> Path:
    """A stand-in for dist/offprint/offprint: a shell script answering like the app would."""
    app = folder / "offprint"
    app.write_text("#!/bin/sh\n" + textwrap.dedent(body), encoding="utf-8")
    app.chmod(app.stat().st_mode | stat.S_IXUSR)
    return app


def run_smoke_test(app: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    smoke = load_module(ROOT / "packaging" / "smoke_test.py", "offprint_smoke_test")
    code = smoke.main(["--app", str(app)])
    return code, capsys.readouterr().out


def test_smoke_test_passes_an_app_that_starts_and_self_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader import __version__

    app = fake_app(
        tmp_path,
        f"""\
        case "$1 $2" in
          "--version ") echo "offprint {__version__}" ;;
          "gui --self-check") [ "$QT_QPA_PLATFORM" = offscreen ] && echo "self-check: ok" ;;
          *) echo "offprint: error: argument COMMAND: invalid choice: '$1'" >&2; exit 2 ;;
        esac
        """,
    )
    code, out = run_smoke_test(app, capsys)
    assert code == 0, out
    assert "PASS  --version" in out and "PASS  gui --self-check" in out
    assert "SKIP  extract" in out and "smoke test PASSED" in out


def test_smoke_test_fails_loudly_when_the_self_check_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader import __version__

    app = fake_app(
        tmp_path,
        f"""\
        case "$1" in
          --version) echo "offprint {__version__}" ;;
          gui) echo "qt.qpa.plugin: Could not load the Qt platform plugin" >&2; exit 1 ;;
          *) exit 2 ;;
        esac
        """,
    )
    code, out = run_smoke_test(app, capsys)
    assert code == 1
    assert "FAIL  gui --self-check" in out and "Could not load the Qt platform plugin" in out
    assert "smoke test FAILED" in out


def test_smoke_test_says_so_when_nothing_was_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run_smoke_test(tmp_path / "missing" / "offprint", capsys)
    assert code == 1 and "no built app" in out


def test_frozen_app_reads_citation_data_where_the_spec_puts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The spec copies the CSL data to csl/… and citeproc-js under the prefix: reader/cite must look there."""
    styles = pytest.importorskip("reader.cite.styles")
    setup_engine = pytest.importorskip("reader.cite.setup_engine")
    engine = pytest.importorskip("reader.cite.engine")
    spec = SPEC.read_text(encoding="utf-8")
    assert 'Path("csl/styles")' in spec and 'Path("csl/locales")' in spec
    assert "citeproc.relative_to(sys.prefix)" in spec
    for folder in ("csl/styles", "csl/locales"):
        (tmp_path / folder).mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(sys, "prefix", str(tmp_path))  # PyInstaller sets sys.prefix to the bundle folder
    monkeypatch.delenv("OFFPRINT_CITEPROC_JS", raising=False)
    bundled_js = setup_engine.engine_path(tmp_path / "share" / "offprint" / "citeproc")
    bundled_js.parent.mkdir(parents=True)
    bundled_js.write_text("// citeproc-js", encoding="utf-8")
    for cached in (styles.packaged_styles_dir, styles.locales_dir):
        cached.cache_clear()
    try:
        assert styles.packaged_styles_dir() == tmp_path / "csl" / "styles"
        assert styles.locales_dir() == tmp_path / "csl" / "locales"
        assert engine.find_citeproc_js() == bundled_js
    finally:
        for cached in (styles.packaged_styles_dir, styles.locales_dir):
            cached.cache_clear()
