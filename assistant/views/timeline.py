"""A topic's timeline: one dated line a document (minutes and inspection reports), the sentence
that names the topic, in date order."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from assistant.retrieval.hybrid import passes
from assistant.retrieval.passages import to_passage
from assistant.retrieval.question import content_terms
from assistant.text import split_units, tokenize
from assistant.types import Filters, Passage
from assistant.views.register import names_topic

TIMELINE_KINDS = ("minutes", "inspection")
TIMELINE_DEPTH = 15  # passages retrieved per document kind
KEYWORD_DEPTH = 200  # chunks the keyword search adds per document kind
LINE_WORDS = 80  # a timeline line longer than this is a block, not a sentence

if TYPE_CHECKING:
    from assistant.core import Assistant


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated line: ``quote`` is an exact substring of ``passage.text``."""

    date: str
    passage: Passage
    quote: str


def timeline(
    assistant: Assistant, topic: str, filters: Filters | None = None, whole_lines: bool = True
) -> list[TimelineEntry]:
    """Minutes and inspection findings on ``topic``, oldest first, one line per document.

    Candidates come from the hybrid retriever (what the topic means) and from a wide keyword
    search (every chunk that names it); a document's line is its first candidate's sentence
    naming the topic (with ``whole_lines`` off, the sentence naming most of it: an agenda
    item's long title is seldom named whole in one sentence).
    """
    terms = content_terms(topic)
    if not terms:
        return []
    best: dict[str, TimelineEntry] = {}
    for passage in _timeline_candidates(assistant, topic, filters or Filters()):
        if passage.source in best or not passage.date:
            continue
        if not names_topic(terms, f"{passage.metadata.get('item_title', '')}\n{passage.text}"):
            continue
        quote = best_line(passage.text, terms)
        if quote and (names_topic(terms, quote) or not whole_lines):
            best[passage.source] = TimelineEntry(passage.date, passage, quote)
    return sorted(best.values(), key=lambda e: (e.date, e.passage.source))


def _timeline_candidates(assistant: Assistant, topic: str, base: Filters) -> list[Passage]:
    plan = assistant.plan(topic)
    found: list[Passage] = []
    for kind in TIMELINE_KINDS if not base.doc_kind else (base.doc_kind,):
        narrowed = Filters(base.committee, base.date_from, base.date_to, kind)
        found += assistant.retriever.search(plan, narrowed, k=TIMELINE_DEPTH)
        keyword = assistant.retriever.keyword
        hits = keyword.search(topic, KEYWORD_DEPTH, where=partial(passes, narrowed))
        found += [
            to_passage(keyword.ids[i], keyword.texts[i], keyword.metadatas[i], score)
            for i, score in hits
        ]
    return found


def best_line(text: str, terms: set[str]) -> str:
    """The sentence of ``text`` naming most of ``terms`` (the first of equals), verbatim; a
    run-on block (a letter's address lines, a table) only when nothing else names any."""
    scored = [
        (
            len(terms & set(tokenize(text[a:b]))) > 0 and len(text[a:b].split()) <= LINE_WORDS,
            len(terms & set(tokenize(text[a:b]))),
            -a,
            a,
            b,
        )
        for a, b in split_units(text)
    ]
    if not scored:
        return ""
    _, hits, _, start, end = max(scored)
    return text[start:end] if hits else ""
