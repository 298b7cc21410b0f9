"""Ingest with the real model and a real Chroma: idempotent, exact after changes, never stopped
by one bad file, refuses a busy index and a different embedding model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.errors import IndexBusy, ModelMismatch
from assistant.ingest.pipeline import index_status, ingest
from assistant.store.chroma import IndexStore, index_lock

pytestmark = pytest.mark.integration

MINUTES = """MINUTES of a meeting of the Cabinet held on Thursday, 30 January 2025.

87. Library opening hours
The Cabinet Member introduced the review of library opening hours across the county.
Members asked about rural branches and the officer said mobile libraries would continue.

RESOLVED that:
(a) the library opening hours review be approved; and
(b) the rural mobile library service be kept for two more years.
"""
LETTER = """Ofsted focused visit to Fernleigh children's services, 12 March 2024.

Inspectors found that care leavers wait too long for their pathway plans. The average wait
for a personal adviser was nine weeks. What needs to improve: timeliness of pathway plans.
"""
NOTES = "Planning Committee notes.\n\nThe committee refused the application for 40 homes.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "cabinet").mkdir(parents=True)
    (root / "cabinet" / "minutes-2025-01-30.txt").write_text(MINUTES)
    (root / "inspections").mkdir()
    (root / "inspections" / "focused-visit.md").write_text(LETTER)
    (root / "planning.txt").write_text(NOTES)
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    (root / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    return root


def _stored_sources(store: IndexStore) -> dict[str, int]:
    _, _, metas = store.records()
    counts: dict[str, int] = {}
    for meta in metas:
        counts[meta["source"]] = counts.get(meta["source"], 0) + 1
    return counts


def test_ingest_then_reingest_changes_and_deletions(corpus, make_settings, embeddings) -> None:
    settings = make_settings(corpus)
    store = IndexStore(settings, embeddings)
    first = ingest(settings, store=store)
    assert first.files_indexed == 3
    assert first.unsupported == ["photo.jpg"]
    assert [source for source, _ in first.failed] == ["broken.pdf"]
    assert first.added == first.chunks == store.count() > 0
    assert index_status(settings, store)["up_to_date"] is True

    again = ingest(settings, store=store)
    assert (again.added, again.deleted) == (0, 0)
    assert again.skipped_unchanged == first.chunks

    before = _stored_sources(store)
    (corpus / "planning.txt").write_text(NOTES + "\nThe committee approved the school extension.\n")
    assert index_status(settings, store)["up_to_date"] is False
    changed = ingest(settings, store=store)
    assert changed.updated == 1
    assert changed.added == changed.deleted == before["planning.txt"]  # only that file re-embedded
    assert changed.skipped_unchanged == first.chunks - before["planning.txt"]

    (corpus / "inspections" / "focused-visit.md").unlink()
    removed = ingest(settings, store=store)
    assert removed.deleted == before["inspections/focused-visit.md"]
    after = _stored_sources(store)
    assert "inspections/focused-visit.md" not in after
    assert store.count() == sum(after.values())
    ids, _, _ = store.records()
    assert len(ids) == len(set(ids))


def test_chunks_record_the_embedding_model(corpus, make_settings, embeddings) -> None:
    settings = make_settings(corpus)
    store = IndexStore(settings, embeddings)
    ingest(settings, store=store)
    _, _, metas = store.records()
    assert {(m["embedding_model"], m["embedding_dim"]) for m in metas} == {
        (settings.embedding_model, 384)
    }
    other = settings.model_copy(update={"embedding_model": "some/other-model"})
    with pytest.raises(ModelMismatch, match="built with embedding model"):
        IndexStore(other, embeddings).require()


def test_second_ingest_fails_fast_when_index_busy(corpus, make_settings, embeddings) -> None:
    settings = make_settings(corpus)
    with index_lock(settings.index_path):
        with pytest.raises(IndexBusy, match="busy"):
            ingest(settings, store=IndexStore(settings, embeddings))


def test_orphans_from_an_interrupted_ingest_are_removed(corpus, make_settings, embeddings) -> None:
    settings = make_settings(corpus)
    store = IndexStore(settings, embeddings)
    report = ingest(settings, store=store)
    # An ingest killed after writing to Chroma but before the record manager: an unknown id.
    store.vectorstore.add_texts(["stray text"], metadatas=[{"source": "gone.txt"}], ids=["stray"])
    assert store.count() == report.chunks + 1
    assert store.reconcile() == 1
    assert store.count() == report.chunks
    shutil.rmtree(corpus / "cabinet")
    ingest(settings, store=store)
    assert "cabinet/minutes-2025-01-30.txt" not in _stored_sources(store)


def test_a_file_that_fails_to_read_keeps_its_last_indexed_version(
    corpus, make_settings, embeddings
) -> None:
    """A file indexed before that cannot be read now (a parser crash, memory pressure, a
    half-copied upload) keeps its chunks and register rows until it reads again; a file
    deleted from the corpus still goes."""
    import docx

    from assistant.views.register import load_register

    settings = make_settings(corpus)
    store = IndexStore(settings, embeddings)
    source = "cabinet/minutes-2025-02-13.docx"
    document = docx.Document()
    for paragraph in MINUTES.replace("30 January", "13 February").split("\n\n"):
        document.add_paragraph(paragraph)
    document.save(str(corpus / source))
    ingest(settings, store=store)
    before = _stored_sources(store)
    rows = [r for r in load_register(settings.index_path) if r.source == source]
    assert before[source] > 0 and rows

    (corpus / source).write_bytes(b"PK\x03\x04 no longer a zip archive")
    again = ingest(settings, store=store)
    assert dict(again.failed)[source].endswith("its last indexed version is kept")
    assert (again.added, again.deleted) == (0, 0)  # nothing re-embedded, nothing lost
    assert _stored_sources(store) == before
    assert [r for r in load_register(settings.index_path) if r.source == source] == rows

    (corpus / source).unlink()
    gone = ingest(settings, store=store)
    assert gone.deleted == before[source]
    assert source not in _stored_sources(store)
    assert not [r for r in load_register(settings.index_path) if r.source == source]
