"""The keyword (BM25) index, built from what Chroma holds so the two can never disagree."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np
from rank_bm25 import BM25Okapi

TOKEN = re.compile(r"£?\d+(?:[.,:]\d+)*%?m?|[a-z]+(?:'[a-z]+)?")
STOPWORDS = frozenset(
    """a about after all also an and any are as at be been before being but by can could did do
    does during each for from had has have how i if in into is it its itself me more most my no not
    of on or our out over said say says so some such than that the their them then there these they
    this those through to under until up was we were what when where which while who whom why will
    with would you your""".split()
)


def stem(word: str) -> str:
    """A light English stemmer: enough to match 'inspections'/'inspection', 'waiting'/'wait'."""
    for suffix in ("ing", "ies", "ied", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            return word + "y" if suffix in ("ies", "ied") else word
    return word


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed content words and whole numbers ('£1,419m', '75', '2024')."""
    tokens: list[str] = []
    for raw in TOKEN.findall(text.lower().replace("’", "'")):
        if raw in STOPWORDS:
            continue
        if raw[0].isalpha():
            tokens.append(stem(raw.removesuffix("'s")))
        else:
            tokens.append(raw.lstrip("£").rstrip("%m").replace(",", ""))
    return tokens


class KeywordIndex:
    """BM25 over the embedded texts (header + passage) of every chunk."""

    def __init__(self, ids: list[str], texts: list[str], metadatas: list[dict[str, Any]]) -> None:
        self.ids = ids
        self.texts = texts
        self.metadatas = metadatas
        corpus = [tokenize(t) for t in texts]
        self._bm25 = BM25Okapi(corpus) if corpus else None

    def idf(self, term: str) -> float:
        """Inverse document frequency of a (tokenized) term; unseen terms weigh the most."""
        table: dict[str, float] = getattr(self._bm25, "idf", {}) or {}
        default = math.log(1 + max(len(self.ids), 1))
        return max(float(table.get(term, default)), 0.1)

    def knows(self, term: str) -> bool:
        """Whether any chunk contains the (tokenized) term."""
        return term in (getattr(self._bm25, "idf", {}) or {})

    def __len__(self) -> int:
        return len(self.ids)

    def search(
        self,
        query: str,
        k: int,
        where: Callable[[dict[str, Any]], bool] | None = None,
    ) -> list[tuple[int, float]]:
        """Positions and scores of the best ``k`` chunks for ``query`` that pass ``where``."""
        terms = tokenize(query)
        if self._bm25 is None or not terms:
            return []
        scores = np.asarray(self._bm25.get_scores(terms))
        order = np.argsort(-scores)
        hits: list[tuple[int, float]] = []
        for position in order:
            if scores[position] <= 0 or len(hits) >= k:
                break
            if where is None or where(self.metadatas[position]):
                hits.append((int(position), float(scores[position])))
        return hits
