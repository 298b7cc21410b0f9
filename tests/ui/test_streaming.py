"""Streamed LLM answers on the chat page, driven over HTTP with gradio_client.

The chat model is LangChain's fake one (the only thing faked); the index, retrieval, the
checks and the Gradio server are real. Drafts must reach the client before the final answer,
and the final answer must be the checked one: every [n] a shown source, or the extractive
answer with a note when the model's answer cannot be shown or the model is down.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from gradio_client import Client
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessageChunk
from langchain_core.outputs import ChatGenerationChunk, ChatResult

import ui_format
from assistant.answer import prompts
from assistant.types import Answer, Passage

pytestmark = [pytest.mark.ui, pytest.mark.integration]

ANY = "Any"
TOKEN_DELAY = 0.05  # seconds between streamed tokens, so drafts visibly precede the answer
CITE = re.compile(r"\[(\d+)\]")


class SlowChatModel(GenericFakeChatModel):
    """Streams its scripted replies token by token, ``TOKEN_DELAY`` apart."""

    def _stream(self, *args: Any, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        for chunk in super()._stream(*args, **kwargs):
            time.sleep(TOKEN_DELAY)
            yield chunk


class DownChatModel(GenericFakeChatModel):
    """A model that times out, after streaming ``tokens`` (if any)."""

    tokens: list[str] = []

    def _generate(self, *args: Any, **kwargs: Any) -> ChatResult:
        raise TimeoutError("timed out after 60 s")

    def _stream(self, *args: Any, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        for token in self.tokens:
            yield ChatGenerationChunk(message=AIMessageChunk(content=token))
        raise TimeoutError("timed out after 60 s")


@pytest.fixture(scope="module")
def llm_assistant(demo_settings: Any, demo_assistant: Any) -> Any:
    """An assistant over the demo index with a chat model; each test sets ``.llm`` itself."""
    from assistant.core import build_assistant

    placeholder = GenericFakeChatModel(messages=iter([]))
    return build_assistant(demo_settings, llm=placeholder, store=demo_assistant.store)


@pytest.fixture(scope="module")
def client(serve: Callable[..., str], llm_assistant: Any, demo_settings: Any) -> Client:
    return Client(serve(llm_assistant, demo_settings), verbose=False)


@pytest.fixture(scope="module")
def plain_client(demo_url: str) -> Client:
    return Client(demo_url, verbose=False)


def chat(client: Client, question: str) -> list[tuple[float, str, str]]:
    """Ask through the chat's streaming endpoint: (arrival time, bubble HTML, sources HTML).

    Each call starts a new conversation: the page keeps earlier questions per session, and a
    follow-up would make the model condense the question first.
    """
    client.reset_session()
    job = client.submit(question, [], ANY, "", "", ANY, api_name="/chat_stream")
    seen: list[tuple[float, str, str]] = []
    for box, messages, sources in job:
        assert box == ""
        assert [m["role"] for m in messages] == ["user", "assistant"]
        bubble = "".join(part["text"] for part in messages[-1]["content"])
        seen.append((time.monotonic(), bubble, sources))
    final = job.outputs()[-1]
    assert seen and seen[-1][1:] == (
        "".join(p["text"] for p in final[1][-1]["content"]),
        final[2],
    )  # the last output iterated is the final one
    return seen


def passage_number(assistant: Any, question: str, phrase: str) -> int:
    """The [n] the answer prompt gives the passage containing ``phrase``."""
    passages: list[Passage] = assistant.retrieve(question)[1][: assistant.settings.top_k]
    return next(n for n, p in enumerate(passages, 1) if phrase in " ".join(p.text.split()))


def extractive(demo_assistant: Any, question: str) -> Answer:
    answer = demo_assistant.ask(question)
    assert answer.citations and not answer.abstained
    return answer


def test_drafts_arrive_before_the_checked_answer(
    client: Client, llm_assistant: Any, demo_question: Callable[[str], dict[str, Any]]
) -> None:
    case = demo_question("demo002")
    fact = case["answer_contains"][0]
    n = passage_number(llm_assistant, case["question"], fact)
    reply = f"The Band D council tax for 2025-26 is {fact} [{n}]. Members were <b>pleased</b>."
    llm_assistant.llm = SlowChatModel(messages=iter([reply]))
    seen = chat(client, case["question"])
    drafts, (final_at, final, sources) = seen[:-1], seen[-1]
    assert len(drafts) >= 5
    label = f"<em>{ui_format.DRAFT_LABEL}</em><br>"
    assert all(bubble.startswith(label) for _, bubble, _ in drafts)
    texts = [bubble.removeprefix(label) for _, bubble, _ in drafts]
    assert all(b.startswith(a) for a, b in zip(texts, texts[1:], strict=False))
    assert texts[-1] == ui_format.escape_text(reply)  # raw and unchecked, but escaped
    assert "<b>" not in "".join(texts) and "&lt;b&gt;pleased&lt;/b&gt;" in texts[-1]
    assert all(panel == ui_format.DRAFT_SOURCES for _, _, panel in drafts)
    assert final_at - drafts[0][0] >= 3 * TOKEN_DELAY  # the first draft came well before
    # The checked answer replaces the draft: renumbered, the uncited sentence left out.
    assert final == (
        f"The Band D council tax for 2025-26 is {fact} <strong>[1]</strong>.<br><br>"
        "<small>Left out 1 sentence of the model's answer that cited no passage.</small>"
    )
    assert ui_format.DRAFT_LABEL not in final and "pleased" not in final
    cited = {int(m) for m in CITE.findall(final)}
    assert cited == {1}
    assert all(f'id="source-{m}"' in sources for m in cited)
    assert fact in " ".join(re.findall(r"<mark>(.*?)</mark>", sources, re.S))


@pytest.mark.parametrize(
    "reply",
    ["The Band D council tax is about a thousand pounds.", "It is £1,712.43 [7]."],
    ids=["uncited", "invalid-citation"],
)
def test_an_answer_without_a_valid_citation_becomes_the_extractive_answer_with_the_note(
    client: Client,
    llm_assistant: Any,
    demo_assistant: Any,
    demo_question: Callable[[str], dict[str, Any]],
    reply: str,
) -> None:
    case = demo_question("demo002")
    expected = extractive(demo_assistant, case["question"])
    llm_assistant.llm = SlowChatModel(messages=iter([reply]))
    seen = chat(client, case["question"])
    _, final, sources = seen[-1]
    assert any(ui_format.escape_text(reply) in bubble for _, bubble, _ in seen[:-1])
    assert final.startswith(ui_format.answer_html(expected.text))
    assert "<small>" + ui_format.escape_text(prompts.LLM_NO_VALID_CITATION) + "</small>" in final
    assert reply not in final and ui_format.DRAFT_LABEL not in final
    assert sources == ui_format.sources_html(expected)
    for m in CITE.findall(expected.text):
        assert f'id="source-{m}"' in sources


@pytest.mark.parametrize("tokens", [[], ["The ", "Band "]], ids=["before", "mid-stream"])
def test_a_model_that_times_out_shows_the_note_and_the_extractive_answer(
    client: Client,
    llm_assistant: Any,
    demo_assistant: Any,
    demo_question: Callable[[str], dict[str, Any]],
    tokens: list[str],
) -> None:
    case = demo_question("demo002")
    expected = extractive(demo_assistant, case["question"])
    llm_assistant.llm = DownChatModel(messages=iter([]), tokens=tokens)
    seen = chat(client, case["question"])
    assert len(seen) == len(tokens) + 1  # the drafts shown, then replaced
    _, final, sources = seen[-1]
    note = prompts.LLM_DID_NOT_RESPOND.format(reason="TimeoutError: timed out after 60 s")
    assert final.startswith(ui_format.answer_html(expected.text))
    assert f"<small>{ui_format.escape_text(note)}</small>" in final
    assert "Traceback" not in final and case["answer_contains"][0] in final
    assert sources == ui_format.sources_html(expected)


def test_respond_api_returns_the_final_checked_answer(
    client: Client, llm_assistant: Any, demo_question: Callable[[str], dict[str, Any]]
) -> None:
    case = demo_question("demo002")
    fact = case["answer_contains"][0]
    n = passage_number(llm_assistant, case["question"], fact)
    llm_assistant.llm = SlowChatModel(messages=iter([f"It is {fact} [{n}]."]))
    answer, sources = client.predict(
        case["question"], [], ANY, "", "", ANY, api_name="/respond"
    )
    assert answer == f"It is {fact} [1]."
    assert 'id="source-1"' in sources and 'id="source-2"' not in sources


def test_without_a_model_the_chat_gets_one_final_answer(
    plain_client: Client, demo_assistant: Any, demo_question: Callable[[str], dict[str, Any]]
) -> None:
    assert demo_assistant.llm is None
    case = demo_question("demo002")
    expected = extractive(demo_assistant, case["question"])
    [(_, final, sources)] = chat(plain_client, case["question"])
    assert final == ui_format.final_html(expected)
    assert final.startswith(ui_format.answer_html(expected.text))
    assert sources == ui_format.sources_html(expected)


def test_notes_are_escaped_in_small_text_under_the_answer() -> None:
    answer = Answer("q?", "Approved [1].", [], [], False, notes=["The quote “<b>x</b>” is odd."])
    assert ui_format.final_html(answer) == (
        "Approved <strong>[1]</strong>.<br><br><small>The quote “&lt;b&gt;x&lt;/b&gt;” is odd."
        "</small>"
    )
    assert ui_format.final_html(Answer("q?", "Approved.", [], [], False)) == "Approved."
