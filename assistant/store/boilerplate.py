"""Sentences every document of a genre repeats ("This letter summarises the findings of…",
"If you are not happy with the inspection…"): they match many questions and answer none.

A sentence's *shape* drops names and figures; a shape found in several different files is
boilerplate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.text import split_units

SHAPE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
MIN_SHAPE_WORDS = 4
MIN_FILES = 3


def shape(sentence: str) -> str:
    """Lower-cased words of a sentence without capitalised names or figures."""
    words = [w for w in SHAPE_WORD.findall(sentence) if not w[0].isupper()]
    return " ".join(w.lower() for w in words) if len(words) >= MIN_SHAPE_WORDS else ""


class Boilerplate:
    """Shapes of sentences that recur across at least ``MIN_FILES`` different files."""

    def __init__(self, shapes: set[str]) -> None:
        self.shapes = shapes

    @classmethod
    def from_passages(cls, passages: Iterable[tuple[str, str]]) -> Boilerplate:
        """Build from (source, verbatim passage text) pairs."""
        seen: dict[str, set[str]] = {}
        for source, text in passages:
            for start, end in split_units(text):
                key = shape(text[start:end])
                if key:
                    seen.setdefault(key, set()).add(source)
        return cls({key for key, files in seen.items() if len(files) >= MIN_FILES})

    def __contains__(self, sentence: object) -> bool:
        return isinstance(sentence, str) and bool(key := shape(sentence)) and key in self.shapes
