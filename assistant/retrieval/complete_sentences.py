"""Passages completed across chunk boundaries.

Chunks are cut by a token budget, and in text from PDFs a cut often falls inside a sentence:
the chunk ends with half a sentence ('… placed outside of Kent, 50% of') and the next begins with
the other half. Neighbouring chunks of one section overlap, so the missing words are known
exactly: a passage that ends (or starts) mid-sentence is completed from its neighbour up to the
sentence's end (or from its start), and stays a verbatim span of the page.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from assistant.text import END, ENDS_SENTENCE
from assistant.types import Passage

# Neighbours must share at least this much text for the join to be certain.
MIN_OVERLAP = 20
# A sentence is completed by at most this many characters.
MAX_EXTENSION = 400
# Where the sentence a passage cuts ends in the next chunk's text.
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s|$)")


class Neighbours:
    """The chunks of the index by document and position, to complete cut passages."""

    def __init__(self, texts: list[str], metadatas: list[dict[str, Any]]) -> None:
        self._by_place: dict[tuple[str, int], int] = {}
        for index, meta in enumerate(metadatas):
            self._by_place[(str(meta.get("source", "")), int(meta.get("position") or 0))] = index
        self._texts = texts
        self._metadatas = metadatas

    def complete(self, passage: Passage) -> Passage:
        """``passage`` with the rest of a sentence it cuts, at either end, when known."""
        text = self._with_end(passage, passage.text)
        text = self._with_start(passage, text)
        return passage if text == passage.text else replace(passage, text=text)

    def _with_end(self, passage: Passage, text: str) -> str:
        if ENDS_SENTENCE.search(text):
            return text
        following = self._body(passage, +1)
        overlap = _overlap(text, following) if following else 0
        if overlap < MIN_OVERLAP:
            return text
        rest = following[overlap:]
        end = SENTENCE_END.search(rest[:MAX_EXTENSION])
        return text + rest[: end.end()] if end else text

    def _with_start(self, passage: Passage, text: str) -> str:
        before = self._body(passage, -1)
        overlap = _overlap(before, text) if before else 0
        if overlap < MIN_OVERLAP:
            return text
        head = before[: len(before) - overlap]
        if ENDS_SENTENCE.search(head) or not head.strip():
            return text  # the passage starts a sentence
        starts = list(END.finditer(head[-MAX_EXTENSION:]))
        if not starts:
            return text
        cut = len(head) - min(len(head), MAX_EXTENSION) + starts[-1].end()
        return head[cut:] + text

    def _body(self, passage: Passage, step: int) -> str:
        """The text (without its header) of the chunk ``step`` places from ``passage`` in the
        same section of the same page, or ''."""
        meta = passage.metadata
        place = (passage.source, int(meta.get("position") or 0) + step)
        index = self._by_place.get(place)
        if index is None:
            return ""
        other = self._metadatas[index]
        same = ("page", "item_number", "heading", "section_kind")
        if any(other.get(key) != meta.get(key) for key in same):
            return ""
        return self._texts[index][int(other.get("header_chars") or 0) :]


def _overlap(first: str, second: str) -> int:
    """The length of the longest end of ``first`` that ``second`` starts with."""
    longest = min(len(first), len(second))
    for size in range(longest, MIN_OVERLAP - 1, -1):
        if first.endswith(second[:size]):
            return size
    return 0
