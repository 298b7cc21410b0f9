"""The assistant: question (+ history, filters) → retrieval → answer. Built by one factory."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

from langchain_core.language_models import BaseChatModel

from assistant.answer.cross_encoder import SentenceCrossEncoder
from assistant.answer.extractive import ExtractiveAnswerer
from assistant.answer.generate import LLMAnswerer
from assistant.answer.learned import LearnedAnswerer
from assistant.errors import LLMError
from assistant.retrieval.adapter import QueryAdapter
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.question import Query, understand
from assistant.retrieval.relevance import RelevanceModels
from assistant.retrieval.rerank import RelevanceScorer
from assistant.settings import BUNDLED_MODEL, Settings
from assistant.store.boilerplate import Boilerplate
from assistant.store.chroma import IndexStore
from assistant.store.embeddings import resolve_model_path
from assistant.store.sentence_vectors import SentenceVectors, model_tag
from assistant.types import Answer, Decision, Filters, Passage
from assistant.views.latest import latest_answer
from assistant.views.register import load_register

RETRIEVED_PASSAGES = 10


class Assistant:
    """Answers questions from the index; ``ask`` is all the CLI, UI and evaluation use."""

    def __init__(
        self,
        settings: Settings,
        store: IndexStore,
        retriever: HybridRetriever,
        answerer: ExtractiveAnswerer | LearnedAnswerer,
        llm: BaseChatModel | None = None,
        register: list[Decision] | None = None,
        models: RelevanceModels | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.retriever = retriever
        self.answerer = answerer
        self.register = register or []
        self.models = models
        self.generation = store.generation()
        self._checked = time.monotonic()
        self._reloading = threading.Lock()
        self.llm = llm

    @property
    def llm(self) -> BaseChatModel | None:
        return self._llm

    @llm.setter
    def llm(self, llm: BaseChatModel | None) -> None:
        """The chat model; its chain is built here, once per model, not per question (it calls
        ``self.retrieve``, so it follows a refresh of the index)."""
        self._llm = llm
        self.generator = None
        if llm is not None:
            self.generator = LLMAnswerer(llm, self.retrieve, self.answerer, self.settings.top_k)

    def refresh(self) -> bool:
        """Reload the keyword index, vectors and register when another process has ingested
        since they were read (checked at most every ``settings.refresh_seconds``); True if so.
        Several chat workers on one index stay in step this way."""
        now = time.monotonic()
        if now - self._checked < self.settings.refresh_seconds or not self._reloading.acquire(
            blocking=False
        ):
            return False
        try:
            self._checked = now
            if self.store.generation() == self.generation:
                return False
            store = IndexStore(self.settings, self.store.embeddings)
            fresh = build_assistant(self.settings, llm=self.llm, store=store, models=self.models)
            self.store, self.retriever, self.answerer = fresh.store, fresh.retriever, fresh.answerer
            self.register, self.generation = fresh.register, fresh.generation
            if self.generator is not None:
                self.generator.extractive = self.answerer
            return True
        finally:
            self._reloading.release()

    def plan(self, question: str, history: list[str] | None = None) -> Query:
        return understand(question, history, self.retriever.vocabulary)

    def retrieve(
        self, question: str, history: list[str] | None = None, filters: Filters | None = None
    ) -> tuple[Query, list[Passage]]:
        """The planned question and its ranked passages (best first)."""
        plan = self.plan(question, history)
        return plan, self.search(plan, filters)

    def search(self, plan: Query, filters: Filters | None = None) -> list[Passage]:
        """The ranked passages (best first) for a question already read."""
        return self.retriever.search(plan, filters, k=max(RETRIEVED_PASSAGES, self.settings.top_k))

    def ask(
        self, question: str, history: list[str] | None = None, filters: Filters | None = None
    ) -> Answer:
        """Answer ``question``; ``history`` holds the earlier user questions, oldest first.

        With a chat model configured the answer is written by it and checked; otherwise (and
        when the model fails or breaks the rules) it is the extractive answer.
        """
        self.refresh()
        plan = self.plan(question.strip(), history)
        if self.generator is None:
            from_register = self.latest_from_register(plan, filters)
            if from_register is not None:
                return from_register
            return self.answerer.answer(plan, self.search(plan, filters))
        final: Answer | None = None
        for item in self._stream(plan, history, filters):
            if isinstance(item, Answer):
                final = item
        if final is None:  # cannot happen: the stream always ends with an Answer
            raise LLMError("the answer stream ended without an answer")
        return final

    def stream(
        self, question: str, history: list[str] | None = None, filters: Filters | None = None
    ) -> Iterator[str | Answer]:
        """Growing draft text (``str``) as the model writes, then the final checked ``Answer``.

        Drafts are unchecked: show them as provisional and replace them with the ``Answer``.
        Without a chat model this yields the extractive ``Answer`` alone.
        """
        if self.generator is None:
            yield self.ask(question, history, filters)
            return
        self.refresh()
        yield from self._stream(self.plan(question.strip(), history), history, filters)

    def _stream(
        self, plan: Query, history: list[str] | None, filters: Filters | None
    ) -> Iterator[str | Answer]:
        """The register's answer for a latest-decision question, else the model's stream."""
        from_register = self.latest_from_register(plan, filters)
        if from_register is not None:
            yield from_register
            return
        assert self.generator is not None
        yield from self.generator.stream(plan.question, history, filters)

    def latest_from_register(self, plan: Query, filters: Filters | None) -> Answer | None:
        """For "what did we last decide about X": the register's decisions on X, newest first
        (None for other questions, or when the register holds no decision on X)."""
        if not plan.latest_topic:
            return None
        base = filters or Filters()
        named = sorted(plan.committees)
        narrowed = Filters(
            base.committee or (named[0] if len(named) == 1 else None),
            base.date_from or plan.date_from,
            base.date_to or plan.date_to,
        )
        return latest_answer(self, plan.question, plan.latest_topic, narrowed)

    def committees(self) -> list[str]:
        return list(self.retriever.vocabulary.committees)

    def doc_kinds(self) -> list[str]:
        return sorted({str(m.get("doc_kind")) for m in self.retriever.keyword.metadatas} - {""})


def cross_encoder_for(settings: Settings) -> SentenceCrossEncoder | None:
    """The sentence cross-encoder when it is on and fits the embedding model (it was fitted
    from the bundled one)."""
    if not settings.cross_encoder or settings.embedding_model != BUNDLED_MODEL:
        return None
    return SentenceCrossEncoder(resolve_model_path(BUNDLED_MODEL))


def build_assistant(
    settings: Settings,
    *,
    llm: BaseChatModel | None = None,
    store: IndexStore | None = None,
    models: RelevanceModels | None = None,
) -> Assistant:
    """Open the index and wire retrieval and answering; raises ``IndexMissing`` if not built.

    ``llm`` defaults to the chat model ``settings.llm`` names (none: extractive answers);
    ``models`` to the fitted relevance models shipped with the package.
    """
    if llm is None and settings.llm:
        from assistant.answer.llm import make_chat_model

        llm = make_chat_model(settings)
    store = store or IndexStore(settings)
    store.require()
    retriever = HybridRetriever.from_store(store, settings)
    adapters = QueryAdapter.for_model(settings.embedding_model) if settings.query_adapter else {}
    retriever.adapter = adapters.get("retrieval")
    boilerplate = Boilerplate.from_passages(
        (str(meta.get("source", "")), text[int(meta.get("header_chars") or 0) :])
        for text, meta in zip(retriever.keyword.texts, retriever.keyword.metadatas, strict=True)
    )
    saved = SentenceVectors.load(settings.index_path, model_tag(settings))
    scorer = RelevanceScorer(store.embeddings, retriever.keyword, boilerplate, models, saved)
    retriever.scorer = scorer
    answerer: ExtractiveAnswerer | LearnedAnswerer = (
        LearnedAnswerer(scorer, settings)
        if settings.answer_step == "learned"
        else ExtractiveAnswerer(
            store.embeddings,
            settings,
            terms=retriever.keyword,
            boilerplate=boilerplate,
            adapter=adapters.get("sentence"),
            cross=cross_encoder_for(settings),
            vectors=scorer.vectors,
        )
    )
    register = load_register(settings.index_path)
    return Assistant(settings, store, retriever, answerer, llm, register, models)
