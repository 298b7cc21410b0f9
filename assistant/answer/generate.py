"""The LLM path: condense → retrieve → answer (LCEL), then checks the code, not the model, makes.

What reaches the user: every ``[n]`` names a shown passage (numbered again 1, 2, … in order of
first use, as the extractive answer does), every sentence cites one, and a quotation that is not
word for word in its passage is marked. An answer with no valid citation, or a model that fails,
gives the extractive answer with a note saying why.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from langchain_core.language_models import BaseChatModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable, RunnableConfig, RunnableLambda, RunnablePassthrough

from assistant.answer import prompts
from assistant.answer.citations import check_answer
from assistant.retrieval.question import Query
from assistant.text import tokenize
from assistant.types import Answer, Filters, Passage

log = logging.getLogger(__name__)

Retrieve = Callable[[str, list[str] | None, Filters | None], tuple[Query, list[Passage]]]


class Answerer(Protocol):
    """The extractive answer step (rules or learned) the model's answer falls back to."""

    def answer(self, plan: Query, passages: list[Passage]) -> Answer: ...


# --- prompts and the chain ----------------------------------------------------------------


def passage_header(passage: Passage) -> str:
    """'Cabinet, 30 January 2025, item 87 — Library opening hours — Minutes, page 3'."""
    parts = [passage.label()]
    item_title = str(passage.metadata.get("item_title", "") or "")
    if item_title:
        parts.append(item_title)
    parts.append(f"{passage.title}, page {passage.page}" if passage.page else passage.title)
    return " — ".join(p for p in parts if p)


def format_passages(passages: list[Passage]) -> str:
    """The numbered passage blocks the answer prompt shows (1-based, in the given order)."""
    return "\n\n".join(
        prompts.PASSAGE_BLOCK.format(
            n=n, header=passage_header(p), text=p.text.replace("</passage", "< /passage")
        )
        for n, p in enumerate(passages, start=1)
    )


def answer_prompt() -> ChatPromptTemplate:
    """System rules plus the numbered passages and the (standalone) question."""
    return ChatPromptTemplate.from_messages(
        [("system", prompts.ANSWER_SYSTEM), ("human", prompts.ANSWER_HUMAN)]
    ).partial(cannot_answer=prompts.CANNOT_ANSWER)


def condense_prompt() -> ChatPromptTemplate:
    """Earlier questions plus the latest one → one standalone question."""
    return ChatPromptTemplate.from_messages(
        [("system", prompts.CONDENSE_SYSTEM), ("human", prompts.CONDENSE_HUMAN)]
    )


def clean_condensed(raw: str, question: str, limit: int = 1000) -> str:
    """The model's rewritten question, or ``question`` when the rewrite is unusable.

    A rewrite must keep at least half of the latest question's content words: a small model
    often repeats the earlier question instead, which would lose what is being asked now.
    """
    lines = [line.strip() for line in raw.strip().splitlines() if line.strip()]
    first = lines[0] if lines else ""
    text = re.sub(r"^(?:[-*•]|\d+[.)])\s+", "", first)
    text = re.sub(r"^(?:standalone|rewritten)?\s*question:\s*", "", text, flags=re.I)
    text = text.strip().strip("\"“”'").strip()
    asked = set(tokenize(question))
    kept = len(asked & set(tokenize(text)))
    return text if 3 <= len(text) <= limit and 2 * kept >= len(asked) else question


class _RetrievalFailed(Exception):
    """Carries an error of the retrieval step past the handler for model failures."""

    def __init__(self, original: Exception) -> None:
        super().__init__(str(original))
        self.original = original


