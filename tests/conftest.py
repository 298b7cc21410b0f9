"""Shared fixtures: the real bundled model (loaded once), paths to corpora, settings in tmp."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

REPO = Path(__file__).resolve().parents[1]
DEMO_CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def embeddings():
    """The real bundled all-MiniLM-L6-v2, loaded once per test session."""
    from assistant.store.embeddings import SentenceEmbeddings

    model = SentenceEmbeddings(backend="torch")  # the reference the ONNX backends are checked on
    model.encode(["warm up"])
    return model


@pytest.fixture
def make_settings(tmp_path: Path):
    """Settings for a corpus folder with the index in ``tmp_path`` (env vars ignored)."""
    from assistant.settings import Settings

    def make(corpus: Path, **overrides: object) -> Settings:
        return Settings(
            _env_file=None,
            corpus_path=corpus,
            index_path=tmp_path / "index",
            **overrides,
        )

    return make


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """``../shared/corpus`` beside the repository; tests using it skip when it is absent."""
    path = SHARED / "corpus"
    if not path.is_dir():
        pytest.skip("../shared/corpus is not present")
    return path


@pytest.fixture(scope="session")
def demo_settings(tmp_path_factory: pytest.TempPathFactory):
    """Settings whose index holds the demo ``corpus/``, ingested once per test session."""
    from assistant.ingest.pipeline import ingest
    from assistant.settings import Settings

    settings = Settings(
        _env_file=None,
        corpus_path=DEMO_CORPUS,
        index_path=tmp_path_factory.mktemp("demo") / "index",
    )
    ingest(settings)
    return settings
