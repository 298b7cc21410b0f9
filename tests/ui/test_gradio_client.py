"""The chat page served by Gradio, driven over HTTP: the /respond API, login, file routes."""

from __future__ import annotations

import http.client
import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError, AuthenticationError

from assistant.answer.prompts import CANNOT_ANSWER

pytestmark = [pytest.mark.ui, pytest.mark.integration]

ANY = "Any"


def ask(client: Client, message: str, history: list[str] | None = None, **filters: str) -> Any:
    return client.predict(
        message,
        history or [],
        filters.get("committee", ANY),
        filters.get("date_from", ""),
        filters.get("date_to", ""),
        filters.get("doc_kind", ANY),
        api_name="/respond",
    )


@pytest.fixture(scope="module")
def client(demo_url: str) -> Client:
    return Client(demo_url, verbose=False)


def test_answer_cites_and_quotes_the_corpus(
    client: Client, demo_assistant: Any, demo_question: Callable[[str], dict[str, Any]]
) -> None:
    case = demo_question("demo002")
    answer, sources = ask(client, case["question"], case["history"])
    assert "[1]" in answer
    for fact in case["answer_contains"]:
        assert fact in answer
    direct = demo_assistant.ask(case["question"], case["history"])
    assert answer == direct.text  # the page adds nothing and drops nothing
    assert 'id="source-1"' in sources and "<mark>" in sources
    marked = " ".join(re.findall(r"<mark>(.*?)</mark>", sources, re.S))
    assert any(fact in marked for fact in case["answer_contains"])


def test_follow_up_uses_the_history_argument(
    client: Client, demo_assistant: Any, demo_question: Callable[[str], dict[str, Any]]
) -> None:
    case = demo_question("demo019")
    answer, _ = ask(client, case["question"], case["history"])
    assert answer == demo_assistant.ask(case["question"], case["history"]).text
    for fact in case["answer_contains"]:
        assert fact in answer


def test_off_corpus_question_gets_the_abstention(client: Client) -> None:
    answer, sources = ask(client, "What is the capital of Peru?")
    assert answer.startswith(CANNOT_ANSWER)
    assert "[1]" not in answer and "<mark>" not in sources


def test_filters_reach_the_assistant(client: Client, demo_assistant: Any) -> None:
    from assistant.types import Filters

    question = "What was agreed about council tax?"
    answer, _ = ask(client, question, date_from="2030-01-01")
    expected = demo_assistant.ask(question, [], Filters(date_from=_date("2030-01-01")))
    assert answer == expected.text
    assert answer.startswith(CANNOT_ANSWER)  # nothing in the corpus is dated after 2030


def test_invalid_date_is_a_clear_error(client: Client) -> None:
    with pytest.raises(AppError, match=r"Date to “31/12/2024” is not a date\. Use YYYY-MM-DD"):
        ask(client, "What did Cabinet decide?", date_to="31/12/2024")


def test_over_long_question_is_refused(client: Client, demo_settings: Any) -> None:
    limit = demo_settings.max_question_chars
    answer, sources = ask(client, "Why? " * (limit // 5 + 1))
    assert f"the limit is {limit}" in answer and "shorter question" in answer
    assert "<mark>" not in sources


@pytest.mark.parametrize(
    "path",
    [
        "/gradio_api/file=../../etc/passwd",
        "/gradio_api/file=%2e%2e/%2e%2e/etc/passwd",
        "/gradio_api/file=..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/gradio_api/file=/etc/passwd",
        "/gradio_api/file/etc/passwd",
        "/gradio_api/file/../../../../etc/passwd",
        "/gradio_api/file=pyproject.toml",
        "/gradio_api/file=ui.py",
        "/file=/etc/passwd",
        "/file=../../etc/passwd",
        "/static/../../../../etc/passwd",
        "/assets/..%2f..%2f..%2f..%2fetc%2fpasswd",
    ],
)
def test_file_routes_refuse_paths_outside_the_app(demo_url: str, path: str) -> None:
    status, body = raw_get(demo_url, path)
    assert 400 <= status < 500, (status, body[:200])
    assert b"root:" not in body


def test_file_routes_refuse_the_index(demo_url: str, demo_settings: Any) -> None:
    index = demo_settings.index_path.resolve()
    assert (index / "records.sqlite").is_file()
    for path in (
        f"/gradio_api/file={index}/records.sqlite",
        f"/gradio_api/file={index}/manifest.json",
        f"/gradio_api/file/{index}/records.sqlite",
        f"/file={index}/records.sqlite",
    ):
        status, body = raw_get(demo_url, path)
        assert 400 <= status < 500, (path, status)
        assert b"SQLite format" not in body


def test_login_is_required_when_auth_is_set(
    serve: Callable[..., str], demo_assistant: Any, demo_settings: Any
) -> None:
    settings = demo_settings.model_copy(update={"auth": "clerk:minutes-2025"})
    url = serve(demo_assistant, settings)
    with pytest.raises(AuthenticationError, match="credentials were not provided"):
        Client(url, verbose=False)
    body = json.dumps({"data": ["What is the capital of Peru?", [], ANY, "", "", ANY]})
    for path in ("/gradio_api/call/respond", "/gradio_api/queue/join"):
        status, _ = raw_request(url, path, "POST", body)
        assert status == 401, path
    with pytest.raises(ValueError, match="Could not login"):  # Gradio answers 400 here
        Client(url, auth=("clerk", "wrong"), verbose=False)
    status, _ = raw_get(url, "/config")
    assert status == 401
    client = Client(url, auth=("clerk", "minutes-2025"), verbose=False)
    answer, _ = ask(client, "What is the capital of Peru?")
    assert answer.startswith(CANNOT_ANSWER)


def raw_get(url: str, path: str) -> tuple[int, bytes]:
    """GET ``path`` byte for byte (http.client does not normalise ../ as httpx would)."""
    return raw_request(url, path)


def raw_request(
    url: str, path: str, method: str = "GET", body: str | None = None
) -> tuple[int, bytes]:
    parts = urlsplit(url)
    headers = {"Content-Type": "application/json"} if body else {}
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _date(text: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(text)
