"""The quotable units of a passage (sentences, list items, resolution clauses) and what a unit
or passage is: a heading, a label or address block, a passage's context header. Retrieval, the
reranker and the answer steps read passages through these."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from assistant.retrieval.facts import GRADE, SUM, holds
from assistant.text import MIN_WORDS, split_units, words
from assistant.types import Passage

# A resolution this short is also offered whole, as one quote.
WHOLE_BLOCK_WORDS = 110
# The fewest words of a line quoted for the sum or judgement it gives (see _quotable).
SHORT_LINE_WORDS = 2
# A sentence shorter than this rarely answers on its own.
SHORT_UNIT_WORDS = 8
# Text set as many lines this short on average is a letterhead or an address, not a sentence.
FURNITURE_LINES = 4
FURNITURE_WIDTH = 30
FIELD_LABEL = re.compile(r"(?:^|\s)[A-Z][A-Za-z]+(?: [A-Za-z]+)?:\s")
FURNITURE_FIELDS = 3
DATED_FIELD = re.compile(r"\b(?:date|effective|published|made|decided)\b[^:]{0,30}:\s*\d", re.I)
# A list of a web page's attachments: 'Report (PDF 412 KB); Appendix A (PDF 1 MB)'.
ATTACHMENT = re.compile(r"\((?:PDF|DOCX?|XLSX?|ODT|HTML?)\b[^)]*?\d+\s?[KMG]B\)", re.I)
ITEM_TITLE = re.compile(r"^\s*(?:agenda\s+)?(?:item|minute)\s+\d+[a-z]?\s*[:.–-]", re.I)


def to_passage(chunk_id: str, embedded: str, meta: dict[str, Any], score: float) -> Passage:
    """A stored chunk as a ``Passage``: the verbatim text without its context header."""
    header_chars = int(meta.get("header_chars") or 0)
    return Passage(
        id=chunk_id,
        text=embedded[header_chars:],
        source=str(meta.get("source", "")),
        page=int(meta.get("page") or 0),
        score=score,
        metadata=dict(meta),
    )


@dataclass(slots=True)
class Unit:
    """A quotable span of one passage and how well it answers the question."""

    passage_rank: int
    start: int
    end: int
    text: str
    score: float = 0.0
    prior: float = 0.0
    vector: Any = None
    part_fits: list[float] = field(default_factory=list)
    # The best fit to any part, including one that only sets the scene (the topic).
    topic_fit: float = 0.0
    boilerplate: bool = False
    title: bool = False
    # The cross-encoder's logit for the unit answering the question (0: not read).
    cross: float = 0.0


def is_furniture(text: str) -> bool:
    """An address block or a list of names and dates (many short lines, no sentence), a
    report's cover fields ('From: … To: … Subject: … Classification: …'), a list of
    attachments."""
    lines = [line for line in text.splitlines() if line.strip()]
    short_lines = (
        len(lines) >= FURNITURE_LINES and sum(map(len, lines)) / len(lines) < FURNITURE_WIDTH
    )
    fields = len(FIELD_LABEL.findall(text)) >= FURNITURE_FIELDS
    return short_lines or fields or len(ATTACHMENT.findall(text)) >= 2


def is_title(text: str, meta: dict[str, object]) -> bool:
    """Headings and item titles name a topic; they never answer a question about it."""
    if meta.get("section_kind") == "heading" or ITEM_TITLE.match(text):
        return True
    if text.lstrip().startswith("#"):  # a Markdown heading, however long
        return True
    bare = text.strip().rstrip(".").lower()
    titles = {str(meta.get(k, "")).strip().lower() for k in ("item_title", "heading", "doc_title")}
    if bare in titles or any(bare.endswith(t) for t in titles if len(t) > 10):
        return True
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.7 * len(letters):
        return True  # 'MINUTES OF PROCEEDINGS AT MEETING OF …' is a heading in capitals
    if text.lstrip().startswith(">"):  # a Markdown quote, such as a vote's outcome, says a fact
        return False
    if DATED_FIELD.search(text):  # 'Date of decision: 13/03/2025' is a fact, not a heading
        return False
    return not re.search(r"[.;:!?]\W*$", text.strip()) and words(text) < 14


def mark_titles(units: list[Unit], passages: list[Passage]) -> None:
    """Mark the units that are headings, not sentences. A short line under one that ends with a
    colon is an item of the list that line opens ('Allotment charges:' over 'Full plot: £85 per
    year'), not a heading."""
    for unit in units:
        unit.title = is_title(unit.text, passages[unit.passage_rank].metadata)
    for before, unit in zip(units, units[1:], strict=False):
        if before.passage_rank == unit.passage_rank and before.text.rstrip().endswith(":"):
            unit.title = False


def units_of(rank: int, passage: Passage) -> list[Unit]:
    text = passage.text
    titles = _titles(passage.metadata)
    spans = [
        span
        for a, b in split_units(text, min_words=SHORT_LINE_WORDS)
        if _quotable(text[a:b])
        for span in _title_apart(text, a, b, titles)
    ]
    units = [Unit(rank, a, b, text[a:b]) for a, b in spans]
    is_resolution = passage.metadata.get("section_kind") == "resolution"
    if is_resolution and words(text) <= WHOLE_BLOCK_WORDS and len(units) > 1:
        units.append(Unit(rank, 0, len(text), text))  # a resolution is best quoted whole
    return units


def _quotable(text: str) -> bool:
    """A sentence, or a shorter line that gives a sum or a judgement on its own (a table's
    'Total reserves £4.1m', the grade a report's judgement table gives)."""
    return words(text) >= MIN_WORDS or holds(SUM, text) or holds(GRADE, text)


def _titles(meta: dict[str, Any]) -> set[str]:
    keys = ("item_title", "heading", "doc_title")
    return {" ".join(str(meta.get(k) or "").split()).lower() for k in keys} - {""}


def _title_apart(text: str, start: int, end: int, titles: set[str]) -> list[tuple[int, int]]:
    """A span whose first line is the document's or section's title set above what follows
    ('Area SEND inspection of …' over 'Inspection dates: …'), as two spans: the title would
    otherwise make the lines under it look like an answer to any question on the topic."""
    first, newline, rest = text[start:end].partition("\n")
    if not newline or not rest.strip() or " ".join(first.split()).lower() not in titles:
        return [(start, end)]
    rest_start = start + len(first) + 1
    rest_start += len(rest) - len(rest.lstrip())
    return [(start, start + len(first.rstrip())), (rest_start, end)]


def has_content(passage: Passage) -> bool:
    """Whether a passage holds a sentence of its own: more than a heading, a label or an
    address block (a heading that states an inspection's judgement counts)."""
    return any(
        not is_furniture(u.text)
        and (not is_title(u.text, passage.metadata) or holds(GRADE, u.text))
        for u in units_of(0, passage)
    )


def in_context(passage: Passage) -> str:
    """A passage's text with what its context header says (body, committee, title, item)."""
    meta = passage.metadata
    keys = ("council", "committee", "doc_title", "heading", "item_title")
    return " ".join([passage.text, *(str(meta.get(k, "")) for k in keys)])
