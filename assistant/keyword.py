"""The keyword (BM25) index, built from what Chroma holds so the two can never disagree."""

from __future__ import annotations

import math
import re
from collections import Counter
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
    """BM25 over the embedded texts (header + passage) of every chunk."""

    def __init__(self, ids: list[str], texts: list[str], metadatas: list[dict[str, Any]]) -> None:
        self.ids = ids
        self.texts = texts
        self.metadatas = metadatas
        corpus = [tokenize(t) for t in texts]
        self._bm25 = BM25Okapi(corpus) if corpus else None
        self._df = Counter(term for tokens in corpus for term in set(tokens))

    def idf(self, term: str) -> float:
        """How rare a (tokenized) term is (always positive); an unseen term counts as rarest."""
        df = self._df.get(term, 0) or 1
        n = len(self.ids)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def knows(self, term: str) -> bool:
        """Whether any chunk contains the (tokenized) term."""
        return term in self._df

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
