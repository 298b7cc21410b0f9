"""Quotable units of a passage: sentences, list items and resolution clauses, each an exact
span, with the short line that completes one, the sentences around the best one, and how
quotes are gathered without repeats."""

from __future__ import annotations

import re
from itertools import zip_longest

from assistant.retrieval.facts import VOTE_RECORD
from assistant.retrieval.passages import Unit
from assistant.retrieval.question import Query
from assistant.text import words
from assistant.types import Passage

# An answer quotes at most this many words (a resolution's clauses, a list, several parts):
# room for the sentences either side of the best one, where the second half of an answer often
# is, while a typical answer stays a short read (chosen on question sets, evals/README.md).
MAX_ANSWER_WORDS = 150
# A following sentence this short completes the one before it ('ACTION – report back.').
TRAILER_WORDS = 12
# Sentences quoted either side of the best one, budget allowing.
NEIGHBOURS = 2
# A quote ending in a colon leads in to what follows ('… with the following conditions:'): on
# its own it leaves out what it introduces, so the unit after it is quoted too, beyond the
# budget by at most this many words.
LEAD_IN = re.compile(r":[\s*_\"”’)\]]*$")
COMPLETION_WORDS = 60


def with_context(unit: Unit, units: list[Unit]) -> list[Unit]:
    """``unit`` with the sentence after it when that one is a short line completing it
    ('ACTION – …')."""
    following = after(unit, units)
    if following and words(following[0].text) <= TRAILER_WORDS:
        return [unit, following[0]]
    return [unit]


def after(unit: Unit, units: list[Unit]) -> list[Unit]:
    """The units of ``unit``'s passage that come after it, in reading order."""
    return sorted(
        (u for u in units if u.passage_rank == unit.passage_rank and u.start >= unit.end),
        key=lambda u: u.start,
    )


def with_neighbours(chosen: list[Unit], units: list[Unit], budget: int) -> list[Unit]:
    """The quotes with the sentences either side of the best one (the nearest first, the one
    after before the one before), as far as ``budget`` words allow: a fact asked for is often
    given over several sentences, and the reader sees the quote in its context."""
    if not chosen:
        return chosen
    best = max(chosen, key=lambda u: u.score)
    same = sorted((u for u in units if u.passage_rank == best.passage_rank), key=lambda u: u.start)
    before = [u for u in same if u.end <= best.start][::-1][:NEIGHBOURS]
    next_ones = after(best, units)[:NEIGHBOURS]
    nearest_first = [u for pair in zip_longest(next_ones, before) for u in pair if u is not None]
    extended = add_new(nearest_first, chosen, budget)
    return sorted(extended, key=lambda u: (u.passage_rank, u.start))


def with_completions(chosen: list[Unit], units: list[Unit]) -> list[Unit]:
    """The quotes with the unit after each one that leads in to it (and on, while that one
    leads in too), in the budget plus ``COMPLETION_WORDS``."""
    result = list(chosen)
    left = MAX_ANSWER_WORDS + COMPLETION_WORDS - sum(words(u.text) for u in result)
    for unit in sorted(chosen, key=lambda u: (u.passage_rank, u.start)):
        current: Unit | None = unit
        while current is not None and LEAD_IN.search(current.text):
            following = next(iter(after(current, units)), None)
            if following is None or words(following.text) > left:
                break
            if not any(overlaps(following, c) for c in result):
                result.append(following)
                left -= words(following.text)
            current = following
    return sorted(result, key=lambda u: (u.passage_rank, u.start))


def with_vote_records(
    plan: Query, chosen: list[Unit], units: list[Unit], floor: float
) -> list[Unit]:
    """Asked about a vote, the record of the vote ('Motion Passed (9 to 5)') on the motion that
    answers best (its best clause scoring at least ``floor``), with that clause, in the budget
    plus ``COMPLETION_WORDS``. Minutes record a vote after the motion's last clause, and a
    record scores low as a sentence on its own: it takes the score of its motion."""
    if not plan.wants_vote or any(VOTE_RECORD.search(u.text) for u in chosen):
        return chosen
    motions = [(clause, record) for clause, record in _motions(units) if clause.score >= floor]
    if not motions:
        return chosen
    clause, record = max(motions, key=lambda pair: pair[0].score)
    # The record first: a short line, and the vote asked about; its clause as the budget allows.
    added = add_new([record, clause], chosen, MAX_ANSWER_WORDS + COMPLETION_WORDS)
    return sorted(added, key=lambda u: (u.passage_rank, u.start))


def _motions(units: list[Unit]) -> list[tuple[Unit, Unit]]:
    """Each recorded vote of the passages with the best-scoring clause of its motion: of the
    units before it in its passage, back to the vote recorded before it."""
    motions = []
    for rank in sorted({u.passage_rank for u in units}):
        clauses: list[Unit] = []
        for unit in sorted((u for u in units if u.passage_rank == rank), key=lambda u: u.start):
            if VOTE_RECORD.search(unit.text):
                if clauses:
                    motions.append((max(clauses, key=lambda u: u.score), unit))
                clauses = []
            else:
                clauses.append(unit)
    return motions


def add_new(new: list[Unit], chosen: list[Unit], budget: int) -> list[Unit]:
    """``chosen`` with the units of ``new`` that repeat nothing and fit the word budget."""
    result = list(chosen)
    left = budget - sum(words(u.text) for u in result)
    for unit in new:
        repeated = any(overlaps(unit, c) or same_words(unit, c) for c in result)
        if repeated or (result and words(unit.text) > left):
            continue
        result.append(unit)
        left -= words(unit.text)
    return result


def overlaps(a: Unit, b: Unit) -> bool:
    return a.passage_rank == b.passage_rank and a.start < b.end and b.start < a.end


def same_words(a: Unit, b: Unit) -> bool:
    """The same sentence found twice (overlapping chunks, or one text printed in two papers)."""
    return a.text.split() == b.text.split() or a.text in b.text or b.text in a.text


def one_line(text: str) -> str:
    """Quotes are shown on one line; whitespace differences are not changes of wording.

    A line break after a hyphen is kept: it may be a word broken across lines.
    """
    return re.sub(r"(?<!-)\s+", " ", text.strip())


def with_following_clauses(
    plan: Query, chosen: list[Unit], units: list[Unit], passages: list[Passage]
) -> list[Unit]:
    """Asked what was resolved, quote the best quoted clause's resolution on to its end (in
    budget)."""
    clauses = [
        u for u in chosen if passages[u.passage_rank].metadata.get("section_kind") == "resolution"
    ]
    if not (plan.wants_resolution and clauses):
        return chosen
    best = max(clauses, key=lambda u: u.score)
    budget = MAX_ANSWER_WORDS - sum(words(u.text) for u in chosen)
    extended = list(chosen)
    for unit in after(best, units):
        if any(overlaps(unit, c) for c in extended):
            continue
        if budget < words(unit.text):
            break
        extended.append(unit)
        budget -= words(unit.text)
    return sorted(extended, key=lambda u: (u.passage_rank, u.start))
