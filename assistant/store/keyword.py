"""The keyword (BM25) index, built from what Chroma holds so the two can never disagree."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from typing import Any, Protocol

import numpy as np

from assistant.text import tokenize


class KeywordIndex:
    """BM25 (Okapi: k1 1.5, b 0.75, negative idf floored at 0.25 × the mean, as rank_bm25) over
    the embedded texts (header + passage) of every chunk.

    Postings are numpy arrays, not a dict of term counts per chunk: at 100,000 chunks those
    dicts took over half a gigabyte, and scoring a term walked every one of them.
    """

    K1, B, EPSILON = 1.5, 0.75, 0.25

    def __init__(self, ids: list[str], texts: list[str], metadatas: list[dict[str, Any]]) -> None:
        self.ids = ids
        self.texts = texts
        self.metadatas = metadatas
        self._columns: dict[str, int] = {}
        chunk_of: list[np.ndarray] = []
        term_of: list[np.ndarray] = []
        count_of: list[np.ndarray] = []
        lengths = np.zeros(len(texts), dtype=np.int64)
        for position, text in enumerate(texts):
            counts = Counter(tokenize(text))
            lengths[position] = sum(counts.values())
            columns = [self._columns.setdefault(t, len(self._columns)) for t in counts]
            chunk_of.append(np.full(len(counts), position, dtype=np.int32))
            term_of.append(np.asarray(columns, dtype=np.int32))
            count_of.append(np.fromiter(counts.values(), dtype=np.int32, count=len(counts)))
        self._postings(chunk_of, term_of, count_of, lengths)

    def _postings(
        self,
        chunk_of: list[np.ndarray],
        term_of: list[np.ndarray],
        count_of: list[np.ndarray],
        lengths: np.ndarray,
    ) -> None:
        """Chunks and counts grouped by term (``_start[t]:_start[t + 1]``), idf per term, and
        each chunk's length normaliser."""
        terms = np.concatenate(term_of) if term_of else np.zeros(0, dtype=np.int32)
        order = np.argsort(terms, kind="stable")
        self._chunks = (np.concatenate(chunk_of) if chunk_of else terms)[order]
        self._counts = (np.concatenate(count_of) if count_of else terms)[order]
        df = np.bincount(terms, minlength=len(self._columns))
        self._df = df
        self._start = np.concatenate([[0], np.cumsum(df)])
        n = len(lengths)
        # math.log and a running sum, in first-seen order, as rank_bm25: the same scores to the bit.
        idf = [math.log(n - int(d) + 0.5) - math.log(int(d) + 0.5) for d in df]
        floor = self.EPSILON * (sum(idf) / len(idf)) if idf else 0.0
        self._idf = np.asarray([floor if v < 0 else v for v in idf])
        average = lengths.sum() / n if n else 1.0
        self._norm = self.K1 * (1 - self.B + self.B * lengths / (average or 1.0))

    def idf(self, term: str) -> float:
        """How rare a (tokenized) term is (always positive); an unseen term counts as rarest."""
        column = self._columns.get(term)
        df = int(self._df[column]) if column is not None else 1
        n = len(self.ids)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def knows(self, term: str) -> bool:
        """Whether any chunk contains the (tokenized) term."""
        return term in self._columns

    def scores(self, terms: list[str]) -> np.ndarray:
        """BM25 score of every chunk for the (tokenized) query terms; a repeated term counts
        again, an unknown one adds nothing."""
        total = np.zeros(len(self.ids))
        for term in terms:
            column = self._columns.get(term)
            if column is None:
                continue
            span = slice(self._start[column], self._start[column + 1])
            chunks, counts = self._chunks[span], self._counts[span]
            gain = counts * (self.K1 + 1) / (counts + self._norm[chunks])
            total[chunks] += self._idf[column] * gain
        return total

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
        if not self.ids or not terms:
            return []
        scores = self.scores(terms)
        order = np.argsort(-scores)
        hits: list[tuple[int, float]] = []
        for position in order:
            if scores[position] <= 0 or len(hits) >= k:
                break
            if where is None or where(self.metadatas[position]):
                hits.append((int(position), float(scores[position])))
        return hits


class TermStats(Protocol):
    """Corpus statistics of (tokenized) terms: the keyword index provides them."""

    def idf(self, term: str) -> float: ...

    def knows(self, term: str) -> bool: ...


class Uniform:
    def idf(self, term: str) -> float:
        return 1.0

    def knows(self, term: str) -> bool:
        return True
