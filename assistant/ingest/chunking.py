"""Sections → chunks that fit the embedding model, each with a context header and a stable id.

A chunk's ``text`` is an exact substring of its page (the answer step quotes it verbatim); its
``embed_text`` is a short context header (council, committee, date, item) followed by that text,
and the two together never exceed the model's input limit, so nothing is silently truncated.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.types import Chunk, LoadedDocument, ParsedDocument, Section, human_date

HEADER_MAX_TOKENS = 56
SEPARATORS = ["\n\n", "\n", ". ", "; ", ", ", " ", ""]


@dataclass(frozen=True, slots=True)
class ChunkLimits:
    """How big chunks may be, in the embedding model's word pieces."""

    model_max_tokens: int
    body_tokens: int
    overlap_tokens: int


@dataclass(slots=True)
class _Span:
    """A run of one page's text: ``page_text[start:end]``, with its section's context."""

    section: Section
    start: int
    end: int


class Chunker:
    """Turns parsed documents into chunks under the token limit of the embedding model."""

    def __init__(
        self,
        count_tokens: Callable[[str], int],
        limits: ChunkLimits,
        extra_metadata: dict[str, str | int] | None = None,
        context_headers: bool = True,
    ) -> None:
        self.count_tokens = count_tokens
        self.limits = limits
        self.extra_metadata = extra_metadata or {}
        # Off (to measure what the header adds): the header still sets the token budget, so the
        # chunk boundaries stay the same, but it is not put in front of the indexed text.
        self.context_headers = context_headers

    def chunk(self, loaded: LoadedDocument, parsed: ParsedDocument) -> list[Chunk]:
        """All chunks of one document, in reading order."""
        pages = {page.number: page for page in loaded.pages}
        texts = {number: page.text for number, page in pages.items()}
        chunks: list[Chunk] = []
        for span, page_text in self._merged_spans(parsed.sections, texts):
            header = self._header(parsed, span.section)
            budget = min(
                self.limits.body_tokens,
                self.limits.model_max_tokens - self.count_tokens(header) - 1,
            )
            body = page_text[span.start : span.end]
            prefix = header if self.context_headers else ""
            offset = span.start
            for piece in self._split(body, budget):
                offset = max(page_text.find(piece, offset), offset)
                printed = pages[span.section.page].printed_page(offset)
                chunks.append(
                    self._make_chunk(parsed, span.section, prefix, piece, len(chunks), printed)
                )
        return chunks

    def _merged_spans(
        self, sections: list[Section], pages: dict[int, str]
    ) -> Iterator[tuple[_Span, str]]:
        """Locate each section in its page; merge neighbours of the same item and kind."""
        current: _Span | None = None
        cursor: dict[int, int] = {}
        for section in sections:
            page_text = pages.get(section.page, "")
            start = page_text.find(section.text, cursor.get(section.page, 0))
            if start < 0:
                start = page_text.find(section.text)
            if start < 0 or not section.text.strip():
                continue
            end = start + len(section.text)
            cursor[section.page] = end
            if current is not None and self._can_merge(current, section, start, end, page_text):
                current.end = end
                continue
            if current is not None:
                yield current, pages[current.section.page]
            current = _Span(section, start, end)
        if current is not None:
            yield current, pages[current.section.page]

    def _can_merge(
        self, span: _Span, section: Section, start: int, end: int, page_text: str
    ) -> bool:
        first = span.section
        same_context = (
            first.page == section.page
            and first.item_number == section.item_number
            and first.item_title == section.item_title
            and first.heading == section.heading
            and first.section_kind == section.section_kind
        )
        if not same_context or start < span.end:
            return False
        merged = page_text[span.start : end]
        return self.count_tokens(merged) <= self.limits.body_tokens

    def _split(self, body: str, budget: int) -> list[str]:
        """Pieces of ``body`` (each an exact substring) of at most ``budget`` word pieces."""
        body = body.strip()
        if not body:
            return []
        if self.count_tokens(body) <= budget:
            return [body]
        splitter = RecursiveCharacterTextSplitter(
            chunk_size=budget,
            chunk_overlap=min(self.limits.overlap_tokens, budget // 4),
            length_function=self.count_tokens,
            separators=SEPARATORS,
            keep_separator="end",
        )
        pieces: list[str] = []
        for piece in splitter.split_text(body):
            pieces.extend(self._enforce_budget(piece, budget))
        return [p for p in pieces if p.strip()]

    def _enforce_budget(self, piece: str, budget: int) -> list[str]:
        """The splitter's merge can overshoot by a token or two: halve until it fits."""
        if self.count_tokens(piece) <= budget or len(piece) < 2:
            return [piece]
        middle = piece.rfind(" ", 0, len(piece) // 2 + 1)
        cut = middle if middle > 0 else len(piece) // 2
        left, right = piece[:cut].strip(), piece[cut:].strip()
        return self._enforce_budget(left, budget) + self._enforce_budget(right, budget)

    def _header(self, parsed: ParsedDocument, section: Section) -> str:
        """One line of context a reader needs: body, committee, date, document, item, heading."""
        meta = parsed.meta
        parts = [meta.council, meta.committee]
        if meta.date:
            parts.append(human_date(meta.date))
        parts.append(meta.title)
        if section.item_number or section.item_title:
            parts.append(f"Item {section.item_number}: {section.item_title}".replace(" :", ":"))
        if section.heading and section.heading != section.item_title:
            parts.append(section.heading)
        if section.section_kind in ("resolution", "action", "summary"):
            parts.append(section.section_kind.capitalize())
        header = " | ".join(dict.fromkeys(p.strip() for p in parts if p and p.strip()))
        while self.count_tokens(header) > HEADER_MAX_TOKENS and " " in header:
            header = header[: int(len(header) * 0.85)].rsplit(" ", 1)[0]
        return header + "\n"

    def _make_chunk(
        self,
        parsed: ParsedDocument,
        section: Section,
        header: str,
        text: str,
        position: int,
        page: int,
    ) -> Chunk:
        meta = parsed.meta
        metadata: dict[str, str | int | float | bool] = {
            "source": meta.source,
            "doc_title": meta.title,
            "doc_kind": meta.doc_kind,
            "council": meta.council,
            "committee": meta.committee,
            "date": meta.date.isoformat() if meta.date else "",
            "date_num": int(meta.date.strftime("%Y%m%d")) if meta.date else 0,
            "item_number": section.item_number,
            "item_title": section.item_title,
            "heading": section.heading,
            "section_kind": section.section_kind,
            "page": page,
            "position": position,
            "header_chars": len(header),
            **self.extra_metadata,
        }
        embed_text = header + text
        digest = hashlib.sha256(
            json.dumps([meta.source, position, embed_text, metadata], sort_keys=True).encode()
        ).hexdigest()
        metadata["chunk_id"] = digest
        return Chunk(id=digest, text=text, embed_text=embed_text, metadata=metadata)