def create_chain(llm: BaseChatModel, retrieve: Retrieve, top_k: int) -> Runnable[Any, Any]:
    """Input ``{question, history, filters}``; output adds ``standalone``, ``retrieved`` (the
    plan and ranked passages) and ``answer`` (the model's raw text, streamed)."""
    condense = (condense_prompt() | llm | StrOutputParser()).with_config(run_name="condense_llm")

    def standalone(inputs: dict[str, Any], config: RunnableConfig) -> str:
        if not inputs["history"]:
            return str(inputs["question"])
        history = "\n".join(f"- {q}" for q in inputs["history"])
        raw = condense.invoke({"history": history, "question": inputs["question"]}, config)
        return clean_condensed(raw, inputs["question"])

    def retrieved(inputs: dict[str, Any]) -> tuple[Query, list[Passage]]:
        try:
            return retrieve(inputs["standalone"], inputs["history"], inputs["filters"])
        except Exception as exc:
            raise _RetrievalFailed(exc) from exc

    def answer_inputs(inputs: dict[str, Any]) -> dict[str, str]:
        passages = inputs["retrieved"][1][:top_k]
        return {"passages": format_passages(passages), "question": inputs["standalone"]}

    answer = RunnableLambda(answer_inputs) | answer_prompt() | llm | StrOutputParser()
    return (
        RunnablePassthrough.assign(
            standalone=RunnableLambda(standalone).with_config(run_name="condense_question")
        )
        | RunnablePassthrough.assign(
            retrieved=RunnableLambda(retrieved).with_config(run_name="retrieve")
        )
        | RunnablePassthrough.assign(answer=answer.with_config(run_name="answer"))
    ).with_config(run_name="committee_answer")


class LLMAnswerer:
    """Streams the model's draft, then yields the checked ``Answer`` (or the extractive one)."""

    def __init__(
        self,
        llm: BaseChatModel,
        retrieve: Retrieve,
        extractive: Answerer,
        top_k: int,
    ) -> None:
        self.retrieve = retrieve
        self.extractive = extractive
        self.top_k = top_k
        self.chain = create_chain(llm, retrieve, top_k)

    def stream(
        self, question: str, history: list[str] | None = None, filters: Filters | None = None
    ) -> Iterator[str | Answer]:
        """Growing draft text as tokens arrive, then the final checked ``Answer``."""
        state: dict[str, Any] = {}
        inputs = {"question": question, "history": list(history or []), "filters": filters}
        try:
            for chunk in self.chain.stream(inputs):
                for key, value in chunk.items():
                    if key == "answer":
                        state["answer"] = state.get("answer", "") + value
                        yield state["answer"]
                    else:
                        state[key] = value
        except _RetrievalFailed as exc:
            raise exc.original from None
        except Exception as exc:  # any failure of the model: the user gets the quoted answer
            log.warning("language model failed: %s", describe_error(exc))
            note = prompts.LLM_DID_NOT_RESPOND.format(reason=describe_error(exc))
            yield self._fallback(question, history, filters, state.get("retrieved"), note)
            return
        yield self.finish(question, history, filters, state["retrieved"], state.get("answer", ""))

    def finish(
        self,
        question: str,
        history: list[str] | None,
        filters: Filters | None,
        retrieved: tuple[Query, list[Passage]],
        raw: str,
    ) -> Answer:
        """Check the model's ``raw`` text against the passages it was shown."""
        log.debug("raw model answer: %r", raw)
        passages = retrieved[1]
        checked = check_answer(raw, passages[: self.top_k])
        if checked.abstained:
            text = prompts.CANNOT_ANSWER_DETAIL
            return Answer(question, text, [], passages, abstained=True, notes=checked.notes)
        if not checked.citations:
            note = prompts.LLM_NO_VALID_CITATION if raw.strip() else prompts.LLM_EMPTY_ANSWER
            return self._fallback(question, history, filters, retrieved, note)
        return Answer(question, checked.text, checked.citations, passages, False, checked.notes)

    def _fallback(
        self,
        question: str,
        history: list[str] | None,
        filters: Filters | None,
        retrieved: tuple[Query, list[Passage]] | None,
        note: str,
    ) -> Answer:
        plan, passages = retrieved or self.retrieve(question, history, filters)
        answer = self.extractive.answer(plan, passages)
        answer.question = question
        answer.notes = [note, *answer.notes]
        return answer


def describe_error(exc: BaseException) -> str:
    """'APITimeoutError: Request timed out.' — one short line for the user."""
    message = (str(exc).strip().splitlines() or [""])[0][:120]
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


# --- checks -------------------------------------------------------------------------------
