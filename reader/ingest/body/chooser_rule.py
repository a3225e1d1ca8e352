"""The chooser's rule, as data: written by ``benchmarks/fit_chooser.py``; refit rather than edit by hand.

``gate``: below this agreement between Readability's and resiliparse's texts, trafilatura is asked too;
``share_gate``: so it is when Readability's text holds less than this share of resiliparse's.
``own_bonus``: the head start Readability's answer has when the readings vote (see :mod:`.candidates`).
"""

RULE: dict[str, float | str] = {
    "gate": 0.0,
    "share_gate": 0.6,
    "own_bonus": 0.05,
    "fitted": "5-fold cross-validation over readability 130 + dragnet-dev 687 pages",
}
