"""Sentences every document of a genre repeats ("This letter summarises the findings of…",
"If you are not happy with the inspection…"): they match many questions and answer none.

A sentence's *shape* drops names and figures. A shape found in several different files is
boilerplate; so is a sentence most of whose runs of ``GRAM_WORDS`` shape words recur in many
files (a template whose wording varies a little, or that a heading is glued to).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from assistant.text import split_units

SHAPE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
MIN_SHAPE_WORDS = 4
MIN_FILES = 3
GRAM_WORDS = 4
# A run of shape words this many files share is template wording, not a finding of one report.
GRAM_FILES = 10
# The share of a sentence's runs that must be template wording for it to be a template.
TEMPLATE_SHARE = 0.75


def shape(sentence: str) -> str:
    """Lower-cased words of a sentence without capitalised names or figures."""
    words = [w for w in SHAPE_WORD.findall(sentence) if not w[0].isupper()]
    return " ".join(w.lower() for w in words) if len(words) >= MIN_SHAPE_WORDS else ""


def grams(key: str) -> list[int]:
    """Hashes of the runs of ``GRAM_WORDS`` words of a shape (stable within one process)."""
    words = key.split()
    return [hash(" ".join(words[i : i + GRAM_WORDS])) for i in range(len(words) - GRAM_WORDS + 1)]


class Boilerplate:
    """Shapes of sentences that recur across at least ``MIN_FILES`` different files, and runs
    of shape words that recur across at least ``GRAM_FILES``."""

    def __init__(self, shapes: set[str], template_grams: set[int] | None = None) -> None:
        self.shapes = shapes
        self.template_grams = template_grams or set()

    @classmethod
    def from_passages(cls, passages: Iterable[tuple[str, str]]) -> Boilerplate:
        """Build from (source, verbatim passage text) pairs."""
        seen: dict[str, set[str]] = {}
        files: dict[str, int] = {}
        hashes: list[int] = []
        owners: list[int] = []
        for source, text in passages:
            file = files.setdefault(source, len(files))
            for start, end in split_units(text):
                key = shape(text[start:end])
                if key:
                    seen.setdefault(key, set()).add(source)
                    found = grams(key)
                    hashes.extend(found)
                    owners.extend([file] * len(found))
        return cls(
            {key for key, sources in seen.items() if len(sources) >= MIN_FILES},
            _shared_grams(hashes, owners),
        )

    def __contains__(self, sentence: object) -> bool:
        if not isinstance(sentence, str) or not (key := shape(sentence)):
            return False
        if key in self.shapes:
            return True
        found = grams(key)
        shared = sum(g in self.template_grams for g in found)
        return bool(found) and shared >= TEMPLATE_SHARE * len(found)


def _shared_grams(hashes: list[int], owners: list[int]) -> set[int]:
    """The gram hashes found in at least ``GRAM_FILES`` different files."""
    if not hashes:
        return set()
    pairs = np.unique(np.array([hashes, owners], dtype=np.int64).T, axis=0)
    values, counts = np.unique(pairs[:, 0], return_counts=True)
    return set(values[counts >= GRAM_FILES].tolist())
