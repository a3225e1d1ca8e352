"""Fit the article chooser's rule (``reader/ingest/body/chooser_rule.py``) with k-fold cross-validation.

    python -m benchmarks.fit_chooser [--folds 5] [--cache FILE] [--write]

Every reading of every page of the Readability and Dragnet dev sets (``../shared/corpora`` beside the
checkout) is extracted once (Readability, resiliparse, trafilatura's precision and recall modes, each
through the pipeline's own sanitiser and text renderer) and scored with the public benchmarks' measure
(4-word shingle F1, the scorer in ``../shared/tools/score_extraction.py``).  The rule has three numbers:
the agreement between Readability and resiliparse below which the others are asked, the share of
resiliparse's text Readability's must hold not to ask them, and Readability's head start in the vote.
They are chosen on the two sets *together* (the F1 over their pages pooled), with held-out folds mixing
both: the figures printed for the folds are what the rule scores on pages it was
not fitted on.  ``--write`` stores the rule fitted on all pages.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import random
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RULE_FILE = ROOT / "reader" / "ingest" / "body" / "chooser_rule.py"
GATES = [round(0.05 * i, 2) for i in range(0, 16)]
SHARES = [0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
MARGIN = 0.0005  # differences smaller than this are noise on 817 pages
BONUSES = [0.0, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3]
OWN = "readability"


@functools.cache
def scorer() -> ModuleType:
    path = SHARED / "tools" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    assert spec and spec.loader, "the shared scorer is missing"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cases(workdir: Path) -> list[dict[str, Any]]:
    score = scorer()
    found = []
    for name, layout in (("readability", "readability"), ("dragnet-dev", "aeb")):
        for case in score.load_cases(SHARED / "corpora" / name, layout, workdir):
            found.append({"set": name, "id": case["id"], "path": case["path"], "truth": case["text"]})
    return found


def read_page(case: dict[str, Any]) -> dict[str, Any]:
    """Every reading of one page: its score against the truth and its agreement with the others."""
    from reader.ingest.body.boilerplate import remove_boilerplate
    from reader.ingest.body.candidates import agreement, share_of
    from reader.ingest.body.choose import read_article
    from reader.ingest.body.leftovers import drop_doubled_blocks
    from reader.ingest.body.render import to_text
    from reader.ingest.body.sanitize import SanitizeContext, sanitize
    from reader.ingest.metadata.orchestrate import extract_metadata
    from reader.ingest.pipeline import StageTimer, _document_title, _parse_page
    from reader.ingest.source.read import read_path

    score = scorer()
    data, source = read_path(case["path"])
    del data
    page = _parse_page(source, case["path"], StageTimer())
    metadata = extract_metadata(page.tree, path=case["path"])
    remove_boilerplate(page.tree, metadata.consumed)
    title = metadata.title or _document_title(page.tree)
    readings = read_article(page.tree, title=title, as_parsed=page.lexbor, everyone=True)
    result: dict[str, Any] = {"set": case["set"], "id": case["id"], "prf": {}, "agree": {}}
    for reading in readings:
        text = ""
        if reading.article is not None:
            drop_doubled_blocks(reading.article)
            text = to_text(sanitize(reading.article, SanitizeContext()))
        result["prf"][reading.name] = score.tp_fp_fn(case["truth"], text)
    for first in readings:
        for second in readings:
            if first.name < second.name:
                result["agree"][f"{first.name}|{second.name}"] = agreement(first, second)
    result["share"] = share_of(readings[0], readings[1])  # Readability's share of resiliparse's text
    return result


def agree(page: dict[str, Any], first: str, second: str) -> float:
    if first == second:
        return 1.0
    key = f"{min(first, second)}|{max(first, second)}"
    return float(page["agree"].get(key, 0.0))


Rule = tuple[float, float, float]  # gate, share gate, head start


def asks(page: dict[str, Any], rule: Rule) -> bool:
    return agree(page, OWN, "resiliparse") < rule[0] or float(page["share"]) < rule[1]


def choose(page: dict[str, Any], rule: Rule) -> str:
    """The runtime's rule (reader.ingest.body.candidates) on the stored agreements."""
    names = list(page["prf"])
    bonus = rule[2]
    if not asks(page, rule) or len(names) < 3:
        return OWN

    def support(name: str) -> float:
        others = [agree(page, name, other) for other in names if other != name]
        return sum(others) / len(others) + (bonus if name == OWN else 0.0)

    return max(names, key=support)


