"""The sentences an answer may quote are embedded at ingest and saved beside the index: an
unchanged corpus embeds none again, a changed file only its new sentences, and the answer step
reads the saved vectors instead of embedding them per question."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.core import build_assistant
from assistant.ingest.pipeline import ingest
from assistant.retrieval.passages import to_passage, units_of
from assistant.retrieval.rerank import VectorCache
from assistant.store import sentence_vectors
from assistant.store.chroma import IndexStore
from assistant.store.sentence_vectors import SentenceVectors, file_of, key_of, model_tag

pytestmark = pytest.mark.integration

MINUTES = """MINUTES of a meeting of the Holtby Parish Council held on Monday, 3 March 2025.

12. Allotments
The clerk reported that the allotment waiting list had grown to twenty-three households.
Councillors discussed whether the field behind the village hall could be let as new plots.

RESOLVED that the clerk ask the landowner for a five-year lease of the field.
"""
LETTER = """Ofsted focused visit to Wenbury children's services, 14 May 2024.

Inspectors found that social workers visit children in care regularly and know them well.
Managers do not always record why plans for permanence are delayed.
"""
ADDED = "The clerk also reported that two plots had been left untended for a year.\n"


class CountingEmbeddings:
    """The real model, counting the texts it is asked to embed."""

    def __init__(self, embeddings) -> None:
        self.inner = embeddings
        self.embedded: list[str] = []

    @property
    def dimension(self) -> int:
        return int(self.inner.dimension)

    def encode(self, texts: list[str]) -> np.ndarray:
        self.embedded += texts
        return self.inner.encode(texts)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "holtby-2025-03-03.txt").write_text(MINUTES)
    (root / "wenbury-visit.md").write_text(LETTER)
    return root


def _quotable(store: IndexStore) -> set[str]:
    ids, texts, metas = store.records()
    return {
        unit.text
        for chunk_id, text, meta in zip(ids, texts, metas, strict=True)
        for unit in units_of(0, to_passage(chunk_id, text, meta, 0.0))
    }


def test_ingest_saves_every_quotable_sentence_once(corpus, make_settings, embeddings) -> None:
    settings = make_settings(corpus)
    store = IndexStore(settings, embeddings)
    first = ingest(settings, store=store)
    quotable = _quotable(store)
    saved = SentenceVectors.load(settings.index_path, model_tag(settings))
    assert first.sentences_embedded == len(saved) == len(quotable) > 4
    for text in quotable:
        vector = saved.get(text)
        assert vector is not None
        assert np.allclose(vector, embeddings.encode([text])[0], atol=1e-5)

    assert ingest(settings, store=store).sentences_embedded == 0

    (corpus / "holtby-2025-03-03.txt").write_text(MINUTES + ADDED)
    changed = ingest(settings, store=store)
    assert 1 <= changed.sentences_embedded < first.sentences_embedded
    saved = SentenceVectors.load(settings.index_path, model_tag(settings))
    assert saved.get(ADDED.strip()) is not None

    (corpus / "wenbury-visit.md").unlink()
    ingest(settings, store=store)
    saved = SentenceVectors.load(settings.index_path, model_tag(settings))
    assert len(saved) == len(_quotable(store))
    assert all("Wenbury" not in text for text in _quotable(store))
    assert saved.get(LETTER.splitlines()[3]) is None  # the deleted letter's sentence is gone


def test_answers_read_saved_vectors_instead_of_embedding(corpus, make_settings, embeddings) -> None:
    settings = make_settings(corpus)
    store = IndexStore(settings, embeddings)
    ingest(settings, store=store)
    assistant = build_assistant(settings, store=store)
    counting = CountingEmbeddings(embeddings)
    assistant.answerer.scorer.vectors.embeddings = counting  # type: ignore[union-attr]

    answer = assistant.ask("How long is the allotment waiting list in Holtby?")

    assert "twenty-three households" in answer.text
    quotable = _quotable(store)
    assert counting.embedded  # the question itself is embedded
    assert not quotable & set(counting.embedded)


def test_saved_vectors_serve_only_their_model_and_survive_damage(
    tmp_path: Path, embeddings
) -> None:
    # A key is 16 bytes and may end in a zero byte; it must still be found.
    text = next(t for i in range(5000) if key_of(t := f"Minute {i} was agreed.")[-1] == 0)
    index = tmp_path / "index"
    assert sentence_vectors.refresh(index, "model-a|fp32", embeddings, [text, "Item two."]) == 2
    assert SentenceVectors.load(index, "model-a|fp32").get(text) is not None
    assert len(SentenceVectors.load(index, "model-b|fp32")) == 0

    cache = VectorCache(embeddings, saved=SentenceVectors.load(index, "model-a|fp32"))
    counting = CountingEmbeddings(embeddings)
    cache.embeddings = counting  # type: ignore[assignment]
    cache.encode([text, "A sentence nobody saved."])
    assert counting.embedded == ["A sentence nobody saved."]

    assert sentence_vectors.refresh(index, "model-b|fp32", embeddings, ["Item two."]) == 1
    assert not file_of(index, "model-a|fp32").exists()  # one model's file at a time
    file_of(index, "model-b|fp32").write_bytes(b"not a numpy file")
    assert len(SentenceVectors.load(index, "model-b|fp32")) == 0
    assert sentence_vectors.refresh(index, "model-b|fp32", embeddings, [text]) == 1
    assert SentenceVectors.load(index, "model-b|fp32").get(text) is not None
