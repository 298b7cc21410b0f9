"""The question-file checker: answer strings must be in a source's text."""

from __future__ import annotations

from evals.check_questions import main, problems_of
from evals.scoring import Question


def _question(**fields: object) -> Question:
    row = {"id": "q1", "question": "How long?", "answerable": True, "sources": ["a.txt"]}
    return Question.from_dict({**row, **fields})


def test_an_answer_string_in_the_source_passes() -> None:
    question = _question(answer_contains=["68 weeks"], evidence="is 68 weeks")
    assert problems_of(question, {"a.txt": "The wait is 68\nweeks for therapy."}) == []


def test_missing_strings_sources_and_answers_are_reported() -> None:
    question = _question(answer_contains=["76 weeks"])
    assert problems_of(question, {"a.txt": "The wait is 68 weeks."}) == [
        "answer string not in any source: '76 weeks'"
    ]
    assert problems_of(question, {"a.txt": None}) == ["source not readable: a.txt"]
    unanswerable = _question(answerable=False, answer_contains=["x"])
    assert problems_of(unanswerable, {}) == ["unanswerable but names answer strings"]


def test_main_checks_a_file_against_a_corpus(tmp_path, capsys) -> None:
    (tmp_path / "a.txt").write_text("The average wait is 68 weeks after triage.\n")
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        '{"id": "q1", "question": "How long?", "answerable": true, "sources": ["a.txt"], '
        '"answer_contains": ["68 weeks"]}\n'
        '{"id": "q2", "question": "How long?", "answerable": false}\n'
    )
    assert main(["--corpus", str(tmp_path), "--questions", str(questions)]) == 1
    out = capsys.readouterr().out
    assert "q2: same wording as q1" in out and "1 passed, 1 failed" in out
