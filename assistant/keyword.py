"""The keyword (BM25) index, built from what Chroma holds so the two can never disagree."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

import numpy as np

TOKEN = re.compile(r"£?\d+(?:[.,:]\d+)*%?m?|[a-z]+(?:'[a-z]+)?")
STOPWORDS = frozenset(
    """a about after all also an and any are as at be been before being but by can could did do
    does during each for from had has have how i if in into is it its itself me more most my no not
    of on or our out over said say says so some such than that the their them then there these they
    this those through to under until up was we were what when where which while who whom why will
    with would you your""".split()
)


def stem(word: str) -> str:
    """A light English stemmer: 'inspections'/'inspection', 'resolved'/'resolve' → one form."""
    for suffix in ("ing", "ies", "ied", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                return word + "y"
            break
    return word[:-1] if word.endswith("e") and len(word) >= 4 else word


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


# Words that say how a question is asked, not what it is about.
QUESTION_WORDS = frozenset(
    """according actually agree back big came come current currently decide did do does down get
    give given going got happen have how key main many much one part put said
    say see summary summarise tell thing think told turn want went""".split()
)


def content_terms(question: str) -> set[str]:
    """The stemmed terms of a question that name what it is about."""
    return set(tokenize(question)) - {stem(w) for w in QUESTION_WORDS}


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
