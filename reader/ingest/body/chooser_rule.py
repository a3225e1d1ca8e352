"""The chooser's rule, as data: written by ``benchmarks/fit_chooser.py``; refit rather than edit by hand.

``gate``: below this agreement between Readability's and resiliparse's texts, trafilatura is asked too;
``share_gate``: so it is when Readability's text holds less than this share of resiliparse's.
``own_bonus``: the head start Readability's answer has when the readings vote (see :mod:`.candidates`);
``marked_share``, ``marked_min_ratio``, ``marked_max_ratio``: the page's marked story container replaces
the vote's answer when that answer holds at least this share of it and is between these multiples of
its length (a max ratio of 0 turns the rule off).
"""

RULE: dict[str, float | str] = {
    "gate": 0.0,
    "share_gate": 0.6,
    "own_bonus": 0.05,
    "marked_share": 0.8,
    "marked_min_ratio": 1.5,
    "marked_max_ratio": 6.0,
    "fitted": "5-fold cross-validation over readability 130 + dragnet-dev 687 pages",
}
