"""Vectors of the sentences an answer may quote, embedded at ingest and saved beside the index.

The answer step compares the question with every quotable sentence of the top passages. Embedding
those sentences per question took about a third of the time of an answer; reading them from this
file costs a lookup. The file is a cache keyed by each sentence's text: a sentence it lacks (one
a chunk boundary cut and retrieval completed) is embedded when asked, and a file left from an
earlier ingest, or from another model, only misses more or is not used. So a crash between the
index and this file never gives a wrong vector.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from tqdm import tqdm

from assistant.settings import Settings, vectors_of
from assistant.store.embeddings import SentenceEmbeddings

PREFIX = "sentence_vectors-"
KEY_BYTES = 16
PROGRESS_STEP = 512


def key_of(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=KEY_BYTES).digest()


def model_tag(settings: Settings) -> str:
    """The model and kind of vectors a file was embedded with; another tag is not read."""
    return f"{settings.embedding_model}|{vectors_of(settings.embedding_backend)}"


def file_of(index_path: Path, tag: str) -> Path:
    """One file per model tag, so a file is never read as another model's."""
    digest = hashlib.blake2b(tag.encode("utf-8"), digest_size=6).hexdigest()
    return index_path / f"{PREFIX}{digest}.npy"


class SentenceVectors:
    """Saved sentence vectors by text (unit length, as the embedding model gives them). Loaded
    memory-mapped: a process holds only the rows it reads, and workers share them."""

    def __init__(self, keys: np.ndarray, vectors: np.ndarray) -> None:
        """``keys``: one row of ``KEY_BYTES`` bytes (``key_of``) per row of ``vectors``."""
        self.keys = keys
        self.vectors = vectors
        self._row = {key.tobytes(): row for row, key in enumerate(keys)}

    @classmethod
    def empty(cls) -> SentenceVectors:
        return cls(np.zeros((0, KEY_BYTES), np.uint8), np.zeros((0, 0), np.float32))

    @classmethod
    def load(cls, index_path: Path, tag: str) -> SentenceVectors:
        """The saved vectors; none when there is no file for ``tag`` or it is unreadable."""
        try:
            rows = np.load(file_of(index_path, tag), mmap_mode="r")
            return cls(rows["key"], rows["vector"])
        except (OSError, ValueError, TypeError, IndexError):
            return cls.empty()

    def __len__(self) -> int:
        return len(self.keys)

    def __contains__(self, key: bytes) -> bool:
        return key in self._row

    def get(self, text: str) -> np.ndarray | None:
        row = self._row.get(key_of(text))
        return None if row is None else np.asarray(self.vectors[row])

    def row_of(self, key: bytes) -> int:
        return self._row[key]

    def save(self, index_path: Path, tag: str) -> None:
        """Write the file for ``tag`` (and remove other models' files); a crash leaves the old
        file or the new one, never half of one."""
        index_path.mkdir(parents=True, exist_ok=True)
        path = file_of(index_path, tag)
        dimension = self.vectors.shape[1] if self.vectors.ndim == 2 else 0
        kind = [("key", np.uint8, (KEY_BYTES,)), ("vector", np.float32, (dimension,))]
        rows = np.zeros(len(self.keys), dtype=kind)
        rows["key"], rows["vector"] = self.keys, self.vectors
        tmp = path.with_name(f".{os.getpid()}.{path.name}")
        with tmp.open("wb") as out:
            np.save(out, rows, allow_pickle=False)
        os.replace(tmp, path)
        for other in index_path.glob(f"{PREFIX}*.npy"):
            if other != path:
                other.unlink(missing_ok=True)


def refresh(
    index_path: Path,
    tag: str,
    embeddings: SentenceEmbeddings,
    texts: Iterable[str],
    progress: bool = False,
) -> int:
    """Make the saved file hold exactly ``texts``: the ones it lacks embedded, the ones no
    longer quoted dropped. Returns how many were embedded (none for an unchanged corpus)."""
    saved = SentenceVectors.load(index_path, tag)
    wanted = list(dict.fromkeys(texts))
    keys = [key_of(t) for t in wanted]
    missing = [t for t, k in zip(wanted, keys, strict=True) if k not in saved]
    encoded = _encoded(embeddings, missing, progress)
    by_key = dict(zip((key_of(t) for t in missing), encoded, strict=True))
    rows = [by_key[k] if k in by_key else saved.vectors[saved.row_of(k)] for k in keys]
    dimension = embeddings.dimension
    vectors = np.vstack(rows).astype(np.float32) if rows else np.zeros((0, dimension), np.float32)
    if missing or len(saved) != len(wanted):
        key_rows = np.frombuffer(b"".join(keys), np.uint8).reshape(-1, KEY_BYTES)
        SentenceVectors(key_rows, vectors).save(index_path, tag)
    return len(missing)


def _encoded(embeddings: SentenceEmbeddings, texts: list[str], progress: bool) -> list[np.ndarray]:
    """Vectors of ``texts`` in order, embedded shortest first (a batch pads to its longest)."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors: list[np.ndarray] = [np.zeros(0)] * len(texts)
    with tqdm(total=len(texts), unit="sentence", desc="sentences", disable=not progress) as bar:
        for start in range(0, len(order), PROGRESS_STEP):
            rows = order[start : start + PROGRESS_STEP]
            for row, vector in zip(rows, embeddings.encode([texts[i] for i in rows]), strict=True):
                vectors[row] = vector
            bar.update(len(rows))
    return vectors
