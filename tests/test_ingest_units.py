"""Corpus-level steps of ingest that need no model."""

from __future__ import annotations

from assistant.ingest.pipeline import inherit_councils
from assistant.types import DocMeta, ParsedDocument


def _doc(source: str, council: str = "") -> ParsedDocument:
    return ParsedDocument(DocMeta(source, council=council), [])


def test_blank_council_taken_from_the_nearest_unanimous_folder() -> None:
    docs = [
        _doc("kent/cabinet/minutes.pdf", "Kent County Council"),
        _doc("kent/full_council/appendix.pdf"),
        _doc("ofsted/80443_bury/report.pdf", "Bury"),
        _doc("ofsted/80443_bury/letter.pdf"),
        _doc("ofsted/80460_derbyshire/report.pdf", "Derbyshire"),
        _doc("ofsted/notes.pdf"),
    ]
    inherit_councils(docs)
    assert [d.meta.council for d in docs] == [
        "Kent County Council",
        "Kent County Council",
        "Bury",
        "Bury",
        "Derbyshire",
        "",  # a folder of many areas names no single council
    ]
