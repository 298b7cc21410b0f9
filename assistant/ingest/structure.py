"""Pages → sections: agenda items, resolutions, actions, summaries and findings, in reading order.

Every ``Section.text`` is an exact substring of the text of page ``Section.page`` (the answer
step quotes sections verbatim and cites the page), so a section never crosses a page; the item
and heading it belongs to carry over onto the next page. Documents with no structure we know
still come out as paragraph groups.
"""

from __future__ import annotations

from assistant.ingest.blocks import (
    EXPECTS_LIST,
    LETTER_CLAUSE,
    SUMMARY_HEADING,
    VERDICT_HEADING,
    Block,
    split_blocks,
)
from assistant.ingest.docmeta import extract_meta
from assistant.types import DocMeta, LoadedDocument, ParsedDocument, Section, SectionKind


def parse_document(doc: LoadedDocument) -> ParsedDocument:
    """Metadata and sections of a loaded document (see the module docstring for the contract)."""
    meta = extract_meta(doc)
    blocks = split_blocks(doc, meta)
    return ParsedDocument(meta=meta, sections=_Sectioner(doc, meta).run(blocks))


def parse_plain(doc: LoadedDocument) -> ParsedDocument:
    """Metadata and one section per page, with no item, heading or kind: the document as plain
    text (``parse_structure=False``, to measure what the structure adds)."""
    sections = [Section(text=p.text.strip(), page=p.number) for p in doc.pages if p.text.strip()]
    return ParsedDocument(meta=extract_meta(doc), sections=sections)


# --- blocks → sections -------------------------------------------------------------------


class _Sectioner:
    """Walks the blocks with the current item, heading and mode, cutting sections."""

    def __init__(self, doc: LoadedDocument, meta: DocMeta) -> None:
        self.texts = {p.number: p.text for p in doc.pages}
        self.kind_of_doc = meta.doc_kind
        self.sections: list[Section] = []
        self.item = ("", "")
        self.heading = ""
        self.heading_kind: SectionKind | None = None  # "Overview", "Recommendations" headings
        self.mode = ""  # "", "resolution" or "summary"
        self.expects_list = False
        self.started = False  # past the preamble (attendance lists) of minutes
        self.current: tuple[int, int, int, SectionKind] | None = None  # page, start, end, kind
        self.pending: list[Block] = []  # headings and movers that open the next section
        self.snapshot = ("", "", "")

    def run(self, blocks: list[Block]) -> list[Section]:
        page = blocks[0].page if blocks else 0
        self.started = not any(b.role in ("item", "label_item") for b in blocks)
        for block in blocks:
            if block.page != page:
                self._flush()
                self._flush_pending()
                page = block.page
            self._take(block)
        self._flush()
        self._flush_pending()
        return self.sections

    def _take(self, block: Block) -> None:
        role = block.role
        if role == "furniture":
            return
        if role in ("item", "label_item"):
            self._flush()
            self.item, self.heading, self.started = (block.number, block.title), "", True
            self.mode, self.heading_kind = "", None
            if role == "label_item":  # the label is the first words of its paragraph
                self._start(block, self._base_kind())
            else:
                self.pending.append(block)
        elif role == "heading":
            self._flush()
            self.heading = block.title
            self.heading_kind = ("summary" if SUMMARY_HEADING.match(block.title) else
                                 "resolution" if VERDICT_HEADING.match(block.title) else None)
            self.mode = ""
            self.pending.append(block)
        elif role == "mover":
            self._flush()
            self.mode = ""
            self.pending.append(block)
        elif role == "resolution" or (role in ("body", "clause") and self._after_mover()):
            self._flush()
            self.mode = "resolution"
            self.expects_list = bool(EXPECTS_LIST.search(block.lines[-1]))
            self._start(block, "resolution")
        elif role == "summary":
            self._flush()
            self.mode = "summary"
            self._start(block, "summary")
        elif role == "action":
            self._flush()
            self._start(block, "action")
            self._flush()
        elif role in ("clause", "outcome") and self._continues(block):
            self._extend(block)
        else:
            self._body(block)

    def _after_mover(self) -> bool:
        """The paragraph after "Moved by ... Seconded by ..." is the motion itself."""
        return any(b.role == "mover" for b in self.pending)

    def _continues(self, block: Block) -> bool:
        if self.mode not in ("resolution", "summary"):
            return False
        if block.role == "outcome" or self.mode == "summary":
            return True
        return bool(LETTER_CLAUSE.match(block.lines[0])) or self.expects_list

    def _body(self, block: Block) -> None:
        if self.mode == "summary" and self.current is not None:
            self._extend(block)
            return
        if self.mode == "resolution" and self._quote_open():
            self._extend(block)  # a quoted motion carries on to its closing quote mark
            return
        if self.mode == "resolution":
            self._flush()
            self.mode = ""
        kind = self.heading_kind or self._base_kind()
        if self.current is not None and self._kind() == kind:
            self._extend(block)
        else:
            self._flush()
            self._start(block, kind)

    def _quote_open(self) -> bool:
        if self.current is None:
            return False
        page, start, end, _ = self.current
        text = self.texts[page][start:end]
        return text.count("“") > text.count("”")

    def _base_kind(self) -> SectionKind:
        if self.kind_of_doc == "agenda" or (self.kind_of_doc == "minutes" and not self.started):
            return "other"
        return "discussion"

    def _kind(self) -> SectionKind | None:
        return self.current[3] if self.current else None

    def _start(self, block: Block, kind: SectionKind) -> None:
        start = self.pending[0].start if self.pending else block.start
        self.pending = []
        self.current = (block.page, start, block.end, kind)
        self.snapshot = (self.item[0], self.item[1], self.heading)

    def _extend(self, block: Block) -> None:
        if self.current is None:  # a resolution or summary carrying on over a page break
            self._start(block, "resolution" if self.mode == "resolution" else "summary")
            return
        page, start, _, kind = self.current
        self.current = (page, start, block.end, kind)

    def _flush(self) -> None:
        if self.current is None:
            return
        page, start, end, kind = self.current
        self._emit(page, start, end, kind, *self.snapshot)
        self.current = None

    def _flush_pending(self) -> None:
        if self.pending:
            first, last = self.pending[0], self.pending[-1]
            self._emit(first.page, first.start, last.end, "heading", self.item[0], self.item[1],
                       self.heading)
            self.pending = []

    def _emit(self, page: int, start: int, end: int, kind: SectionKind, number: str, title: str,
              heading: str) -> None:
        text = self.texts[page][start:end].strip()
        if text:
            self.sections.append(Section(text=text, page=page, section_kind=kind,
                                         item_number=number, item_title=title, heading=heading))
