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
from dataclasses import dataclass, field
from typing import Any, Protocol

from langchain_core.language_models import BaseChatModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable, RunnableConfig, RunnableLambda, RunnablePassthrough

from assistant.answer import prompts
from assistant.retrieval.question import Query
from assistant.text import ABBREVIATIONS, split_units, tokenize
from assistant.types import Answer, Citation, Filters, Passage

log = logging.getLogger(__name__)

Retrieve = Callable[[str, list[str] | None, Filters | None], tuple[Query, list[Passage]]]

CITE = re.compile(r"(\s*)\[(?:passages?\s*)?(\d+(?:\s*(?:,|;|and|-|–)\s*\d+)*)\]", re.I)
SENTENCE_END = re.compile(
    r"[.!?][\"”’')\]]*(?:\s*\[(?:passages?\s*)?\d+(?:\s*(?:,|;|and|-|–)\s*\d+)*\])*(?=\s|$)", re.I
)
QUOTE = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"")
ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
SAME_CHARACTER = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
MAX_NOTE_QUOTE = 80


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


@dataclass(slots=True)
class Checked:
    """The model's answer after the checks; no citations means it must not be shown."""

    text: str
    citations: list[Citation] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    abstained: bool = False


@dataclass(slots=True)
class _Sentence:
    text: str
    cited: list[int] = field(default_factory=list)  # valid passage numbers, 1-based
    sentinel: bool = False


def check_answer(raw: str, passages: list[Passage]) -> Checked:
    """Apply the citation and quotation rules to ``raw``; ``passages[n-1]`` is passage ``[n]``."""
    text = raw.strip()
    if not text:
        return Checked("")
    invalid: list[int] = []
    lines = [
        [_parse(s, len(passages), invalid) for s in split_sentences(line)]
        for line in text.splitlines()
    ]
    sentences = [s for line in lines for s in line]
    notes: list[str] = []
    if invalid:
        numbers = ", ".join(f"[{n}]" for n in dict.fromkeys(invalid))
        notes.append(prompts.NOTE_BAD_CITATIONS.format(numbers=numbers))
    if not any(s.cited and not s.sentinel for s in sentences):
        abstained = any(s.sentinel for s in sentences)
        return Checked(prompts.CANNOT_ANSWER if abstained else "", [], notes, abstained)
    uncited = [s for s in sentences if not s.cited and not s.sentinel]
    if uncited:
        count = len(uncited)
        notes.append(prompts.NOTE_UNCITED.format(count=count, s="" if count == 1 else "s"))
    order = dict.fromkeys(n for s in sentences for n in s.cited)
    renumber = {n: i for i, n in enumerate(order, start=1)}
    citations: list[Citation] = []
    kept_lines: list[str] = []
    for line in lines:
        kept = [s for s in line if s.cited or s.sentinel]
        rendered = [_render(s, passages, renumber, citations, notes) for s in kept]
        kept_lines.append(" ".join(rendered))
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept_lines)).strip()
    return Checked(body, _dedupe(citations), notes)


def split_sentences(line: str) -> list[str]:
    """Sentences of one line of the answer, each keeping the ``[n]`` written after its end.

    A full stop inside a quotation or after an abbreviation does not end a sentence.
    """
    sentences: list[str] = []
    start = 0
    for match in SENTENCE_END.finditer(line):
        if _inside_quote(line, match.end()) or _after_abbreviation(line, match.start()):
            continue
        sentences.append(line[start : match.end()].strip())
        start = match.end()
    sentences.append(line[start:].strip())
    return [s for s in sentences if s]


def _parse(sentence: str, count: int, invalid: list[int]) -> _Sentence:
    cited: list[int] = []
    for match in CITE.finditer(sentence):
        for n in _numbers(match.group(2)):
            (cited if 1 <= n <= count else invalid).append(n)
    bare = _normal(CITE.sub("", sentence)).lower()
    sentinel = _normal(prompts.CANNOT_ANSWER).lower().rstrip(".") in bare
    return _Sentence(sentence, list(dict.fromkeys(cited)), sentinel)


