"""The ablation switches: ``context_headers`` and ``parse_structure`` change what is indexed, and
their defaults change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest.chunking import Chunker, ChunkLimits
from assistant.ingest.pipeline import _freshness, index_settings
from assistant.ingest.structure import parse_document, parse_plain
from assistant.settings import Settings
from assistant.store.chroma import IndexStore
from assistant.types import LoadedDocument, Page
from evals import run

MINUTES = (
    "FERNLEIGH COUNTY COUNCIL\n\n"
    "CABINET\n\n"
    "MINUTES of a meeting of the Cabinet held in the Council Chamber, County Hall,\n"
    "Fernleigh on Thursday, 30 January 2025.\n\n"
    "PRESENT: Mr A Smith (Chairman), Mrs B Jones and Mr C Patel\n\n"
    "87. Integrated Transport Plan\n(Item 4)\n\n"
    "1. The Cabinet Member for Highways introduced the report on the Integrated Transport "
    "Plan. Members asked about the bus lane scheme and the cost of the relief road.\n\n"
    "2. RESOLVED that Cabinet agree to:\n\n"
    "(a) approve the Integrated Transport Plan;\n\n"
    "(b) authorise the Director of Highways to consult on the bus lane scheme; and\n\n"
    "(c) bring a progress report to the Committee in September 2025.\n\n"
    "88. Library Services Review\n(Item 5)\n\n"
    "The Cabinet noted the review of library opening hours."
)
HEADER_START = "Fernleigh County Council | Cabinet | 30 January 2025"
SECTION_FIELDS = ("item_number", "item_title", "heading")


def _loaded() -> LoadedDocument:
    return LoadedDocument(
        "cabinet/2025-01-30/Printed minutes.pdf", [Page(1, MINUTES)], title="Cabinet minutes"
    )


@pytest.fixture(scope="module")
def limits(embeddings) -> ChunkLimits:
    return ChunkLimits(model_max_tokens=embeddings.max_tokens, body_tokens=60, overlap_tokens=10)


def test_defaults_are_on() -> None:
    settings = Settings(_env_file=None)
    assert settings.context_headers is True
    assert settings.parse_structure is True


def test_structured_chunks_have_headers_and_sections(embeddings, limits) -> None:
    loaded = _loaded()
    chunks = Chunker(embeddings.count_tokens, limits).chunk(loaded, parse_document(loaded))
    assert all(c.embed_text.startswith(HEADER_START) for c in chunks)
    assert all(int(c.metadata["header_chars"]) > 0 for c in chunks)
    assert "resolution" in {c.metadata["section_kind"] for c in chunks}
    assert {c.metadata["item_number"] for c in chunks} >= {"87", "88"}


def test_without_headers_only_the_prefix_goes(embeddings, limits) -> None:
    loaded = _loaded()
    parsed = parse_document(loaded)
    with_headers = Chunker(embeddings.count_tokens, limits).chunk(loaded, parsed)
    without = Chunker(embeddings.count_tokens, limits, context_headers=False).chunk(loaded, parsed)
    # Same boundaries and section metadata; the indexed text is the verbatim text alone.
    assert [c.text for c in without] == [c.text for c in with_headers]
    for bare, full in zip(without, with_headers, strict=True):
        assert bare.embed_text == bare.text
        assert bare.metadata["header_chars"] == 0
        assert "Fernleigh County Council" not in bare.embed_text
        for key in (*SECTION_FIELDS, "section_kind", "page", "committee", "date"):
            assert bare.metadata[key] == full.metadata[key]
        assert bare.id != full.id  # another index content, another id


def test_plain_parse_has_no_sections_but_keeps_document_metadata(embeddings, limits) -> None:
    loaded = _loaded()
    plain = parse_plain(loaded)
    assert plain.meta == parse_document(loaded).meta
    assert [(s.page, s.text) for s in plain.sections] == [(1, MINUTES.strip())]
    chunks = Chunker(embeddings.count_tokens, limits).chunk(loaded, plain)
    assert len(chunks) > 1  # the page is split by the token budget alone
    for chunk in chunks:
        assert all(chunk.metadata[key] == "" for key in SECTION_FIELDS)
        assert chunk.metadata["section_kind"] == "other"
        assert chunk.text in MINUTES
        # The header still names the council, committee and date, but no item.
        header = chunk.embed_text[: int(chunk.metadata["header_chars"])]
        assert header.startswith(HEADER_START)
        assert "Item" not in header


def test_switches_make_the_index_stale_and_key_the_eval_cache(tmp_path: Path) -> None:
    base = Settings(_env_file=None, corpus_path=tmp_path)
    manifest = {"corpus": str(tmp_path.resolve()), "files": {}, **index_settings(base)}
    for switch in ("context_headers", "parse_structure"):
        changed = base.model_copy(update={switch: False})
        assert index_settings(changed) != index_settings(base)
        up_to_date, reason = _freshness(changed, manifest, chunks=1)
        assert not up_to_date
        assert switch in reason
        assert run.cache_key("assistant", tmp_path, changed) != run.cache_key(
            "assistant", tmp_path, base
        )
    assert _freshness(base, manifest, chunks=1) == (True, "up to date")


def test_defaults_change_nothing(embeddings, limits, tmp_path: Path) -> None:
    """Switches left on: the chunks (so the ids) and the eval cache key are as before them."""
    loaded = _loaded()
    parsed = parse_document(loaded)
    default = Chunker(embeddings.count_tokens, limits).chunk(loaded, parsed)
    explicit = Chunker(embeddings.count_tokens, limits, context_headers=True).chunk(loaded, parsed)
    assert [(c.id, c.embed_text, c.metadata) for c in default] == [
        (c.id, c.embed_text, c.metadata) for c in explicit
    ]
    for chunk in default:
        header = chunk.embed_text[: int(chunk.metadata["header_chars"])]
        assert chunk.embed_text == header + chunk.text
    base = Settings(_env_file=None)
    on = base.model_copy(update={"context_headers": True, "parse_structure": True})
    assert run.cache_key("assistant", tmp_path, on) == run.cache_key("assistant", tmp_path, base)


def test_an_index_built_before_the_switches_existed_is_still_up_to_date(tmp_path: Path) -> None:
    base = Settings(_env_file=None, corpus_path=tmp_path)
    manifest = {"corpus": str(tmp_path.resolve()), "files": {}, **index_settings(base)}
    for key in ("context_headers", "parse_structure"):
        del manifest[key]
    assert _freshness(base, manifest, chunks=1) == (True, "up to date")
    plain = base.model_copy(update={"parse_structure": False})
    assert not _freshness(plain, manifest, chunks=1)[0]


def test_torch_and_onnx_fp32_share_an_index_and_int8_does_not(embeddings, tmp_path: Path) -> None:
    torch = Settings(_env_file=None, corpus_path=tmp_path, embedding_backend="torch")
    fp32 = torch.model_copy(update={"embedding_backend": "onnx"})
    int8 = torch.model_copy(update={"embedding_backend": "onnx-int8"})
    manifest = {"corpus": str(tmp_path.resolve()), "files": {}, **index_settings(torch)}
    assert _freshness(fp32, manifest, chunks=1) == (True, "up to date")
    assert not _freshness(int8, manifest, chunks=1)[0]
    key = run.cache_key("assistant", tmp_path, torch)
    assert run.cache_key("assistant", tmp_path, fp32) == key
    assert run.cache_key("assistant", tmp_path, int8) != key
    # Chunk ids follow the model metadata: the same for both fp32 backends, so nothing re-embeds.
    meta = {s.embedding_backend: IndexStore(s, embeddings).model_metadata()
            for s in (torch, fp32, int8)}
    assert meta["torch"] == meta["onnx"] != meta["onnx-int8"]


def test_a_manifest_that_recorded_the_backend_keeps_meaning_it(tmp_path: Path) -> None:
    fp32 = Settings(_env_file=None, corpus_path=tmp_path, embedding_backend="onnx")
    manifest = {"corpus": str(tmp_path.resolve()), "files": {}, **index_settings(fp32)}
    del manifest["embedding_vectors"]
    for backend, fresh in (("torch", True), ("onnx", True), ("onnx-int8", False)):
        assert _freshness(fp32, {**manifest, "embedding_backend": backend}, chunks=1)[0] is fresh
