"""Check a question file against its corpus before it is used to score anything.

For every answerable question, each ``answer_contains`` string must occur (as the scorer compares
text: :func:`evals.scoring.contains`) in the text of one of its ``sources``, read by the
project's own loaders; so must ``evidence`` when given. Unanswerable questions must name no
answer strings. Ids must be unique, and a question must not repeat another's wording.

    python -m evals.check_questions --corpus ../shared/corpus --questions FILE.jsonl

Prints one line per problem and a closing ``N passed, N failed`` line; exits 1 on any problem.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from assistant.errors import LoadError
from assistant.ingest.loaders import load_file
from evals.run import load_questions
from evals.scoring import Question, contains, normalise


def problems_of(question: Question, text_of: dict[str, str | None]) -> list[str]:
    """What is wrong with one question, given the loaded text of each source (None: unreadable)."""
    if not question.answerable:
        return ["unanswerable but names answer strings"] if question.answer_contains else []
    found: list[str] = []
    if not question.answer_contains:
        found.append("answerable but names no answer string")
    if not question.sources:
        found.append("answerable but names no source")
    texts = []
    for source in question.sources:
        text = text_of.get(source)
        if text is None:
            found.append(f"source not readable: {source}")
        else:
            texts.append(text)
    for needle in question.answer_contains:
        if texts and not any(contains(text, needle) for text in texts):
            found.append(f"answer string not in any source: {needle!r}")
    if question.evidence and texts and not any(contains(t, question.evidence) for t in texts):
        found.append(f"evidence not in any source: {question.evidence[:60]!r}")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--questions", type=Path, required=True)
    args = parser.parse_args(argv)
    corpus: Path = args.corpus

    @cache
    def read(source: str) -> str | None:
        try:
            doc = load_file(corpus / source, corpus)
        except LoadError:
            return None
        return "\n".join(page.text for page in doc.pages)

    questions = load_questions(args.questions)
    wordings: dict[str, str] = {}
    passed = failed = 0
    for question in questions:
        text_of = {source: read(source) for source in question.sources}
        found = problems_of(question, text_of)
        earlier = wordings.setdefault(normalise(question.question), question.id)
        if earlier != question.id:
            found.append(f"same wording as {earlier}")
        for problem in found:
            print(f"{question.id}: {problem}")
        passed, failed = (passed, failed + 1) if found else (passed + 1, failed)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
