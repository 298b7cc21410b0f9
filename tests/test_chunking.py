"""Chunking: token limits with the real tokenizer, verbatim text, whole resolutions, stable ids."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.ingest.chunking import Chunker, ChunkLimits
from assistant.types import DocMeta, LoadedDocument, Page, ParsedDocument, Section

DISCUSSION = " ".join(
    f"Member {i} asked about the library opening hours in ward {i} and the officer replied "
    f"that a review of the service would report back by March."
    for i in range(40)
)
RESOLUTION = (
    "RESOLVED that:\n(a) the Integrated Transport Plan be approved;\n"
    "(b) the Director of Highways be authorised to consult on the bus lane scheme; and\n"
    "(c) a progress report be brought to the Committee in September 2025."
)


def _document() -> tuple[LoadedDocument, ParsedDocument]:
    page1 = "87. Integrated Transport Plan\n" + DISCUSSION
    page2 = RESOLUTION + "\nACTION: Officers to circulate the consultation timetable."
    loaded = LoadedDocument("cabinet/minutes.pdf", [Page(1, page1), Page(2, page2)])
    meta = DocMeta(
        "cabinet/minutes.pdf",
        title="Printed minutes",
        doc_kind="minutes",
        council="Fernleigh County Council",
        committee="Cabinet",
        date=dt.date(2025, 1, 30),
    )
    sections = [
        Section("87. Integrated Transport Plan", 1, "heading", "87", "Integrated Transport Plan"),
        Section(DISCUSSION, 1, "discussion", "87", "Integrated Transport Plan"),
        Section(RESOLUTION, 2, "resolution", "87", "Integrated Transport Plan"),
        Section(
            "ACTION: Officers to circulate the consultation timetable.",
            2,
            "action",
            "87",
            "Integrated Transport Plan",
        ),
    ]
    return loaded, ParsedDocument(meta, sections)


@pytest.fixture(scope="module")
def chunker(embeddings) -> Chunker:
    limits = ChunkLimits(model_max_tokens=embeddings.max_tokens, body_tokens=120, overlap_tokens=20)
    return Chunker(embeddings.count_tokens, limits, {"embedding_model": "test"})


def test_every_chunk_fits_the_model_and_is_verbatim(chunker, embeddings) -> None:
    loaded, parsed = _document()
    chunks = chunker.chunk(loaded, parsed)
    pages = {p.number: p.text for p in loaded.pages}
    assert len(chunks) > 4  # the long discussion had to be split
    for chunk in chunks:
        assert embeddings.count_tokens(chunk.embed_text) <= embeddings.max_tokens
        assert chunk.text in pages[int(chunk.metadata["page"])]
        assert chunk.embed_text.endswith(chunk.text)
        assert chunk.embed_text[: int(chunk.metadata["header_chars"])].startswith(
            "Fernleigh County Council | Cabinet | 30 January 2025"
        )


def test_resolution_block_is_kept_whole(chunker) -> None:
    loaded, parsed = _document()
    resolutions = [
        c for c in chunker.chunk(loaded, parsed) if c.metadata["section_kind"] == "resolution"
    ]
    assert [c.text for c in resolutions] == [RESOLUTION]
    assert resolutions[0].metadata["item_number"] == "87"
    assert resolutions[0].metadata["date"] == "2025-01-30"
    assert resolutions[0].metadata["date_num"] == 20250130


def test_ids_are_stable_and_follow_content(chunker) -> None:
    loaded, parsed = _document()
    first = [c.id for c in chunker.chunk(loaded, parsed)]
    again = [c.id for c in chunker.chunk(loaded, parsed)]
    assert first == again
    assert len(set(first)) == len(first)
    changed_text = RESOLUTION.replace("September 2025", "October 2025")
    loaded.pages[1] = Page(2, loaded.pages[1].text.replace(RESOLUTION, changed_text))
    parsed.sections[2] = Section(changed_text, 2, "resolution", "87", "Integrated Transport Plan")
    changed = [c.id for c in chunker.chunk(loaded, parsed)]
    assert changed[:-2] == first[:-2]  # chunks before the resolution keep their ids
    assert changed[-2] != first[-2]


def test_long_header_is_capped(embeddings) -> None:
    limits = ChunkLimits(embeddings.max_tokens, 200, 20)
    chunker = Chunker(embeddings.count_tokens, limits)
    loaded = LoadedDocument("x.txt", [Page(1, "A short finding about waiting times for therapy.")])
    meta = DocMeta("x.txt", title="A very long report title " * 30, doc_kind="report")
    parsed = ParsedDocument(meta, [Section(loaded.pages[0].text, 1, "discussion")])
    (chunk,) = chunker.chunk(loaded, parsed)
    header = chunk.embed_text[: int(chunk.metadata["header_chars"])]
    assert embeddings.count_tokens(header) <= 57
    assert chunk.text == loaded.pages[0].text


def test_a_chunk_cites_the_printed_page_its_text_starts_on(chunker) -> None:
    page_text = DISCUSSION + "\n---\n2\n\n" + RESOLUTION
    breaks = (page_text.index("\n---\n") + 1,)
    loaded = LoadedDocument("md/minutes.md", [Page(1, page_text, breaks)])
    meta = DocMeta("md/minutes.md", title="Minutes", doc_kind="minutes", council="Fernleigh")
    sections = [Section(DISCUSSION, 1, "discussion"), Section(RESOLUTION, 1, "resolution")]
    chunks = chunker.chunk(loaded, ParsedDocument(meta, sections))
    pages = {c.metadata["page"] for c in chunks if c.text in DISCUSSION}
    assert pages == {1} and len([c for c in chunks if c.text in DISCUSSION]) > 1
    assert [c.metadata["page"] for c in chunks if c.text == RESOLUTION] == [2]