def _numbers(group: str) -> list[int]:
    found: list[int] = []
    for part in re.split(r"\s*(?:,|;|and)\s*", group):
        ends = [int(x) for x in re.split(r"\s*[-–]\s*", part) if x.isdigit()]
        if len(ends) == 2 and 0 < ends[1] - ends[0] < 10:
            found.extend(range(ends[0], ends[1] + 1))
        else:
            found.extend(ends)
    return found


def _render(
    sentence: _Sentence,
    passages: list[Passage],
    numbers: dict[int, int],
    citations: list[Citation],
    notes: list[str],
) -> str:
    """The sentence with renumbered citations and marked quotations; adds its citations."""

    def cite(match: re.Match[str]) -> str:
        kept = [n for n in dict.fromkeys(_numbers(match.group(2))) if n in sentence.cited]
        return match.group(1) + "".join(f"[{numbers[n]}]" for n in kept) if kept else ""

    text = CITE.sub(cite, sentence.text)
    cited = [passages[n - 1] for n in sentence.cited]
    verbatim: dict[int, list[str]] = {n: [] for n in sentence.cited}

    def check_quote(match: re.Match[str]) -> str:
        quote = match.group(1) or match.group(2)
        for n, passage in zip(sentence.cited, cited, strict=True):
            if (found := find_verbatim(quote, passage.text)) is not None:
                verbatim[n].append(found)
                return match.group(0)
        shown = quote if len(quote) <= MAX_NOTE_QUOTE else quote[: MAX_NOTE_QUOTE - 1] + "…"
        notes.append(prompts.NOTE_NOT_VERBATIM.format(quote=shown))
        return match.group(0) + prompts.NOT_VERBATIM_MARK

    text = QUOTE.sub(check_quote, text)
    for n, passage in zip(sentence.cited, cited, strict=True):
        quotes = verbatim[n] or [best_matching_unit(CITE.sub("", sentence.text), passage.text)]
        citations.extend(Citation(numbers[n], passage, q) for q in quotes)
    return text


def find_verbatim(quote: str, passage: str) -> str | None:
    """The span of ``passage`` that ``quote`` reproduces word for word, or ``None``.

    Differences of whitespace, quote and dash style, final punctuation and an ellipsis standing
    for left-out words are not changes of wording.
    """
    pieces = [_normal(p).strip(" .,;:") for p in ELLIPSIS.split(quote.strip())]
    pieces = [p for p in pieces if p]
    if not pieces:
        return None
    haystack, positions = _normal_with_positions(passage)
    at = 0
    first = last = -1
    for piece in pieces:
        found = haystack.find(piece, at)
        if found < 0:
            return None
        first = found if first < 0 else first
        last = found + len(piece)
        at = last
    return passage[positions[first] : positions[last - 1] + 1]


def best_matching_unit(sentence: str, passage: str) -> str:
    """The passage sentence sharing most words with ``sentence`` (an exact substring)."""
    spans = split_units(passage) or [(0, len(passage))]
    terms = set(tokenize(sentence))

    def overlap(span: tuple[int, int]) -> int:
        return len(terms & set(tokenize(passage[span[0] : span[1]])))

    start, end = max(spans, key=overlap)  # max keeps the first of equals: reading order
    return passage[start:end].strip() or passage


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(SAME_CHARACTER)).strip()


def _normal_with_positions(text: str) -> tuple[str, list[int]]:
    """``_normal(text)`` and, for each of its characters, where it came from in ``text``."""
    chars: list[str] = []
    positions: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if not chars or chars[-1] == " ":
                continue
            ch = " "
        chars.append(ch.translate(SAME_CHARACTER))
        positions.append(i)
    return "".join(chars), positions


def _inside_quote(line: str, at: int) -> bool:
    before = line[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _after_abbreviation(line: str, at: int) -> bool:
    if line[at] != ".":
        return False
    word = re.search(r"([A-Za-z.]+)$", line[max(0, at - 12) : at])
    token = word.group(1).lower().rstrip(".") if word else ""
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _dedupe(citations: list[Citation]) -> list[Citation]:
    seen: set[tuple[int, str]] = set()
    unique: list[Citation] = []
    for c in sorted(citations, key=lambda c: c.n):
        if (c.n, c.quote) not in seen:
            seen.add((c.n, c.quote))
            unique.append(c)
    return unique
