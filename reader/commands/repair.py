"""``offprint repair``: mojibake repair of text from a file or stdin, for scripts and measurements.

Plain mode repairs the whole text (bytes decoded as a text dump would be) and writes it to stdout.
``--jsonl`` reads lines ``{"text": ...}`` and writes ``{"text": ..., "repairs": [...]}`` one per
input line, in order; a line that cannot be read is echoed back with an ``"error"`` key.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import IO, Any

from reader.errors import IngestError
from reader.ingest import decode_bytes, find_unrepaired, repair_text


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "repair",
        help="repair mojibake in text (from FILE or stdin) to stdout",
        description="Repair mojibake (UTF-8 read through the wrong codec) in text from FILE or stdin.",
    )
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help='read JSON Lines {"text": ...}; write {"text": ..., "repairs": [...]} per line',
    )
    parser.add_argument(
        "--report", action="store_true", help="in plain mode, list the repairs and flags on stderr"
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="input file (default: stdin)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    data = _read_input(args.file)
    if args.jsonl:
        _repair_jsonl(data, sys.stdout)
        return 0
    text = decode_bytes(data, kind="text").text
    repaired = repair_text(text)
    sys.stdout.write(repaired.text)
    sys.stdout.flush()
    if args.report:
        for entry in [*repaired.entries, *find_unrepaired(repaired.text)]:
            label = "flagged" if entry.flagged else "repaired"
            print(f"{label} {entry.kind}: {entry.count}", file=sys.stderr)
            for before, after in entry.examples:
                print(f"    {before!r} -> {after!r}", file=sys.stderr)
    return 0


def _read_input(file: str | None) -> bytes:
    if file is None or file == "-":
        return sys.stdin.buffer.read()
    path = Path(file)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise IngestError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise IngestError(f"{file}: is a directory, not a text file") from None
    except OSError as exc:
        raise IngestError(f"{file}: cannot be read ({exc.strerror or exc})") from None


def repair_record(line: str, number: int) -> dict[str, Any]:
    """The output object for one input line of ``--jsonl`` (never raises)."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        return {"text": line, "repairs": [], "error": f"line {number}: not JSON ({exc})"}
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        echoed = record if isinstance(record, dict) else {"text": line}
        return {**echoed, "repairs": [], "error": f'line {number}: no "text" string'}
    repaired = repair_text(record["text"])
    entries = [*repaired.entries, *find_unrepaired(repaired.text)]
    return {**record, "text": repaired.text, "repairs": [entry.to_json() for entry in entries]}


# Characters str.splitlines() breaks on that JSON leaves raw: escaped, so every record stays one line.
_LINE_BREAKERS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False).translate(_LINE_BREAKERS) + "\n"


def _repair_jsonl(data: bytes, out: IO[str]) -> None:
    for number, raw in enumerate(data.split(b"\n"), start=1):
        line = raw.decode("utf-8", errors="replace").rstrip("\r")
        if not line.strip():
            if number == data.count(b"\n") + 1:
                continue  # the newline that ends the last line
            out.write(_json_line({"text": "", "repairs": [], "error": f"line {number}: empty"}))
            continue
        out.write(_json_line(repair_record(line, number)))
    out.flush()
