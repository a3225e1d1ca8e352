"""Smoke test of the built app (``dist/offprint/offprint``): does what we ship start and work?

Owns the after-build check that ``make package`` runs once ``packaging/build.py`` is done.
It runs the frozen executable — never the source tree — from an empty temporary folder,
with its own HOME, XDG folders and library, so nothing of the developer's machine (the
checkout, ``node_modules``, settings, a library) can hide a file missing from the bundle:

1. ``offprint --version`` prints the version in ``reader/__init__.py``;
2. ``offprint gui --self-check`` (offscreen) opens the window on a temporary library,
   imports one page and renders it;
3. ``offprint extract --json`` on every page of the bundled sample corpus, which must all
   extract, and exactly as the checkout's own ``offprint`` extracts them (a data file
   missing from the bundle — trafilatura's, justext's stoplists — changes results silently);
4. ``offprint cite --csl-json`` in APA (V8 from mini-racer, citeproc-js, the CSL styles
   and locales).

Checks 3 and 4 are skipped, with the reason, while a build has no such command.  It
prints one PASS/FAIL/SKIP line per check and a verdict; exit 0 only when nothing failed.

    .venv/bin/python packaging/smoke_test.py [--app dist/offprint/offprint] [--onscreen] [--no-compare]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from reader.ingest import PAGE_SUFFIXES

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_APP = ROOT / "dist" / "offprint" / "offprint"
TIMEOUT_S = 180
COMPARED_FIELDS = ("title", "authors", "date", "site", "url", "language", "series", "topics", "error")

# The record of the citations issue, with the APA output citeproc-js gives for it.
CITE_RECORD = {
    "id": "baev2026",
    "type": "post-weblog",
    "title": "Shadow of Anchorage no-deal looms over Ukraine peace no-talks",
    "author": [{"family": "Baev", "given": "Pavel K."}],
    "container-title": "PRIO Blogs",
    "issued": {"date-parts": [[2026, 6, 22]]},
    "accessed": {"date-parts": [[2026, 11, 26]]},
    "URL": "https://www.prio.org/comments/XXXX",
}
CITE_EXPECTED_APA = (
    "Baev, P. K. (2026, June 22). Shadow of Anchorage no-deal looms over Ukraine peace no-talks. "
    "PRIO Blogs. https://www.prio.org/comments/XXXX"
)


@dataclass
class Outcome:
    name: str
    status: str  # "PASS" | "FAIL" | "SKIP"
    detail: str


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


class Sandbox:
    """An empty working folder and a private environment for the app."""

    def __init__(self, app: Path, folder: Path, onscreen: bool) -> None:
        self.app = app
        self.folder = folder
        # No PYTHON*, QT_* or OFFPRINT_* (e.g. OFFPRINT_CITEPROC_JS) from the developer's shell: the bundle
        # must find everything inside itself.
        private = ("PYTHON", "QT_", "OFFPRINT_")
        self.env = {key: value for key, value in os.environ.items() if not key.startswith(private)}
        home = folder / "home"
        for name in ("config", "data", "cache", "state"):
            (home / name).mkdir(parents=True, exist_ok=True)
        self.env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CACHE_HOME=str(home / "cache"),
            XDG_STATE_HOME=str(home / "state"),
            OFFPRINT_LIBRARY=str(folder / "library"),
        )
        if not onscreen:
            self.env["QT_QPA_PLATFORM"] = "offscreen"

    def run(self, *args: str) -> Run:
        return self.run_command([str(self.app), *args])

    def run_command(self, command: list[str]) -> Run:
        started = time.monotonic()
        try:
            done = subprocess.run(
                command, cwd=self.folder, env=self.env, capture_output=True,
                text=True, timeout=TIMEOUT_S, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired as exc:
            return Run(
                -1, _text(exc.stdout), _text(exc.stderr) + f"\n(killed after {TIMEOUT_S} s)", TIMEOUT_S
            )
        return Run(done.returncode, done.stdout, done.stderr, time.monotonic() - started)


def _text(data: str | bytes | None) -> str:
    if isinstance(data, bytes):
        return data.decode("utf-8", "replace")
    return data or ""


def _tail(run: Run, lines: int = 12) -> str:
    text = (run.stderr.strip() or run.stdout.strip()).splitlines()
    return "\n      ".join(text[-lines:]) if text else "(no output)"


def expected_version() -> str:
    match = re.search(r'__version__\s*=\s*"([^"]+)"', (ROOT / "reader" / "__init__.py").read_text("utf-8"))
    return match.group(1) if match else "?"


def check_version(box: Sandbox) -> Outcome:
    run = box.run("--version")
    want = f"offprint {expected_version()}"
    if run.returncode == 0 and run.stdout.strip() == want:
        return Outcome("--version", "PASS", f"{want} ({run.seconds:.1f} s)")
    return Outcome("--version", "FAIL", f"exit {run.returncode}, wanted '{want}':\n      {_tail(run)}")


def check_self_check(box: Sandbox) -> Outcome:
    run = box.run("gui", "--self-check")
    name = "gui --self-check"
    if run.returncode == 0:
        last = run.stdout.strip().splitlines()[-1:] or ["ok"]
        return Outcome(name, "PASS", f"{last[0]} ({run.seconds:.1f} s)")
    if "invalid choice" in run.stderr or "unrecognized arguments" in run.stderr:
        return Outcome(name, "FAIL", f"this build has no `gui --self-check` yet:\n      {_tail(run, 3)}")
    return Outcome(name, "FAIL", f"exit {run.returncode} after {run.seconds:.1f} s:\n      {_tail(run)}")


def bundled_corpus_pages(app: Path) -> list[Path]:
    """The sample pages as shipped inside the bundle (not the checkout's copies), without saved resources."""
    corpus = app.parent / "_internal" / "corpus"
    if not corpus.is_dir():
        return []
    return sorted(p for p in corpus.iterdir() if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)


def extract_records(command: list[str], pages: list[Path], box: Sandbox) -> tuple[Run, list[dict]]:
    run = box.run_command([*command, "extract", "--json", *map(str, pages)])
    records = []
    for line in run.stdout.splitlines():
        try:
            records.append(json.loads(line))
        except ValueError:
            continue
    return run, records


def summary(record: dict) -> dict:
    """What a user would notice differing between two extractions of one page."""
    text = record.get("text") or ""
    return {field: record.get(field) for field in COMPARED_FIELDS} | {
        "text": hashlib.sha256(text.encode()).hexdigest()
    }


def differences(mine: dict, theirs: dict) -> list[str]:
    ours, reference = summary(mine), summary(theirs)
    return [field for field in ours if ours[field] != reference[field]]


def check_extract(box: Sandbox, commands: set[str], reference: Path | None) -> Outcome:
    name = "extract --json (every bundled sample page)"
    if "extract" not in commands:
        return Outcome(name, "SKIP", "this build has no `extract` command")
    pages = bundled_corpus_pages(box.app)
    if not pages:
        return Outcome(name, "SKIP", "the bundle holds no sample corpus page")
    run, records = extract_records([str(box.app)], pages, box)
    failed = [
        f"{Path(r.get('path', '?')).name}: {r.get('error')}"
        for r in records
        if r.get("error") or not r.get("title")
    ]
    if len(records) != len(pages) or failed:
        detail = (
            "\n      ".join(failed)
            or f"{len(records)} JSON lines for {len(pages)} pages:\n      {_tail(run)}"
        )
        return Outcome(name, "FAIL", detail)
    note = f"{len(pages)} pages ({run.seconds:.1f} s)"
    if reference is None:
        return Outcome(name, "PASS", note + "; no checkout `offprint` to compare with")
    if source_changed_since_build(box.app):
        return Outcome(name, "PASS", note + "; not compared: reader/ changed since the build")
    _, expected = extract_records([str(reference)], pages, box)
    differing = [
        f"{Path(mine['path']).name}: {', '.join(differences(mine, theirs))}"
        for mine, theirs in zip(records, expected, strict=False)
        if differences(mine, theirs)
    ]
    if differing or len(expected) != len(records):
        return Outcome(
            name,
            "FAIL",
            "the bundle extracts differently from the checkout:\n      " + "\n      ".join(differing),
        )
    return Outcome(name, "PASS", note + ", identical to the checkout's extraction")


def check_cite(box: Sandbox, commands: set[str]) -> Outcome:
    name = "cite --csl-json --style apa"
    if "cite" not in commands:
        return Outcome(name, "SKIP", "this build has no `cite` command")
    record_file = box.folder / "record.json"
    record_file.write_text(json.dumps([CITE_RECORD]), encoding="utf-8")
    run = box.run("cite", "--csl-json", str(record_file), "--style", "apa")
    got = run.stdout.strip()
    if run.returncode == 0 and got == CITE_EXPECTED_APA:
        return Outcome(name, "PASS", f"{got[:60]}… ({run.seconds:.1f} s)")
    return Outcome(name, "FAIL", f"exit {run.returncode}, got {got!r}:\n      {_tail(run)}")


def available_commands(box: Sandbox, names: tuple[str, ...]) -> set[str]:
    """Those of ``names`` the built app knows (an unfinished build may lack some)."""
    return {name for name in names if box.run(name, "--help").returncode == 0}


def source_changed_since_build(app: Path) -> bool:
    """True when the checkout's code is newer than the bundle, so the two may rightly differ."""
    built = app.stat().st_mtime
    return any(path.stat().st_mtime > built for path in (ROOT / "reader").rglob("*.py"))


def checkout_offprint() -> Path | None:
    """The checkout's own ``offprint`` (the reference the bundle must agree with), when installed."""
    candidate = ROOT / ".venv" / "bin" / "offprint"
    return candidate if os.access(candidate, os.X_OK) else None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Check that the built Offprint app starts and works.")
    parser.add_argument("--app", type=Path, default=DEFAULT_APP, help="the built executable")
    parser.add_argument("--onscreen", action="store_true", help="use the real display instead of offscreen")
    parser.add_argument(
        "--no-compare", action="store_true", help="do not compare the bundle's extraction with the checkout's"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    app = args.app.resolve()
    if not os.access(app, os.X_OK):
        print(f"smoke test: FAIL: no built app at {app} (run `make package` or packaging/build.py)")
        return 1
    print(f"smoke test of {app}")
    with tempfile.TemporaryDirectory(prefix="offprint-smoke-") as folder:
        box = Sandbox(app, Path(folder), args.onscreen)
        outcomes = [check_version(box), check_self_check(box)]
        commands = available_commands(box, ("extract", "cite"))
        reference = None if args.no_compare else checkout_offprint()
        outcomes += [check_extract(box, commands, reference), check_cite(box, commands)]
    for outcome in outcomes:
        print(f"  {outcome.status:4}  {outcome.name}: {outcome.detail}")
    failed = [o.name for o in outcomes if o.status == "FAIL"]
    if failed:
        print(f"smoke test FAILED: {', '.join(failed)}")
        return 1
    print("smoke test PASSED")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
