"""Fit the article chooser's rule (``reader/ingest/body/chooser_rule.py``) with k-fold cross-validation.

    python -m benchmarks.fit_chooser [--folds 5] [--cache FILE] [--write]

Every reading of every page of the Readability and Dragnet dev sets (``../shared/corpora`` beside the
checkout) is extracted once (Readability, resiliparse, trafilatura's precision and recall modes, each
through the pipeline's own sanitiser and text renderer) and scored with the public benchmarks' measure
(4-word shingle F1, the scorer in ``../shared/tools/score_extraction.py``).  The rule has three numbers,
the agreement between Readability and resiliparse below which the others are asked, the share of
resiliparse's text Readability's must hold not to ask them, and Readability's head start in the vote;
then, on top of them, when the page's marked story container replaces the vote's answer (the share of
it the answer must hold, and the answer's length as a multiple of it).
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
MARKED = "marked-container"


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
    from reader.ingest.body.candidates import MARKED, agreement, share_of
    from reader.ingest.body.choose import finished, read_article
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
    result: dict[str, Any] = {"set": case["set"], "id": case["id"], "prf": {}, "agree": {}, "marked": {}}
    for reading in readings:
        text = ""
        article = finished(reading)
        if article is not None:
            drop_doubled_blocks(article)
            text = to_text(sanitize(article, SanitizeContext()))
        result["prf"][reading.name] = score.tp_fp_fn(case["truth"], text)
    marked = next((reading for reading in readings if reading.name == MARKED), None)
    voters = [reading for reading in readings if reading.name != MARKED]
    if marked is not None:  # what each voter holds of the marked container, and how much longer it is
        for reading in voters:
            ratio = len(reading.shingles) / max(1, len(marked.shingles))
            result["marked"][reading.name] = [share_of(reading, marked), ratio]
    for first in voters:
        for second in voters:
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
Marked = tuple[float, float, float]  # share of the marked container held, min and max length ratio
MARKED_RULES = [
    (share, low, high)
    for share in (0.8, 0.9, 0.95)
    for low in (1.05, 1.1, 1.2, 1.5)
    for high in (0.0, 2.0, 3.0, 4.0, 6.0, 10.0)
]


def asks(page: dict[str, Any], rule: Rule) -> bool:
    return agree(page, OWN, "resiliparse") < rule[0] or float(page["share"]) < rule[1]


def choose(page: dict[str, Any], rule: Rule, marked: Marked = (1.0, 0.0, 0.0)) -> str:
    """The runtime's rule (reader.ingest.body.candidates) on the stored agreements."""
    pick = vote(page, rule)
    held = page.get("marked", {}).get(pick)
    if held is not None and held[0] >= marked[0] and marked[1] < held[1] < marked[2]:
        return MARKED
    return pick


def vote(page: dict[str, Any], rule: Rule) -> str:
    names = [name for name in page["prf"] if name != MARKED]
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


def objective(pages: list[dict[str, Any]], rule: Rule, marked: Marked = (1.0, 0.0, 0.0)) -> float:
    """The F1 over the pages of both sets pooled, as if they were one set of real pages."""
    rows = [tuple(page["prf"][choose(page, rule, marked)]) for page in pages]
    return float(scorer().prf(rows)[0])


def fit(pages: list[dict[str, Any]]) -> tuple[Rule, Marked]:
    """The best rule; among rules within MARGIN of it, the one asking trafilatura least often.  Then
    the marked container's rule on top of it; among those within MARGIN, the one switching least."""
    rules = [(gate, share, bonus) for gate in GATES for share in SHARES for bonus in BONUSES]
    scores = {rule: objective(pages, rule) for rule in rules}
    best = max(scores.values())
    near = [rule for rule in rules if scores[rule] >= best - MARGIN]
    rule = min(near, key=lambda rule: (sum(asks(page, rule) for page in pages), -scores[rule]))
    marked_scores = {marked: objective(pages, rule, marked) for marked in MARKED_RULES}
    best = max(marked_scores.values())
    near_marked = [marked for marked in MARKED_RULES if marked_scores[marked] >= best - MARGIN]
    switches = {m: sum(choose(page, rule, m) == MARKED for page in pages) for m in near_marked}
    return rule, min(near_marked, key=lambda m: (switches[m], -marked_scores[m]))


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


def report(pages: list[dict[str, Any]], k: int) -> tuple[Rule, Marked]:
    names = sorted({name for page in pages for name in page["prf"]})
    for name in names:
        picks = [name if name in page["prf"] else OWN for page in pages]
        print(f"  {name:<22} alone: {set_scores(pages, picks)}")
    score = scorer()
    oracle = [max(page["prf"], key=lambda n, p=page: score.prf([tuple(p["prf"][n])])[0]) for page in pages]
    print(f"  {'best of all (oracle)':<22}      : {set_scores(pages, oracle)}")
    held_out: list[str] = [OWN] * len(pages)
    held_out_voting: list[str] = [OWN] * len(pages)  # the same rules without the marked container's
    for number, fold in enumerate(folds(pages, k), 1):
        chosen = set(fold)
        rule, marked = fit([page for i, page in enumerate(pages) if i not in chosen])
        for i in fold:
            held_out[i] = choose(pages[i], rule, marked)
            held_out_voting[i] = choose(pages[i], rule)
        print(f"  fold {number}: gate {rule[0]}, share gate {rule[1]}, head start {rule[2]}, marked {marked}")
    print(f"  {'vote only, held-out':<22}      : {set_scores(pages, held_out_voting)}")
    print(f"  {'chooser, held-out folds':<22}      : {set_scores(pages, held_out)}")
    rule, marked = fit(pages)
    picks = [choose(page, rule, marked) for page in pages]
    asked = sum(1 for page in pages if asks(page, rule))
    to_marked = sum(pick == MARKED for pick in picks)
    switched = sum(pick != OWN for pick in picks)
    print(
        f"  {'chooser, all pages':<22}      : {set_scores(pages, picks)} with gate {rule[0]}, share gate "
        f"{rule[1]}, head start {rule[2]}, marked {marked}: trafilatura asked on {asked} of {len(pages)} "
        f"pages, answer changed on {switched} ({to_marked} to the marked container)"
    )
    return rule, marked


def write_rule(rule: Rule, marked: Marked, note: str) -> None:
    text = RULE_FILE.read_text(encoding="utf-8")
    head = text[: text.index("RULE: dict")]
    values: dict[str, float | str] = {"gate": rule[0], "share_gate": rule[1], "own_bonus": rule[2]}
    values |= {"marked_share": marked[0], "marked_min_ratio": marked[1], "marked_max_ratio": marked[2]}
    values["fitted"] = note
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
    rule, marked = report(pages, args.folds)
    if args.write:
        sets = " + ".join(f"{name} {count}" for name, count in _counts(pages).items())
        write_rule(rule, marked, f"{args.folds}-fold cross-validation over {sets} pages")
        print(f"  written to {RULE_FILE.relative_to(ROOT)}")


def _counts(pages: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for page in pages:
        counts[page["set"]] = counts.get(page["set"], 0) + 1
    return counts


if __name__ == "__main__":
    main()
