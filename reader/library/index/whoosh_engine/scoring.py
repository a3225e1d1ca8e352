"""How a match scores in the whoosh engine: idf × BM25's saturated term frequency.

BM25's saturation of repeated words (k1 = 1.2), not its length normalisation: BM25F reads each
matching document's field length from disk, one seek and read per posting, which was most of the
time of a broad query (a short prefix) at 10,000 articles.  A word ten times in the text weighs
about twice a word once, so a title match (boost 3) outranks any number of mentions in the text.
Both whoosh's own matchers (:data:`WEIGHTING`) and the word-only scorer (:func:`saturated`) use it.
"""

from __future__ import annotations

from typing import Any

from whoosh import scoring

K1 = 1.2


def saturated(weight: float) -> float:
    """A term's frequency in a field (its weight) after BM25's saturation: tf·(k1+1)/(tf+k1)."""
    return weight * (K1 + 1) / (weight + K1)


class _SaturatedScorer(scoring.BaseScorer):  # type: ignore[misc]
    def __init__(self, idf: float) -> None:
        self.idf = idf

    def score(self, matcher: Any) -> float:
        return self.idf * saturated(matcher.weight())

    def max_quality(self) -> float:
        return self.idf * (K1 + 1)


class _SaturatedTF(scoring.WeightingModel):  # type: ignore[misc]
    """idf × tf·(k1+1)/(tf+k1)."""

    def scorer(self, searcher: Any, fieldname: str, text: str, qf: int = 1) -> _SaturatedScorer:
        return _SaturatedScorer(searcher.get_parent().idf(fieldname, text))


WEIGHTING = _SaturatedTF()