def set_scores(pages: list[dict[str, Any]], picks: list[str]) -> dict[str, float]:
    score = scorer()
    by_set: dict[str, list[tuple[float, float, float]]] = {}
    for page, pick in zip(pages, picks, strict=True):
        by_set.setdefault(page["set"], []).append(tuple(page["prf"][pick]))
    return {name: round(score.prf(rows)[0], 4) for name, rows in sorted(by_set.items())}


def objective(pages: list[dict[str, Any]], rule: Rule) -> float:
    """The F1 over the pages of both sets pooled, as if they were one set of real pages."""
    rows = [tuple(page["prf"][choose(page, rule)]) for page in pages]
    return float(scorer().prf(rows)[0])


def fit(pages: list[dict[str, Any]]) -> Rule:
    """The best rule; among rules within MARGIN of it, the one asking trafilatura least often."""
    rules = [(gate, share, bonus) for gate in GATES for share in SHARES for bonus in BONUSES]
    scores = {rule: objective(pages, rule) for rule in rules}
    best = max(scores.values())
    near = [rule for rule in rules if scores[rule] >= best - MARGIN]
    return min(near, key=lambda rule: (sum(asks(page, rule) for page in pages), -scores[rule]))


def folds(pages: list[dict[str, Any]], k: int) -> list[list[int]]:
    """k folds, each set's pages dealt round-robin after a fixed shuffle, so each fold mixes both sets."""
    rng = random.Random(14)
    out: list[list[int]] = [[] for _ in range(k)]
    for name in sorted({page["set"] for page in pages}):
        indexes = [i for i, page in enumerate(pages) if page["set"] == name]
        rng.shuffle(indexes)
        for position, index in enumerate(indexes):
            out[position % k].append(index)
    return out


def report(pages: list[dict[str, Any]], k: int) -> Rule:
    names = sorted({name for page in pages for name in page["prf"]})
    for name in names:
        picks = [name if name in page["prf"] else OWN for page in pages]
        print(f"  {name:<22} alone: {set_scores(pages, picks)}")
    score = scorer()
    oracle = [max(page["prf"], key=lambda n, p=page: score.prf([tuple(p["prf"][n])])[0]) for page in pages]
    print(f"  {'best of all (oracle)':<22}      : {set_scores(pages, oracle)}")
    held_out: list[str] = [OWN] * len(pages)
    for number, fold in enumerate(folds(pages, k), 1):
        chosen = set(fold)
        rule = fit([page for i, page in enumerate(pages) if i not in chosen])
        for i in fold:
            held_out[i] = choose(pages[i], rule)
        print(f"  fold {number}: gate {rule[0]}, share gate {rule[1]}, head start {rule[2]}")
    print(f"  {'chooser, held-out folds':<22}      : {set_scores(pages, held_out)}")
    rule = fit(pages)
    picks = [choose(page, rule) for page in pages]
    asked = sum(1 for page in pages if asks(page, rule))
    switched = sum(pick != OWN for pick in picks)
    print(
        f"  {'chooser, all pages':<22}      : {set_scores(pages, picks)} with gate {rule[0]}, share gate "
        f"{rule[1]}, head start {rule[2]}: trafilatura asked on {asked} of {len(pages)} pages, answer "
        f"changed on {switched}"
    )
    return rule


def write_rule(rule: Rule, note: str) -> None:
    text = RULE_FILE.read_text(encoding="utf-8")
    head = text[: text.index("RULE: dict")]
    values = {"gate": rule[0], "share_gate": rule[1], "own_bonus": rule[2], "fitted": note}
    body = "".join(f"    {key!r}: {value!r},\n" for key, value in values.items()).replace("'", '"')
    RULE_FILE.write_text(head + "RULE: dict[str, float | str] = {\n" + body + "}\n", encoding="utf-8")


def main() -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "offprint-readings.json")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if args.cache.exists():
        pages = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        with tempfile.TemporaryDirectory() as workdir:
            todo = cases(Path(workdir))
            with ProcessPoolExecutor(args.workers) as pool:
                pages = list(pool.map(read_page, todo, chunksize=4))
        args.cache.write_text(json.dumps(pages), encoding="utf-8")
    print(f"chooser: {len(pages)} pages ({args.folds}-fold cross-validation over both sets together)")
    rule = report(pages, args.folds)
    if args.write:
        sets = " + ".join(f"{name} {count}" for name, count in _counts(pages).items())
        write_rule(rule, f"{args.folds}-fold cross-validation over {sets} pages")
        print(f"  written to {RULE_FILE.relative_to(ROOT)}")


def _counts(pages: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for page in pages:
        counts[page["set"]] = counts.get(page["set"], 0) + 1
    return counts


if __name__ == "__main__":
    main()
