"""Typed data handed between stages: loaders → structure → chunking → store → answer → UI."""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Literal

DocKind = Literal["minutes", "agenda", "report", "inspection", "other"]
SectionKind = Literal["discussion", "resolution", "action", "summary", "heading", "other"]


@dataclass(frozen=True, slots=True)
class Page:
    """Text of one page (1-based number). Formats without pages give one page.

    Markdown converted from PDF keeps its printed pages in one text: ``breaks`` are the offsets
    where the later ones start, so a passage can cite the page it was printed on.
    """

    number: int
    text: str
    breaks: tuple[int, ...] = ()

    def printed_page(self, offset: int) -> int:
        """The printed page that ``text[offset]`` is on."""
        return self.number + bisect_right(self.breaks, offset)


@dataclass(slots=True)
class LoadedDocument:
    """A file turned into text, page by page. ``source`` is corpus-relative, forward slashes."""

    source: str
    pages: list[Page]
    title: str = ""
    format: str = ""


@dataclass(slots=True)
class DocMeta:
    """What a whole document is: read from its text first, its path second."""

    source: str
    title: str = ""
    doc_kind: DocKind = "other"
    council: str = ""
    committee: str = ""
    date: dt.date | None = None


@dataclass(slots=True)
class Section:
    """A structural unit of a document: an agenda item's discussion, a resolution, a finding."""

    text: str
    page: int
    section_kind: SectionKind = "other"
    item_number: str = ""
    item_title: str = ""
    heading: str = ""


@dataclass(slots=True)
class ParsedDocument:
    """A document's metadata and its sections, in reading order."""

    meta: DocMeta
    sections: list[Section]


@dataclass(slots=True)
class Chunk:
    """What is indexed. ``text`` is verbatim source text; ``embed_text`` adds a context header."""

    id: str
    text: str
    embed_text: str
    metadata: dict[str, str | int | float | bool]


@dataclass(slots=True)
class Passage:
    """A retrieved chunk as the answer step and the UI see it."""

    id: str
    text: str
    source: str
    page: int
    score: float
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def committee(self) -> str:
        return str(self.metadata.get("committee", "") or "")

    @property
    def date(self) -> str:
        return str(self.metadata.get("date", "") or "")

    @property
    def title(self) -> str:
        return str(self.metadata.get("doc_title", "") or self.source.rsplit("/", 1)[-1])

    @property
    def item(self) -> str:
        number = str(self.metadata.get("item_number", "") or "")
        title = str(self.metadata.get("item_title", "") or "")
        return f"{number} {title}".strip()

    def label(self) -> str:
        """Where this passage comes from: 'Cabinet, 30 January 2025, item 87'."""
        meta = self.metadata
        kind = str(meta.get("doc_kind", "") or "")
        body = self.committee or str(meta.get("council", "") or "")
        when = ""
        if self.date:
            try:
                when = human_date(dt.date.fromisoformat(self.date))
            except ValueError:
                when = self.date
        number = str(meta.get("item_number", "") or "")
        place = f"item {number}" if number and kind == "minutes" else f"page {self.page}"
        if kind == "inspection" or not body:
            parts = [self.title, when, place]
        elif kind == "minutes":
            parts = [body, when, place]
        else:
            parts = [body, when, self.title, place]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Citation:
    """``[n]`` in the answer text points at ``passage``; ``quote`` is an exact substring of it."""

    n: int
    passage: Passage
    quote: str


@dataclass(slots=True)
class Answer:
    """What the assistant returns; the CLI and UI only format it."""

    question: str
    text: str
    citations: list[Citation]
    passages: list[Passage]
    abstained: bool
    notes: list[str] = field(default_factory=list)


DecisionKind = Literal["resolution", "action"]


@dataclass(frozen=True, slots=True)
class Decision:
    """One row of the decisions and actions register: a resolution or an action, verbatim.

    ``text`` is the whole section as the structure parser cut it, an exact substring of page
    ``page`` of ``source``; ``date`` is the meeting date (ISO) or "" when the document gives none.
    """

    kind: DecisionKind
    text: str
    source: str
    page: int
    title: str = ""
    council: str = ""
    committee: str = ""
    date: str = ""
    item_number: str = ""
    item_title: str = ""
    doc_kind: str = ""

    @property
    def item(self) -> str:
        return f"{self.item_number} {self.item_title}".strip()

    def passage(self) -> Passage:
        """The row as a passage, so answers cite it like any retrieved text."""
        digest = hashlib.sha1(self.text.encode()).hexdigest()[:12]
        return Passage(
            id=f"{self.source}#p{self.page}:{digest}",
            text=self.text,
            source=self.source,
            page=self.page,
            score=1.0,
            metadata={
                "committee": self.committee,
                "council": self.council,
                "date": self.date,
                "doc_title": self.title,
                "doc_kind": self.doc_kind,
                "section_kind": self.kind,
                "item_number": self.item_number,
                "item_title": self.item_title,
            },
        )


@dataclass(slots=True)
class Filters:
    """Restrictions a user sets in the UI or CLI (all optional)."""

    committee: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    doc_kind: str | None = None

    def is_empty(self) -> bool:
        return not (self.committee or self.date_from or self.date_to or self.doc_kind)


@dataclass(slots=True)
class IngestReport:
    """Summary of one ingest run."""

    files_seen: int = 0
    files_indexed: int = 0
    chunks: int = 0
    added: int = 0
    updated: int = 0
    skipped_unchanged: int = 0
    deleted: int = 0
    sentences_embedded: int = 0
    sentences_seconds: float = 0.0
    failed: list[tuple[str, str]] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    seconds: float = 0.0


def human_date(day: dt.date) -> str:
    """30 January 2025 (no leading zero)."""
    return f"{day.day} {day:%B %Y}"
